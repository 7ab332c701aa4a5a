using Lodestar.Metrics.Records;

namespace Lodestar.Metrics.Kpis;

/// <summary>
/// The children-looked-after KPIs (903): one sweep over each child's episodes and other rows, adding
/// the child's contribution to every period asked for. Definitions: docs/kpis.md and
/// <see cref="KpiEngine"/>.
/// </summary>
internal sealed class ClaKpis
{
    private static readonly int AtEnd = KpiCatalog.SlotOf("cla_at_end");
    private static readonly int Rate = KpiCatalog.SlotOf("cla_rate_per_10k");
    private static readonly int Started = KpiCatalog.SlotOf("cla_started");
    private static readonly int Ceased = KpiCatalog.SlotOf("cla_ceased");
    private static readonly int Placements3 = KpiCatalog.SlotOf("cla_placements_3plus");
    private static readonly int Stability = KpiCatalog.SlotOf("cla_long_term_stability");
    private static readonly int Miles20 = KpiCatalog.SlotOf("cla_placed_20_miles");
    private static readonly int MissingChildren = KpiCatalog.SlotOf("cla_missing_children");
    private static readonly int MissingEpisodes = KpiCatalog.SlotOf("cla_missing_episodes");
    private static readonly int Reviews = KpiCatalog.SlotOf("cla_reviews_in_time");
    private static readonly int Health = KpiCatalog.SlotOf("cla_health_check");
    private static readonly int Teeth = KpiCatalog.SlotOf("cla_teeth_check");
    private static readonly int Immunisations = KpiCatalog.SlotOf("cla_immunisations");
    private static readonly int Sdq = KpiCatalog.SlotOf("cla_sdq_average");
    private static readonly int Eet1921 = KpiCatalog.SlotOf("care_leavers_eet_19_21");
    private static readonly int Eet1718 = KpiCatalog.SlotOf("care_leavers_eet_17_18");
    private static readonly int Accom1921 = KpiCatalog.SlotOf("care_leavers_suitable_accom_19_21");
    private static readonly int Accom1718 = KpiCatalog.SlotOf("care_leavers_suitable_accom_17_18");
    private static readonly int InTouch1921 = KpiCatalog.SlotOf("care_leavers_in_touch_19_21");
    private static readonly int Adopted = KpiCatalog.SlotOf("adopted");
    private static readonly int Sgo = KpiCatalog.SlotOf("sgo_granted");
    private static readonly int A1 = KpiCatalog.SlotOf("adoption_a1_days");
    private static readonly int A2 = KpiCatalog.SlotOf("adoption_a2_days");
    private static readonly int Placements52 = KpiCatalog.SlotOf("placements_52wk_by_type");
    private static readonly int StartedRate = KpiCatalog.SlotOf("cla_started_rate_per_10k");
    private static readonly int UascStarted = KpiCatalog.SlotOf("cla_uasc_started_rate_per_10k");
    private static readonly int UascAtEnd = KpiCatalog.SlotOf("cla_uasc_rate_per_10k");
    private static readonly int CeasedSgo = KpiCatalog.SlotOf("cla_ceased_sgo");
    private static readonly int CeasedCao = KpiCatalog.SlotOf("cla_ceased_cao");
    private static readonly int InFoster = KpiCatalog.SlotOf("cla_in_foster_care");
    private static readonly int InHomes = KpiCatalog.SlotOf("cla_in_childrens_homes");
    private static readonly int InIndependent = KpiCatalog.SlotOf("cla_in_independent_living");
    private static readonly int SocialWorkers3 = KpiCatalog.SlotOf("cla_social_workers_3plus");
    private static readonly int DecisionToMatch = KpiCatalog.SlotOf("adoption_decision_to_match_days");

    // The 903 SWEpisodes table began with the 2023/24 return.
    private static readonly int SocialWorkersFrom = new DateOnly(2023, 4, 1).DayNumber;

    private readonly Ssda903Data _data;
    private readonly KpiOptions _options;
    private readonly KpiTally _tally;
    private readonly int[] _start;
    private readonly int[] _end;

    // Code ids, looked up once.
    private readonly CodeSet _shortBreaks;
    private readonly CodeSet _temporary;
    private readonly CodeSet _adoptionPlacements;
    private readonly CodeSet _movesRne;
    private readonly CodeSet _carerChangeRne;
    private readonly CodeSet _adoptedRec;
    private readonly CodeSet _sgoRec;
    private readonly CodeSet _courtAuthorityLs;
    private readonly CodeSet _caoRec;
    private readonly CodeSet _fosterPlaces;
    private readonly CodeSet _homesPlaces;
    private readonly CodeSet _independentPlaces;
    private readonly CodeSet _eet;
    private readonly int _rneS;
    private readonly int _recX1;
    private readonly int _placeStatusOnly;
    private readonly int _missingM;
    private readonly int _done;
    private readonly int _inTouchYes;
    private readonly PlacementCategoryMap _placementCategory;

    // Which parts of the sweep the asked KPIs need (all of them unless a selection was asked for).
    private readonly bool _episodes;
    private readonly bool _decisionToMatch;
    private readonly bool _careLeavers;
    private readonly bool _atEnd;
    private readonly bool _startsAndEndings;
    private readonly bool _uascAtEnd;
    private readonly bool _socialWorkers;
    private readonly bool _placeAtEnd;
    private readonly bool _placements3;
    private readonly bool _stability;
    private readonly bool _miles20;

