using System.Globalization;
using System.Text;

namespace Lodestar.Formats.Generation;

/// <summary>
/// Writes one council's SSDA903 return for each reporting year as the DfE's CSV tables (one file per table per year,
/// header rows as docs/domain.md "Tables and columns", dates dd/mm/yyyy). Each year holds what that year's return would: episodes open at
/// any time in the year, with anything that happened after 31 March left blank, so consecutive years overlap.
/// </summary>
internal static class Ssda903CsvWriter
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the council's return for <paramref name="year"/>; the postcodes and URNs written are added to <paramref name="references"/>.</summary>
    public static void Write(SimCouncil council, int year, string folder, GeneratedReferences references)
    {
        var yearStart = new DateOnly(year - 1, 4, 1);
        var yearEnd = new DateOnly(year, 3, 31);
        var header = new Table("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC");
        var episodes = new Table("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN");
        var reviews = new Table("CHILD,DOB,REVIEW,REVIEW_CODE");
        var uasc = new Table("CHILD,SEX,DOB,DUC");
        var oc2 = new Table("CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED");
        var oc3 = new Table("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM");
        var ad1 = new Table("CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR");
        var placed = new Table("CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED");
        var previous = new Table("CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM");
        var missing = new Table("CHILD,DOB,MISSING,MIS_START,MIS_END");
        var socialWorkers = new Table("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON");

        foreach (var child in council.Children)
        {
            var inYear = child.Episodes.Where(e => e.Start <= yearEnd && (e.End is null || e.End >= yearStart)).ToList();
            child.Oc3.TryGetValue(year, out var leaver);
            if (inYear.Count == 0 && leaver is null)
            {
                continue;
            }

            var dob = Date(child.BirthDate);
            var sex = year >= 2025 ? (child.Male ? "M" : "F") : (child.Male ? "1" : "2");
            var upn = child.IsUasc ? "UN2" : AgeOn(child.BirthDate, yearEnd) < 5 ? "UN1" : child.UpnWhenOfSchoolAge;
            // MOTHER is asked of a girl looked after in the year other than on short breaks (DfE 165), and of no one
            // else: not of a care leaver with only OC3 (628), nor of a child on short breaks alone (399).
            var motherAsked = !child.Male && !inYear.TrueForAll(e => e.IsShortBreak);
            var mother = motherAsked ? child.MotherFlag ?? "0" : string.Empty;
            var babyBorn = motherAsked && child.MotherChildBirthDate is { } born && born <= yearEnd ? Date(born) : string.Empty;
            if (mother == "1" && babyBorn.Length == 0)
            {
                mother = "0";
            }

            // A UASC row while the status lasts and in the year it ceases (at 18), not after: DUC is never before the
            // year (DfE 104). None for a care leaver with no episode in the year (DfE 1014). The Header's UASC says 1
            // exactly when the year has a UASC row (303), as the DfE's XML gives both.
            var adult = child.BirthDate.AddYears(18);
            var isUasc = child.IsUasc && adult >= yearStart && inYear.Count > 0;
            header.Row(child.Id, sex, dob, child.Ethnicity, upn, mother, babyBorn, isUasc ? "1" : "0");

            foreach (var e in inYear)
            {
                var ended = e.End is { } end && end <= yearEnd;
                var place = e.Placement.PlaceIn(year);
                var provider = e.Placement.HasProvider ? e.Placement.Provider : string.Empty;

                // Short breaks (V3/V4) record no postcodes or URN (DfE 214, 398). A child who is UASC has no home postcode
                // written: the DfE works out no distance from home for them (406), and it is always the year's UASC (their
                // episodes end by their 18th birthday).
                var home = e.IsShortBreak || child.IsUasc ? string.Empty : child.HomePostcode;
                var placedAt = e.IsShortBreak ? string.Empty : e.Placement.Place == "P1" ? child.HomePostcode : e.Placement.Postcode;
                var urn = e.IsShortBreak ? string.Empty : e.Placement.Urn;
                episodes.Row(
                    child.Id, Date(e.Start), e.ReasonNew, e.LegalStatus, e.CategoryOfNeed, place, provider,
                    ended ? Date(e.End!.Value) : string.Empty,
                    ended ? e.ReasonEnded ?? string.Empty : string.Empty,
                    ended ? e.ReasonPlaceChange ?? string.Empty : string.Empty,
                    home, placedAt, urn);
                if (home.Length > 0)
                {
                    references.Postcode(home);
                }

                if (placedAt.Length > 0)
                {
                    references.Postcode(placedAt);
                }

                if (!e.IsShortBreak && e.Placement.HasUrn)
                {
                    references.Provider(urn, place, provider, placedAt, e.End);
                }
            }

            foreach (var review in child.Reviews.Where(r => r.Date >= yearStart && r.Date <= yearEnd))
            {
                reviews.Row(child.Id, dob, Date(review.Date), review.Participation);
            }

            // DUC is the 18th birthday every year, as the DfE asks of a child still UASC (205B); in the year a UASC child leaves
            // care before it, the day care ended. The status the return records ends with care: next year's Header says UASC 0
            // and has no UASC row (1014), so last year's DUC must be in last year (205A).
            if (isUasc)
            {
                var ceased = child.CareEnd is { } left && left < adult && left <= yearEnd ? left : adult;
                uasc.Row(child.Id, sex, dob, Date(ceased));
            }

            if (child.Oc2.TryGetValue(year, out var outcome))
            {
                oc2.Row(
                    child.Id, dob, outcome.SdqScore, outcome.SdqReason, outcome.Convicted, outcome.HealthCheck, outcome.Immunisations,
                    outcome.TeethCheck, outcome.HealthAssessment, outcome.SubstanceMisuse, outcome.InterventionReceived,
                    outcome.InterventionOffered);
            }

            if (leaver is not null)
            {
                oc3.Row(child.Id, dob, leaver.InTouch, leaver.Activity, leaver.Accommodation);
            }

            if (child.Adoption is { } adoption && adoption.DecisionDate <= yearEnd
                && (adoption.AdoptedDate is null || adoption.AdoptedDate >= yearStart))
            {
                placed.Row(child.Id, dob, Date(adoption.DecisionDate), string.Empty, string.Empty);
                if (adoption.AdoptedDate is { } adopted && adopted <= yearEnd)
                {
                    ad1.Row(
                        child.Id, dob, Date(adoption.DecisionDate), Date(adoption.MatchDate), adoption.ByFosterCarer ? "1" : "0",
                        adoption.Adopters.ToString(CultureInfo.InvariantCulture), adoption.AdopterSex, adoption.AdopterLegalStatus);
                }
            }

            // The PrevPerm table began with the 2016/17 return: a period of care that started before 1 April 2016 has no row (DfE 634).
            if (child.PreviousPermanence is { } permanence && inYear.Exists(e => e.ReasonNew == "S" && !e.IsShortBreak && e.Start >= yearStart && e.Start >= PrevPermFrom))
            {
                previous.Row(child.Id, dob, permanence.Code, permanence.LaNumber, permanence.Date is { } d ? Date(d) : permanence.Code == "Z1" ? string.Empty : UnknownPermanenceDate);
            }

            // Missing periods open at any time in the year: one open at 31 March is written again, with its end, the next year.
            foreach (var episode in child.Missing.Where(m => m.Start <= yearEnd && (m.Start >= yearStart || m.End is null || m.End >= yearStart)))
            {
                var end = episode.End is { } e && e <= yearEnd ? Date(e) : string.Empty;
                missing.Row(child.Id, dob, episode.Kind, Date(episode.Start), end);
            }

            if (year >= 2024)
            {
                foreach (var worker in child.SocialWorkers.Where(w => w.Start <= yearEnd && (w.End is null || w.End >= yearStart)))
                {
                    var end = worker.End is { } e && e <= yearEnd ? Date(e) : string.Empty;
                    socialWorkers.Row(child.Id, dob, worker.Id, Date(worker.Start), end, worker.Reason);
                }
            }
        }

        Directory.CreateDirectory(folder);
        header.Save(folder, "header", year);
        episodes.Save(folder, "episodes", year);
        reviews.Save(folder, "reviews", year);
        uasc.Save(folder, "uasc", year);
        oc2.Save(folder, "oc2", year);
        oc3.Save(folder, "oc3", year);
        ad1.Save(folder, "ad1", year);
        placed.Save(folder, "placed_adoption", year);
        previous.Save(folder, "prev_perm", year);
        missing.Save(folder, "missing", year);
        if (year >= 2024)
        {
            socialWorkers.Save(folder, "sw_episodes", year);
        }
    }

    // A previous permanence order whose date is not known, written as the DfE asks (632) so that DATE_PERM is never blank (630).
    private const string UnknownPermanenceDate = "ZZ/ZZ/ZZZZ";

    internal static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static readonly DateOnly PrevPermFrom = new(2016, 4, 1);

    private static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return birth.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>A CSV table; the values are codes, ids and dates, which never hold a comma or a quote.</summary>
    private sealed class Table
    {
        private readonly StringBuilder _text = new();

        public Table(string header) => _text.Append(header).Append('\n');

        public void Row(params string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    _text.Append(',');
                }

                _text.Append(cells[i]);
            }

            _text.Append('\n');
        }

        public void Save(string folder, string name, int year) =>
            File.WriteAllText(Path.Combine(folder, $"{name}_{year}.csv"), _text.ToString(), Utf8);
    }
}