    // PL_DISTANCE of each episode row, worked out once for all the periods (NaN: not yet; -1: not known), or null without distances.
    private readonly double[]? _rowMiles;
    private readonly bool _healthCohort;
    private readonly bool _missing;
    private readonly bool _reviews;
    private readonly bool _adoptions;
    private readonly bool _placementDays;

    // Per-child scratch: the child's counted episodes (rows), their period-of-care start and carer start.
    private int[] _rows = new int[16];
    private int[] _pocStart = new int[16];
    private int[] _carerStart = new int[16];
    private bool[] _newPlacement = new bool[16];

    // Whether each counted episode begins a period of care: RNE S, or a re-entry after a ceased episode whatever its RNE.
    private bool[] _startsCare = new bool[16];
    private int _count;

    public ClaKpis(Ssda903Data data, KpiOptions options, KpiTally tally, int[] start, int[] end)
    {
        _data = data;
        _options = options;
        _tally = tally;
        _start = start;
        _end = end;
        var codes = data.Codes;
        _shortBreaks = codes.SetOf("V3", "V4");
        _temporary = codes.SetOf("T0", "T1", "T2", "T3", "T4");
        _adoptionPlacements = codes.SetOf("A3", "A4", "A5", "A6");
        _movesRne = codes.SetOf("S", "P", "B", "T", "U");
        _carerChangeRne = codes.SetOf("S", "P", "B");
        _adoptedRec = codes.SetOf("E11", "E12");
        _sgoRec = codes.SetOf("E43", "E44", "E45", "E46", "E47", "E48");
        _courtAuthorityLs = codes.SetOf("E1", "D1");
        _caoRec = codes.SetOf("E41");
        _fosterPlaces = codes.SetOf("U1", "U2", "U3", "U4", "U5", "U6");
        _homesPlaces = codes.SetOf("K1", "K2");
        _independentPlaces = codes.SetOf("P2", "H5", "K3");
        _eet = codes.SetOf("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5");
        _rneS = codes.Find("S");
        _recX1 = codes.Find("X1");
        _placeStatusOnly = codes.Find("PLACE");
        _missingM = codes.Find("M");
        _done = codes.Find("1");
        _inTouchYes = codes.Find("YES");
        _placementCategory = new PlacementCategoryMap(codes);

        _decisionToMatch = tally.Computes(DecisionToMatch);
        _careLeavers = tally.ComputesAny(Eet1921, Eet1718, Accom1921, Accom1718, InTouch1921);
        _startsAndEndings = tally.ComputesAny(Started, StartedRate, Ceased, Adopted, Sgo, UascStarted, CeasedSgo, CeasedCao);
        _uascAtEnd = tally.Computes(UascAtEnd);
        _socialWorkers = tally.Computes(SocialWorkers3);
        _placeAtEnd = tally.ComputesAny(InFoster, InHomes, InIndependent);
        _placements3 = tally.Computes(Placements3);
        _stability = tally.Computes(Stability);
        _miles20 = tally.Computes(Miles20);
        if (_miles20 && options.Distances is not null)
        {
            _rowMiles = new double[data.Episodes.Count];
            Array.Fill(_rowMiles, double.NaN);
        }
        _healthCohort = tally.ComputesAny(Health, Teeth, Immunisations, Sdq);
        _missing = tally.ComputesAny(MissingChildren, MissingEpisodes);
        _reviews = tally.Computes(Reviews);
        _adoptions = tally.ComputesAny(A1, A2);
        _placementDays = tally.Computes(Placements52);

        // The episode held at the end: the count at the end and every measure of the children looked after then.
        _atEnd = _uascAtEnd || _socialWorkers || _placeAtEnd || _placements3 || _stability || _miles20 || _healthCohort || tally.ComputesAny(AtEnd, Rate);
        _episodes = _atEnd || _startsAndEndings || _missing || _reviews || _adoptions || _placementDays;
    }

    /// <summary>Adds the contributions of children [from, to) to every period.</summary>
    public void Run(int from, int to)
    {
        for (var p = 0; p < _start.Length; p++)
        {
            var end = DateOnly.FromDayNumber(_end[p]);
            if (_options.Distances is null)
            {
                _tally.MarkNoData(Miles20, p);
            }

            if (_start[p] < SocialWorkersFrom)
            {
                _tally.MarkNoData(SocialWorkers3, p);
            }

            if (!(end.Month == 3 && end.Day == 31))
            {
                foreach (var slot in (ReadOnlySpan<int>)[Health, Teeth, Immunisations, Sdq, Eet1921, Eet1718, Accom1921, Accom1718, InTouch1921])
                {
                    _tally.MarkNoData(slot, p);
                }
            }

            for (var c = 0; c < KpiCatalog.PlacementCategories.Count; c++)
            {
                _tally.SetDenominator(Placements52 + c, p, 364);
            }
        }

        for (var child = from; child < to; child++)
        {
            if (_decisionToMatch)
            {
                // Matched in the period: AD1 rows, whatever the child's episodes say.
                for (var p = 0; p < _start.Length; p++)
                {
                    DecidedToMatched(child, p, _start[p], _end[p]);
                }
            }

            if (_episodes)
            {
                Episodes(child);
            }

            if (_careLeavers)
            {
                CareLeavers(child);
            }
        }
    }

    private void Episodes(int child)
    {
        Prepare(child);
        var (first, last, adopted) = ActiveDays();
        for (var p = 0; p < _start.Length; p++)
        {
            // Every measure but A1/A2 (three years back) needs care to have begun by the end and not ended before the start.
            if (!_tally.Explaining && (_count == 0 || _end[p] < first || _start[p] > last))
            {
                if (_adoptions && adopted && _count > 0 && _end[p] >= first)
                {
                    Adoptions(child, p, _end[p]);
                }

                continue;
            }

            Period(child, p, _start[p], _end[p]);
        }
    }

    /// <summary>Keeps the child's countable episodes and works out each one's period of care and carer.</summary>
    private void Prepare(int child)
    {
        var e = _data.Episodes;
        var rows = e.RowsOf(child);
        var n = rows.End - rows.Start;
        if (_rows.Length < n)
        {
            var size = Math.Max(n, _rows.Length * 2);
            _rows = new int[size];
            _pocStart = new int[size];
            _carerStart = new int[size];
            _newPlacement = new bool[size];
            _startsCare = new bool[size];
        }

        _count = 0;
        var number = 0;
        for (var i = rows.Start; i < rows.End; i++)
        {
            number++;
            if (_shortBreaks.Contains(e.Ls[i]))
            {
                if (_tally.Explaining)
                {
                    _tally.Note(KpiTally.AnySlot, child, $"left out: episode {number} (started {Show(e.Decom[i])}) is {_data.Codes[e.Ls[i]]} short breaks");
                }

                continue;
            }

            if (!RecordValues.HasValue(e.Decom[i]) || e.Dec[i] == RecordValues.Invalid || (RecordValues.HasValue(e.Dec[i]) && e.Dec[i] < e.Decom[i]))
            {
                if (_tally.Explaining)
                {
                    _tally.Note(KpiTally.AnySlot, child, $"left out: episode {number} has a missing or invalid DECOM or DEC ({_data.Describe(e.Source[i])})");
                }

                continue;
            }

            _rows[_count++] = i;
        }

        for (var k = 0; k < _count; k++)
        {
            var i = _rows[k];
            var previous = k > 0 ? _rows[k - 1] : -1;
            var continues = previous >= 0 && e.Dec[previous] == e.Decom[i] && e.Rec[previous] == _recX1 && e.Rne[i] != _rneS;
            // A new period of care: RNE S, or an episode after one that ended the child's care (REC other than X1, or a
            // gap) whatever its RNE — validation reports the RNE (DfE 432). The child's first episode in the data starts
            // care only with RNE S: earlier episodes may lie before the data (a first episode in the year without S is 357).
            _startsCare[k] = e.Rne[i] == _rneS || (previous >= 0 && !continues);
            if (!continues)
            {
                _pocStart[k] = e.Decom[i];
                _carerStart[k] = e.Decom[i];
                _newPlacement[k] = true;
                continue;
            }

            _pocStart[k] = _pocStart[k - 1];
            var isTemporary = _temporary.Contains(e.Place[i]);
            var returnsFromTemporary = !isTemporary && _temporary.Contains(e.Place[previous]) && ReturnsToPlacementBefore(k);
            if (isTemporary || returnsFromTemporary)
            {
                // A temporary move, and the return from it to the same placement, change neither carer nor placement.
                _carerStart[k] = returnsFromTemporary ? _carerStart[PlacementBeforeTemporary(k)] : _carerStart[k - 1];
                _newPlacement[k] = false;
                continue;
            }

            _carerStart[k] = _carerChangeRne.Contains(e.Rne[i]) ? e.Decom[i] : _carerStart[k - 1];
            _newPlacement[k] = _movesRne.Contains(e.Rne[i])
                && (_options.CountPlaceStatusChanges || e.ReasonPlaceChange[previous] != _placeStatusOnly || _placeStatusOnly == CodeTable.Absent);
        }
    }

    /// <summary>The first DECOM and last DEC (int.MaxValue while open) of the counted episodes, and whether any ended in adoption.</summary>
    private (int First, int Last, bool Adopted) ActiveDays()
    {
        var e = _data.Episodes;
        int first = int.MaxValue, last = int.MinValue;
        var adopted = false;
        for (var k = 0; k < _count; k++)
        {
            var i = _rows[k];
            first = Math.Min(first, e.Decom[i]);
            last = e.Dec[i] == RecordValues.Blank ? int.MaxValue : Math.Max(last, e.Dec[i]);
            adopted |= _adoptedRec.Contains(e.Rec[i]);
        }

        return (first, last, adopted);
    }

    /// <summary>The counted episode before the run of temporary moves that ends just before episode k, or -1.</summary>
    private int PlacementBeforeTemporary(int k)
    {
        var e = _data.Episodes;
        var j = k - 1;
        while (j >= 0 && _temporary.Contains(e.Place[_rows[j]]) && _pocStart[j] == _pocStart[k])
        {
            j--;
        }

        return j >= 0 && _pocStart[j] == _pocStart[k] ? j : -1;
    }

    private bool ReturnsToPlacementBefore(int k)
    {
        var before = PlacementBeforeTemporary(k);
        if (before < 0)
        {
            return false;
        }

        var e = _data.Episodes;
        int a = _rows[before], b = _rows[k];
        return e.Place[a] == e.Place[b] && e.PlaceProvider[a] == e.PlaceProvider[b] && e.Urn[a] == e.Urn[b] && e.PlPost[a] == e.PlPost[b];
    }

    /// <summary>The counted episode (index into the scratch lists) open on <paramref name="day"/>, or -1.</summary>
    private int OpenOn(int day)
    {
        var e = _data.Episodes;
        for (var k = _count - 1; k >= 0; k--)
        {
            var i = _rows[k];
            if (e.Decom[i] <= day && (e.Dec[i] == RecordValues.Blank || e.Dec[i] > day))
            {
                return k;
            }
        }

        return -1;
    }

    private void Period(int child, int p, int start, int end)
    {
        var e = _data.Episodes;
        var current = _atEnd ? OpenOn(end) : -1;
        var explaining = _tally.Explaining;

        // cla_at_end, cla_rate_per_10k
        if (current >= 0)
        {
            _tally.AddNumerator(AtEnd, p, child);
            _tally.AddNumerator(Rate, p, child);
            if (explaining)
            {
                _tally.Note(KpiTally.AnySlot, child, $"looked after at {Show(end)}: episode from {Show(e.Decom[_rows[current]])} open at the end");
            }
        }
        else if (explaining)
        {
            _tally.Note(KpiTally.AnySlot, child, $"not looked after at {Show(end)}: {WhyNotOpen(end)}");
        }

        if (_startsAndEndings)
        {
            StartsAndEndings(child, p, start, end);
        }

        if (current >= 0)
        {
            if (_uascAtEnd || _socialWorkers || _placeAtEnd)
            {
                AtEndCharacteristics(child, p, end, current);
            }

            if (_placements3)
            {
                PlacementCount(child, p, start, end, current);
            }

            if (_stability)
            {
                LongTermStability(child, p, end, current);
            }

            if (_miles20)
            {
                PlacedFarFromHome(child, p, current);
            }

            if (_healthCohort)
            {
                HealthCohort(child, p, end, current);
            }
        }

        if (_missing)
        {
            Missing(child, p, start, end);
        }

        if (_reviews)
        {
            ReviewsInTime(child, p, start, end);
        }

        if (_adoptions)
        {
            Adoptions(child, p, end);
        }

        if (_placementDays)
        {
            PlacementDays(child, p, start, end);
        }
    }

    /// <summary>cla_started, cla_ceased, adopted, sgo_granted; the UASC starts and the reason of the latest ceasing.</summary>
    private void StartsAndEndings(int child, int p, int start, int end)
    {
        var e = _data.Episodes;
        var explaining = _tally.Explaining;

        // cla_started, cla_ceased, adopted, sgo_granted; the UASC starts and the reason of the latest ceasing
        bool started = false, ceased = false, adopted = false, sgo = false, uascStart = false;
        var lastStart = RecordValues.Blank;
        var lastCeased = -1;
        for (var k = 0; k < _count; k++)
        {
            var i = _rows[k];
            if (_startsCare[k] && e.Decom[i] >= start && e.Decom[i] <= end)
            {
                started = true;
                lastStart = e.Decom[i];
                uascStart |= UascOn(child, e.Decom[i]);
            }

            if (e.Dec[i] >= start && e.Dec[i] <= end)
            {
                ceased |= e.Rec[i] != _recX1;
                adopted |= _adoptedRec.Contains(e.Rec[i]);
                sgo |= _sgoRec.Contains(e.Rec[i]);

                // Episodes are in DECOM order and do not overlap, so the last one ceasing is the latest.
                if (e.Rec[i] != _recX1)
                {
                    lastCeased = i;
                }
            }
        }

        if (started)
        {
            Count(UascStarted, p, child, uascStart, "started to be looked after in the period while an unaccompanied asylum-seeking child (UASC row, DUC blank or after the start)", $"started to be looked after {Show(lastStart)} but not UASC on starting");
        }

        if (lastCeased >= 0)
        {
            var rec = e.Rec[lastCeased];
            _tally.AddDenominator(CeasedSgo, p, child);
            _tally.AddDenominator(CeasedCao, p, child);
            if (_sgoRec.Contains(rec))
            {
                _tally.AddNumerator(CeasedSgo, p, child);
            }

            if (_caoRec.Contains(rec))
            {
                _tally.AddNumerator(CeasedCao, p, child);
            }

            if (explaining)
            {
                var reason = $"ceased to be looked after {Show(e.Dec[lastCeased])} (latest ceasing in the period) with REC '{_data.Codes[rec]}'";
                _tally.Note(CeasedSgo, child, $"{reason}: {(_sgoRec.Contains(rec) ? "special guardianship order" : "not a special guardianship order")}");
                _tally.Note(CeasedCao, child, $"{reason}: {(_caoRec.Contains(rec) ? "residence or child arrangements order" : "not a residence or child arrangements order")}");
            }
        }

        Count(Started, p, child, started, "a period of care started in the period (RNE S, or a re-entry after care ended)", "no period of care started in the period");
        Count(StartedRate, p, child, started, "a period of care started in the period (RNE S, or a re-entry after care ended)", "no period of care started in the period");
        Count(Ceased, p, child, ceased, "an episode ended in the period with REC other than X1", "no episode ended in the period other than with X1");
        Count(Adopted, p, child, adopted, "care ended in the period with REC E11/E12 (adopted)", "care did not end with E11/E12 in the period");
        Count(Sgo, p, child, sgo, "care ended in the period with a special guardianship order (E43–E48)", "care did not end with an SGO in the period");
    }

    private void Count(int slot, int p, int child, bool counted, string yes, string no)
    {
        if (counted)
        {
            _tally.AddNumerator(slot, p, child);
        }

        if (_tally.Wants(slot))
        {
            _tally.Note(slot, child, $"{(counted ? $"counted: {yes}" : $"not counted: {no}")}");
        }
    }

    /// <summary>UASC at the end, and the placement held on the last day (foster care, children's homes, independent living).</summary>
    private void AtEndCharacteristics(int child, int p, int end, int current)
    {
        if (_uascAtEnd)
        {
            var uasc = UascOn(child, end);
            Count(UascAtEnd, p, child, uasc, $"looked after and an unaccompanied asylum-seeking child at {Show(end)}", $"looked after at {Show(end)} but not UASC that day");
        }

        if (_socialWorkers)
        {
            SocialWorkers(child, p, _start[p], end);
        }

        if (!_placeAtEnd)
        {
            return;
        }

        var place = _data.Episodes.Place[_rows[current]];
        foreach (var (slot, places) in (ReadOnlySpan<(int, CodeSet)>)[(InFoster, _fosterPlaces), (InHomes, _homesPlaces), (InIndependent, _independentPlaces)])
        {
            _tally.AddDenominator(slot, p, child);
            var counted = places.Contains(place);
            if (counted)
            {
                _tally.AddNumerator(slot, p, child);
            }

            _tally.Note(slot, child, $"placement at {Show(end)}: PLACE '{_data.Codes[place]}' ({(counted ? "in the numerator" : "not in the numerator")})");
        }
    }

    /// <summary>Different SW_IDs on the child's SWEpisodes rows held during the period (blank ids left out).</summary>
    private void SocialWorkers(int child, int p, int start, int end)
    {
        var sw = _data.SwEpisodes;
        var rows = sw.RowsOf(child);
        Span<int> seen = stackalloc int[3];
        var workers = 0;
        for (var i = rows.Start; i < rows.End && workers < 3; i++)
        {
            var held = RecordValues.HasValue(sw.SwDecom[i]) && sw.SwDecom[i] <= end && (sw.SwDec[i] == RecordValues.Blank || sw.SwDec[i] > start);
            var id = sw.SwId[i];
            if (!held || id == CodeTable.Blank || seen[..workers].Contains(id))
            {
                continue;
            }

            seen[workers++] = id;
        }

        _tally.AddDenominator(SocialWorkers3, p, child);
        if (workers >= 3)
        {
            _tally.AddNumerator(SocialWorkers3, p, child);
        }

        _tally.Note(SocialWorkers3, child, $"{(workers >= 3 ? "3 or more social workers in the period: in the numerator" : $"{workers} social worker(s) in the period: not in the numerator")}");
    }

    /// <summary>
    /// Whether the child was an unaccompanied asylum-seeking child on <paramref name="day"/>: a UASC row
    /// whose DUC (the date they ceased to be UASC) is blank, unreadable, or after the day.
    /// </summary>
    private bool UascOn(int child, int day)
    {
        var u = _data.Uasc;
        var rows = u.RowsOf(child);
        for (var i = rows.Start; i < rows.End; i++)
        {
            if (!RecordValues.HasValue(u.Duc[i]) || u.Duc[i] > day)
            {
                return true;
            }
        }

        return false;
    }

    private void PlacementCount(int child, int p, int start, int end, int current)
    {
        var e = _data.Episodes;
        var placements = 0;
        for (var k = 0; k <= current; k++)
        {
            var i = _rows[k];
            var overlaps = e.Decom[i] <= end && (e.Dec[i] == RecordValues.Blank || e.Dec[i] > start);
            if (!overlaps || _temporary.Contains(e.Place[i]))
            {
                continue;
            }

            // The first placement held in the period counts even when it began earlier.
            if (placements == 0 || _newPlacement[k])
            {
                placements++;
            }
        }

        _tally.AddDenominator(Placements3, p, child);
        if (placements >= 3)
        {
            _tally.AddNumerator(Placements3, p, child);
        }

        if (_tally.Wants(Placements3))
        {
            _tally.Note(Placements3, child, $"{placements} placement(s) in the period (temporary moves, legal-status-only changes and returns to the same placement not counted): {(placements >= 3 ? "in the numerator" : "not in the numerator")}");
        }
    }

    private void LongTermStability(int child, int p, int end, int current)
    {
        var endDate = DateOnly.FromDayNumber(end);
        var dob = Dob(child);
        if (dob is null)
        {
            _tally.NoteFixed(Stability, child, "left out: no valid date of birth in the Header");
            return;
        }

        if (dob.Value.AddYears(16) <= endDate)
        {
            _tally.Note(Stability, child, $"left out: aged 16 or over at {endDate:dd/MM/yyyy}");
            return;
        }

        if (_pocStart[current] > endDate.AddMonths(-30).DayNumber)
        {
            _tally.Note(Stability, child, $"left out: current period of care began {Show(_pocStart[current])}, less than 2½ years before the end");
            return;
        }

        _tally.AddDenominator(Stability, p, child);
        var twoYears = endDate.AddYears(-2).DayNumber;
        var sameCarer = _carerStart[current] <= twoYears;
        var adoption = false;
        var e = _data.Episodes;
        if (!sameCarer && _adoptionPlacements.Contains(e.Place[_rows[current]]))
        {
            // Placed for adoption: the adoptive placement and the one before it together.
            var first = current;
            while (first > 0 && _pocStart[first - 1] == _pocStart[current] && _adoptionPlacements.Contains(e.Place[_rows[first - 1]]))
            {
                first--;
            }

            var before = first - 1;
            adoption = before >= 0 && _pocStart[before] == _pocStart[current] && _carerStart[before] <= twoYears;
        }

        if (sameCarer || adoption)
        {
            _tally.AddNumerator(Stability, p, child);
        }

        _tally.Note(Stability, child, $"{(sameCarer
            ? $"in the numerator: with the same carer since {Show(_carerStart[current])}"
            : adoption
                ? "in the numerator: placed for adoption, adoptive placement and the one before it last 2 years or more"
                : $"not in the numerator: with the current carer only since {Show(_carerStart[current])}")}");
    }

    private void PlacedFarFromHome(int child, int p, int current)
    {
        if (_options.Distances is not { } distances || _rowMiles is null)
        {
            return;
        }

        var e = _data.Episodes;
        var i = _rows[current];
        if (_adoptionPlacements.Contains(e.Place[i]))
        {
            _tally.NoteFixed(Miles20, child, "left out: placed for adoption");
            return;
        }

        var miles = _rowMiles[i];
        if (double.IsNaN(miles))
        {
            var home = _data.Codes[e.HomePost[i]];
            var placed = _data.Codes[e.PlPost[i]];
            miles = _rowMiles[i] = home is not null && placed is not null && distances.Miles(home, placed) is { } known ? known : -1;
        }

        if (miles < 0)
        {
            _tally.NoteFixed(Miles20, child, "left out: home or placement postcode missing or not found");
            return;
        }

        // PL_DISTANCE to one decimal place, as the DfE gives it: 20.0 is not more than 20 miles.
        _tally.AddDenominator(Miles20, p, child);
        if (miles > 20)
        {
            _tally.AddNumerator(Miles20, p, child);
        }

        _tally.Note(Miles20, child, $"placed {miles:0.0} miles from home");
    }

    private void HealthCohort(int child, int p, int end, int current)
    {
        var endDate = DateOnly.FromDayNumber(end);
        if (!(endDate.Month == 3 && endDate.Day == 31))
        {
            return;
        }

        // Looked after every day of the 12 months ending at the end: care began on or before the day after the same date a year earlier.
        if (_pocStart[current] > endDate.AddYears(-1).AddDays(1).DayNumber)
        {
            _tally.NoteFixed(Health, child, "left out of the OC2 cohort: not looked after continuously for 12 months");
            _tally.NoteFixed(Teeth, child, "left out of the OC2 cohort: not looked after continuously for 12 months");
            _tally.NoteFixed(Immunisations, child, "left out of the OC2 cohort: not looked after continuously for 12 months");
            _tally.NoteFixed(Sdq, child, "left out of the OC2 cohort: not looked after continuously for 12 months");
            return;
        }

        var oc2 = _data.Oc2;
        var row = -1;
        var rows = oc2.RowsOf(child);
        for (var i = rows.Start; i < rows.End; i++)
        {
            if (oc2.Year[i] == endDate.Year)
            {
                row = i;
            }
        }

        _tally.AddDenominator(Health, p, child);
        _tally.AddDenominator(Teeth, p, child);
        _tally.AddDenominator(Immunisations, p, child);
        if (row < 0)
        {
            _tally.Note(KpiTally.AnySlot, child, $"in the OC2 cohort but no OC2 row for {endDate.Year}: counted as not done");
            return;
        }

        Check(Health, oc2.HealthCheck[row], "health check");
        Check(Teeth, oc2.TeethCheck[row], "teeth check");
        Check(Immunisations, oc2.Immunisations[row], "immunisations");
        var score = oc2.SdqScore[row];
        if (RecordValues.HasValue(score))
        {
            _tally.AddNumerator(Sdq, p, child, score);
            _tally.AddDenominator(Sdq, p, child);
        }

        _tally.Note(Sdq, child, $"{(RecordValues.HasValue(score) ? $"SDQ score {score}" : "left out: no SDQ score recorded")}");

        void Check(int slot, int value, string what)
        {
            if (value == _done)
            {
                _tally.AddNumerator(slot, p, child);
            }

            _tally.Note(slot, child, $"{(value == _done ? $"in the numerator: {what} done" : $"not in the numerator: {what} not recorded as done (code '{_data.Codes[value]}')")}");
        }
    }

    private void Missing(int child, int p, int start, int end)
    {
        var m = _data.Missing;
        var rows = m.RowsOf(child);
        var any = false;
        for (var i = rows.Start; i < rows.End; i++)
        {
            var day = m.MisStart[i];
            if (day < start || day > end)
            {
                continue;
            }

            if (m.MissingType[i] != _missingM)
            {
                _tally.Note(MissingEpisodes, child, $"left out: episode from {Show(day)} is '{_data.Codes[m.MissingType[i]]}' (away without authorisation), not M");
                continue;
            }

            if (OpenOn(day) < 0)
            {
                _tally.Note(MissingEpisodes, child, $"left out: not looked after on {Show(day)} (or only on short breaks)");
                continue;
            }

            any = true;
            _tally.AddNumerator(MissingEpisodes, p, child);
        }

        Count(MissingChildren, p, child, any, "went missing (M) while looked after in the period", "no missing (M) episode while looked after in the period");
    }

    private void ReviewsInTime(int child, int p, int start, int end)
    {
        var r = _data.Reviews;
        var e = _data.Episodes;
        var rows = r.RowsOf(child);
        for (var i = rows.Start; i < rows.End; i++)
        {
            var day = r.Review[i];
            if (day < start || day > end)
            {
                continue;
            }

            // The period of care the review belongs to: an episode open on the day or ending that day.
            var k = -1;
            for (var j = _count - 1; j >= 0; j--)
            {
                var row = _rows[j];
                if (e.Decom[row] <= day && (e.Dec[row] == RecordValues.Blank || e.Dec[row] >= day))
                {
                    k = j;
                    break;
                }
            }

            if (k < 0)
            {
                _tally.Note(Reviews, child, $"left out: review on {Show(day)} is outside any counted period of care");
                continue;
            }

            var careStart = _pocStart[k];
            var position = 0;
            var previous = RecordValues.Blank;
            for (var j = rows.Start; j < i; j++)
            {
                if (r.Review[j] >= careStart && r.Review[j] < day)
                {
                    position++;
                    previous = r.Review[j];
                }
            }

            bool inTime;
            string rule;
            if (position == 0)
            {
                var workingDays = _options.Calendar.WorkingDaysBetween(careStart, day);
                inTime = workingDays <= 20;
                rule = $"first review, {workingDays} working days after care began {Show(careStart)} (limit 20)";
            }
            else
            {
                var months = position == 1 ? 3 : 6;
                var due = DateOnly.FromDayNumber(previous).AddMonths(months).DayNumber;
                inTime = day <= due;
                rule = $"review {position + 1}, due by {Show(due)} ({months} months after {Show(previous)})";
            }

            _tally.AddDenominator(Reviews, p, child);
            if (inTime)
            {
                _tally.AddNumerator(Reviews, p, child);
            }

            if (_tally.Wants(Reviews))
            {
                _tally.Note(Reviews, child, $"review on {Show(day)}: {rule}: {(inTime ? "in time" : "late")}");
            }
        }
    }

    private void Adoptions(int child, int p, int end)
    {
        var e = _data.Episodes;
        var endDate = DateOnly.FromDayNumber(end);
        var cohortStart = endDate.AddYears(-3).AddDays(1).DayNumber;
        for (var k = 0; k < _count; k++)
        {
            var i = _rows[k];
            if (!_adoptedRec.Contains(e.Rec[i]) || e.Dec[i] < cohortStart || e.Dec[i] > end)
            {
                continue;
            }

            var careStart = _pocStart[k];
            var ad1 = _data.Ad1;
            var ad1Rows = ad1.RowsOf(child);
            var ad1Row = ad1Rows.End > ad1Rows.Start ? ad1Rows.End - 1 : -1;
            var fosterCarer = ad1Row >= 0 && _data.Codes[ad1.FosterCare[ad1Row]] == "1";

            // The adoptive placement: the first A3–A6 episode of this period of care.
            var firstAdoptive = -1;
            var authority = RecordValues.Blank;
            for (var j = 0; j <= k; j++)
            {
                if (_pocStart[j] != careStart)
                {
                    continue;
                }

                if (firstAdoptive < 0 && _adoptionPlacements.Contains(e.Place[_rows[j]]))
                {
                    firstAdoptive = j;
                }

                if (authority == RecordValues.Blank && _courtAuthorityLs.Contains(e.Ls[_rows[j]]))
                {
                    authority = e.Decom[_rows[j]];
                }
            }

            var placed = RecordValues.Blank;
            if (firstAdoptive >= 0)
            {
                // A10: adopted by the foster carers: the child moved in when that carer's placement began.
                placed = fosterCarer ? _carerStart[firstAdoptive] : e.Decom[_rows[firstAdoptive]];
            }
            else
            {
                var pa = _data.PlacedAdoption;
                var paRows = pa.RowsOf(child);
                for (var j = paRows.Start; j < paRows.End; j++)
                {
                    if (pa.DatePlaced[j] >= careStart && pa.DatePlaced[j] <= e.Dec[i])
                    {
                        placed = pa.DatePlaced[j];
                        break;
                    }
                }
            }

            if (placed == RecordValues.Blank)
            {
                _tally.NoteFixed(A1, child, "left out: adopted but never placed for adoption (no A3–A6 episode or PlacedAdoption date)");
                _tally.NoteFixed(A2, child, "left out: adopted but never placed for adoption");
                continue;
            }

            _tally.AddNumerator(A1, p, child, placed - careStart);
            _tally.AddDenominator(A1, p, child);
            if (_tally.Wants(A1))
            {
                _tally.Note(A1, child, $"entered care {Show(careStart)}, moved in with the adoptive family {Show(placed)}{(fosterCarer ? " (foster-carer adoption: start of that carer's placement)" : string.Empty)}: {placed - careStart} days");
            }

            var match = ad1Row >= 0 ? ad1.DateMatch[ad1Row] : RecordValues.Blank;
            if (authority == RecordValues.Blank || !RecordValues.HasValue(match))
            {
                _tally.NoteFixed(A2, child, "left out: no placement or freeing order (LS E1/D1) in the period of care, or no AD1 DATE_MATCH");
                continue;
            }

            var days = Math.Max(0, match - authority);
            _tally.AddNumerator(A2, p, child, days);
            _tally.AddDenominator(A2, p, child);
            if (_tally.Wants(A2))
            {
                _tally.Note(A2, child, $"court authority {Show(authority)}, matched {Show(match)}: {days} days");
            }
        }
    }

    /// <summary>
    /// NF 47: a child matched in the period (their latest AD1 DATE_MATCH in it) counts the days from the
    /// decision in force at the match — the latest PlacedAdoption DATE_PLACED on or before the match whose
    /// DATE_PLACED_CEASED is blank or not before the match — to the match.
    /// </summary>
    private void DecidedToMatched(int child, int p, int start, int end)
    {
        var ad1 = _data.Ad1;
        var ad1Rows = ad1.RowsOf(child);
        var match = RecordValues.Blank;
        for (var i = ad1Rows.Start; i < ad1Rows.End; i++)
        {
            var m = ad1.DateMatch[i];
            if (RecordValues.HasValue(m) && m >= start && m <= end && (match == RecordValues.Blank || m > match))
            {
                match = m;
            }
        }

        if (match == RecordValues.Blank)
        {
            return;
        }

        // Two decisions (one ceased, a new one made): the one in force when the child was matched counts.
        var pa = _data.PlacedAdoption;
        var paRows = pa.RowsOf(child);
        var decision = RecordValues.Blank;
        var later = false;
        for (var j = paRows.Start; j < paRows.End; j++)
        {
            var d = pa.DatePlaced[j];
            if (!RecordValues.HasValue(d))
            {
                continue;
            }

            if (d > match)
            {
                later = true;
                continue;
            }

            var ceased = pa.DatePlacedCeased[j];
            if (RecordValues.HasValue(ceased) && ceased < match)
            {
                continue;
            }

            if (decision == RecordValues.Blank || d > decision)
            {
                decision = d;
            }
        }

        if (decision == RecordValues.Blank)
        {
            // A match before any decision is a recording error (the DfE's rules reject it), not a wait of
            // 0 days: counting it as 0 would make the average look better for bad data.
            _tally.NoteFixed(DecisionToMatch, child, later
                ? "left out: matched before the decision that they should be placed for adoption (PlacedAdoption DATE_PLACED after AD1 DATE_MATCH)"
                : "left out: matched, but no PlacedAdoption DATE_PLACED in force at the match");
            return;
        }

        _tally.AddNumerator(DecisionToMatch, p, child, match - decision);
        _tally.AddDenominator(DecisionToMatch, p, child);
        if (_tally.Wants(DecisionToMatch))
        {
            _tally.Note(DecisionToMatch, child, $"decision to place for adoption {Show(decision)}, matched {Show(match)}: {match - decision} days");
        }
    }

    private void PlacementDays(int child, int p, int start, int end)
    {
        var e = _data.Episodes;
        for (var k = 0; k < _count; k++)
        {
            var i = _rows[k];
            var from = Math.Max(e.Decom[i], start);
            var until = e.Dec[i] == RecordValues.Blank ? end + 1 : Math.Min(e.Dec[i], end + 1);
            if (until <= from)
            {
                continue;
            }

            var category2 = _placementCategory.Of(e.Place[i], e.PlaceProvider[i]);
            _tally.AddNumerator(Placements52 + category2, p, child, until - from);
            if (_tally.Wants(Placements52))
            {
                _tally.Note(Placements52, child, $"{until - from} day(s) in {_data.Codes[e.Place[i]]} ({KpiCatalog.PlacementCategories[category2]})");
            }
        }
    }

    private void CareLeavers(int child)
    {
        var oc3 = _data.Oc3;
        var rows = oc3.RowsOf(child);
        if (rows.End == rows.Start)
        {
            return;
        }

        for (var p = 0; p < _end.Length; p++)
        {
            var endDate = DateOnly.FromDayNumber(_end[p]);
            if (!(endDate.Month == 3 && endDate.Day == 31))
            {
                continue;
            }

            for (var i = rows.Start; i < rows.End; i++)
            {
                if (oc3.Year[i] != endDate.Year)
                {
                    continue;
                }

                var dob = oc3.DobAt(i) ?? Dob(child);
                if (dob is null)
                {
                    _tally.NoteFixed(KpiTally.AnySlot, child, "left out of the care-leaver measures: no valid date of birth");
                    continue;
                }

                var age = AgeAt(dob.Value, endDate);
                int eet, accom;
                if (age is 19 or 20 or 21)
                {
                    (eet, accom) = (Eet1921, Accom1921);
                    var inTouch = oc3.InTouch[i] == _inTouchYes;
                    _tally.AddDenominator(InTouch1921, p, child);
                    if (inTouch)
                    {
                        _tally.AddNumerator(InTouch1921, p, child);
                    }

                    _tally.Note(InTouch1921, child, $"IN_TOUCH '{_data.Codes[oc3.InTouch[i]]}': {(inTouch ? "in touch" : "not counted as in touch")}");
                }
                else if (age is 17 or 18)
                {
                    (eet, accom) = (Eet1718, Accom1718);
                }
                else
                {
                    _tally.Note(KpiTally.AnySlot, child, $"left out of the care-leaver measures: aged {age} at {endDate:dd/MM/yyyy}");
                    continue;
                }

                var activity = oc3.Activ[i];
                _tally.AddDenominator(eet, p, child);
                if (_eet.Contains(activity))
                {
                    _tally.AddNumerator(eet, p, child);
                }

                _tally.Note(eet, child, $"aged {age}, ACTIV '{_data.Codes[activity]}': {(_eet.Contains(activity) ? "in EET" : "not in EET or not known")}");

                var accommodation = _data.Codes[oc3.Accom[i]];
                var suitable = accommodation is { Length: 2 } && accommodation[1] == '1';
                _tally.AddDenominator(accom, p, child);
                if (suitable)
                {
                    _tally.AddNumerator(accom, p, child);
                }

                _tally.Note(accom, child, $"aged {age}, ACCOM '{accommodation}': {(suitable ? "suitable" : "not suitable or not known")}");
            }
        }
    }

    /// <summary>Completed years of age on <paramref name="on"/>.</summary>
    internal static int AgeAt(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        return dob.AddYears(age) > on ? age - 1 : age;
    }

    private DateOnly? Dob(int child)
    {
        var h = _data.Header;
        var rows = h.RowsOf(child);
        return rows.End > rows.Start ? h.DobAt(rows.End - 1) : null;
    }

    private string WhyNotOpen(int day)
    {
        var e = _data.Episodes;
        for (var k = _count - 1; k >= 0; k--)
        {
            var i = _rows[k];
            if (e.Decom[i] <= day)
            {
                return $"episode {k + 1} ended {Show(e.Dec[i])}";
            }
        }

        return _count == 0 ? "no counted episodes" : $"care began later ({Show(e.Decom[_rows[0]])})";
    }

    private static string Show(int day) => RecordValues.Date(day) is { } d ? d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "(blank)";
}
