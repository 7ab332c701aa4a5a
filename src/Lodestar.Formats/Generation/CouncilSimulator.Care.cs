using Lodestar.Domain.Councils;

namespace Lodestar.Formats.Generation;

internal sealed partial class CouncilSimulator
{
    private enum Route
    {
        Adoption,
        SpecialGuardianship,
        ReturnHome,
        Adulthood,
        Other,
        Remand,
    }

    private enum Kind
    {
        InHouseFoster,
        AgencyFoster,
        Kinship,
        Residential,
        Supported,
        Independent,
        Parents,
        Secure,
        ResidentialSchool,
        Hospital,
        YoungOffender,
        MotherAndBaby,
        Other,
    }

    private enum Intent
    {
        Move,
        LongTerm,
        Temporary,
        Kinship,
        Supported,
        Parents,
        Adoption,
    }

    private sealed record CarePlan(
        DateOnly Start, DateOnly Birth, bool Male, bool Uasc, Route Route, DateOnly End, bool Consent,
        DateOnly Decision, DateOnly PlacementOrder, DateOnly Match, DateOnly Placed);

    /// <summary>
    /// Draws periods of care starting uniformly over 22 years before the window to its end, and keeps those that
    /// reach into the window until <see cref="GenerationOptions.ChildrenPerCouncil"/> children have been kept. Those
    /// that ended before the window at 16 or over, and are still under 22, are kept as care leavers only (OC3).
    /// </summary>
    private void SimulateCare()
    {
        var runIn = _windowStart.AddYears(-22);
        var kept = 0;
        while (kept < _options.ChildrenPerCouncil)
        {
            var plan = DrawPlan(_rng.DateBetween(runIn, _windowEnd));
            if (plan.End >= _windowStart)
            {
                BuildLookedAfterChild(plan);
                kept++;
            }
            else if (LeftAt16Plus(plan) && plan.Birth.AddYears(22) > _windowStart)
            {
                var child = NewChild(plan.Birth, plan.Male, _rng.Pick(plan.Uasc ? UascEthnicities : Ethnicities));
                child.IsUasc = plan.Uasc;
                child.CareStart = plan.Start;
                child.CareEnd = plan.End;
                child.LeftCareAged16Plus = true;
                AddCareLeaverRows(child);
            }
        }
    }

    private static bool LeftAt16Plus(CarePlan plan) =>
        plan.End >= plan.Birth.AddYears(16) && plan.End.DayNumber - Max(plan.Start, plan.Birth.AddYears(14)).DayNumber >= 91;

    private CarePlan DrawPlan(DateOnly start)
    {
        var uasc = _rng.Chance(0.10);
        int ageYears;
        if (uasc)
        {
            ageYears = _rng.Pick(UascAges);
        }
        else
        {
            ageYears = _rng.Pick(EntryAgeGroups) switch
            {
                0 => 0,
                1 => _rng.Between(1, 4),
                2 => _rng.Between(5, 9),
                3 => _rng.Between(10, 15),
                _ => _rng.Between(16, 17),
            };
        }

        var birth = ageYears == 0 && _rng.Chance(0.4)
            ? start.AddDays(-_rng.Between(0, 7))
            : start.AddYears(-ageYears).AddDays(-_rng.Between(ageYears == 0 ? 8 : 0, 364));
        var male = uasc ? _rng.Chance(0.93) : _rng.Chance(0.53);
        var route = uasc
            ? (_rng.Chance(0.78) ? Route.Adulthood : Route.Other)
            : ageYears switch
            {
                0 => _rng.Pick(RoutesUnder1),
                < 5 => _rng.Pick(Routes1To4),
                < 10 => _rng.Pick(Routes5To9),
                < 16 => _rng.Pick(Routes10To15),
                _ => _rng.Pick(Routes16Plus),
            };
        if (route == Route.Remand && ageYears < 10)
        {
            route = Route.Other;
        }

        var consent = false;
        DateOnly decision = default, order = default, match = default, placed = default;
        var adulthood = birth.AddYears(18);
        DateOnly end;
        switch (route)
        {
            case Route.Adoption:
                consent = _rng.Chance(0.12);
                // England 2025 (national_cla_adopted_average_time...csv): entry to decision 9 months, decision to
                // match 10 months, match to placed 1 month.
                decision = start.AddDays(_rng.Between(150, 400));
                order = decision.AddDays(_rng.Between(30, 150));
                match = order.AddDays(_rng.Between(60, 330));
                placed = match.AddDays(_rng.Between(7, 42));
                end = placed.AddDays(_rng.Between(150, 400));
                break;
            case Route.SpecialGuardianship:
                end = start.AddDays(300 + (int)Math.Min(1200, _rng.Exponential(300)));
                break;
            case Route.ReturnHome:
                end = _rng.Chance(0.4)
                    ? start.AddDays(_rng.Between(3, 90))
                    : start.AddDays(90 + (int)Math.Min(3000, _rng.Exponential(250)));
                break;
            case Route.Remand:
                end = start.AddDays(_rng.Between(7, 150));
                break;
            case Route.Other:
                end = start.AddDays(14 + (int)Math.Min(5000, _rng.Exponential(350)));
                break;
            default:
                end = adulthood;
                break;
        }

        if (end >= adulthood)
        {
            end = adulthood;
            route = Route.Adulthood;
        }

        return new CarePlan(start, birth, male, uasc, route, end, consent, decision, order, match, placed);
    }

    private void BuildLookedAfterChild(CarePlan plan)
    {
        var child = NewChild(plan.Birth, plan.Male, _rng.Pick(plan.Uasc ? UascEthnicities : Ethnicities));
        child.IsUasc = plan.Uasc;
        child.LookedAfterInWindow = true;
        child.CareStart = plan.Start;
        var open = plan.End > _windowEnd;
        child.CareEnd = open ? null : plan.End;
        child.LeftCareAged16Plus = !open && LeftAt16Plus(plan);
        var stop = open ? _afterWindow : plan.End;
        var startAge = AgeOn(plan.Birth, plan.Start);

        if (!plan.Male && AgeOn(plan.Birth, _windowEnd) >= 12)
        {
            child.MotherFlag = "0";
            var earliest = Max(plan.Birth.AddYears(14), plan.Start.AddDays(1));
            var latest = Min(stop.AddDays(-1), _windowEnd);
            if (earliest <= latest && _rng.Chance(0.03))
            {
                child.MotherFlag = "1";
                child.MotherChildBirthDate = _rng.DateBetween(earliest, latest);
            }
        }

        var legal = LegalStatuses(plan, stop, startAge);
        var spells = Placements(plan, stop, startAge, legal);
        var need = plan.Uasc ? "N8" : _rng.Pick(CategoriesOfNeed);
        BuildEpisodes(child, legal, spells, need, plan, open);
        AddReviews(child, plan.Start, stop);
        AddMissing(child, plan.Start, stop);
        AddSocialWorkers(child, plan.Start, stop, open);
        if (plan.Route == Route.Adoption)
        {
            AddAdoption(child, plan, open, spells);
        }

        if (startAge >= 2 && _rng.Chance(0.06))
        {
            child.PreviousPermanence = new SimPreviousPermanence(
                _rng.Pick(PreviousPermanenceCodes),
                _rng.Chance(0.7) ? _council.LaNumber : CouncilList.Current[_rng.Between(0, CouncilList.Current.Count - 1)].LaNumber,
                _rng.Chance(0.85) ? _rng.DateBetween(plan.Birth.AddDays(30 * 6), Max(plan.Birth.AddDays(30 * 6), plan.Start.AddDays(-30))) : null);
        }
        else
        {
            child.PreviousPermanence = new SimPreviousPermanence("Z1", string.Empty, null);
        }

        AddOutcomes(child);
        AddCareLeaverRows(child);
        AddCareReferral(child, plan, need);
    }

    private List<(DateOnly Date, string Status)> LegalStatuses(CarePlan plan, DateOnly stop, int startAge)
    {
        var statuses = new List<(DateOnly Date, string Status)>();
        string first;
        if (plan.Uasc)
        {
            first = "V2";
        }
        else if (plan.Route == Route.Remand)
        {
            first = "J1";
        }
        else if (plan.Route == Route.Adoption)
        {
            first = plan.Consent ? "V2" : _rng.Pick(AdoptionFirstStatuses);
        }
        else
        {
            first = _rng.Pick(startAge >= 16 ? FirstStatuses16Plus : FirstStatuses);
        }

        statuses.Add((plan.Start, first));
        var current = first;
        var date = plan.Start;

        void Change(DateOnly when, string status)
        {
            if (when > date && when < stop && status != current)
            {
                statuses.Add((when, status));
                current = status;
                date = when;
            }
        }

        if (current is "L1" or "L2")
        {
            // Police protection lasts at most 72 hours (Children Act 1989 s46(6)); an EPO at most 8 days before any extension.
            var days = current == "L1" ? _rng.Between(1, 3) : _rng.Between(1, 8);
            Change(date.AddDays(days), plan.Route == Route.Adoption || _rng.Chance(0.6) ? "C1" : "V2");
        }

        if (current == "V2" && !plan.Uasc && !plan.Consent)
        {
            if (plan.Route == Route.Adoption)
            {
                Change(date.AddDays(_rng.Between(14, 90)), "C1");
            }
            else if (plan.Route != Route.ReturnHome && _rng.Chance(0.3))
            {
                Change(date.AddDays(_rng.Between(30, 200)), "C1");
            }
        }

        if (current == "C1")
        {
            if (plan.Route == Route.Adoption)
            {
                if (_rng.Chance(0.4))
                {
                    Change(date.AddDays((plan.PlacementOrder.DayNumber - date.DayNumber) / 2), "C2");
                }

                Change(plan.PlacementOrder, "E1");
            }
            else
            {
                Change(date.AddDays(_rng.Between(180, 330)), "C2");
            }
        }

        return statuses;
    }

    private sealed record Spell(DateOnly Date, SimPlacement Placement, string? Reason, bool ReturnFromTemporary);

    private List<Spell> Placements(CarePlan plan, DateOnly stop, int startAge, List<(DateOnly Date, string Status)> legal)
    {
        var initialKind = plan.Route switch
        {
            Route.Adoption => _rng.Pick(AdoptionFirstKinds),
            Route.Remand => _rng.Chance(0.6) ? Kind.Residential : Kind.InHouseFoster,
            _ when plan.Uasc && startAge >= 16 => _rng.Pick(UascKinds),
            _ when startAge == 0 && _rng.Chance(0.05) => Kind.MotherAndBaby,
            _ => _rng.Pick(KindsFor(startAge)),
        };
        var fosterToAdopt = plan.Route == Route.Adoption && initialKind != Kind.Kinship && _rng.Chance(0.15);
        var current = NewPlacement(initialKind, plan.Start, fosterToAdopt ? "U5" : null);
        var spells = new List<Spell> { new(plan.Start, current, null, false) };

        var intents = new List<(DateOnly Date, Intent Intent)>();
        var ageGroup = startAge < 5 ? 0 : startAge < 10 ? 1 : startAge < 16 ? 2 : 3;
        var unstable = _rng.Chance(UnstableShare[ageGroup]);
        var rate = plan.Route is Route.Adoption or Route.SpecialGuardianship ? 0.05 : unstable ? 1.35 : 0.06;
        if (plan.Route != Route.Remand && _rng.Chance(unstable ? 0.5 : 0.25))
        {
            intents.Add((plan.Start.AddDays(_rng.Between(3, 90)), Intent.Move));
        }

        for (var t = plan.Start.AddDays((int)_rng.Exponential(365 / rate)); t < stop; t = t.AddDays(1 + (int)_rng.Exponential(365 / rate)))
        {
            intents.Add((t, Intent.Move));
        }

        for (var t = plan.Start.AddDays((int)_rng.Exponential(365 / 0.06)); t < stop; t = t.AddDays(1 + (int)_rng.Exponential(365 / 0.06)))
        {
            intents.Add((t, Intent.Temporary));
        }

        if (_rng.Chance(startAge < 16 ? 0.5 : 0.2))
        {
            intents.Add((plan.Start.AddDays(_rng.Between(180, 540)), Intent.LongTerm));
        }

        // Some moves happen on the day the legal status changes (RNE B, or U when the carer stays).
        foreach (var (date, _) in legal.Skip(1))
        {
            if (_rng.Chance(0.12))
            {
                intents.Add((date, _rng.Chance(0.7) ? Intent.Move : Intent.LongTerm));
            }
        }

        // Placed with parents under a care order, for months before care ends or for good.
        if (plan.Route is not (Route.Adoption or Route.Remand) && startAge < 16 && _rng.Chance(0.1))
        {
            intents.Add((plan.Start.AddDays(_rng.Between(200, 900)), Intent.Parents));
        }

        if (plan.Route == Route.SpecialGuardianship && initialKind != Kind.Kinship)
        {
            intents.Add((plan.Start.AddDays(_rng.Between(30, 200)), Intent.Kinship));
        }

        if (plan.Route == Route.ReturnHome && stop == plan.End && _rng.Chance(0.4))
        {
            intents.Add((plan.End.AddDays(-_rng.Between(30, 365)), Intent.Parents));
        }

        if (plan.Route == Route.Adulthood && _rng.Chance(0.45))
        {
            intents.Add((plan.Birth.AddYears(16).AddDays(_rng.Between(0, 540)), Intent.Supported));
        }

        if (plan.Route == Route.Adoption)
        {
            // Nothing else moves the child in the fortnight before the adoptive placement.
            intents.RemoveAll(i => i.Date >= plan.Placed.AddDays(-14));
            intents.Add((plan.Placed, Intent.Adoption));
        }

        intents.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Intent.CompareTo(b.Intent));

        var lastDate = plan.Start;
        var blockedUntil = plan.Start;
        var adopted = false;
        foreach (var (date, intent) in intents)
        {
            if (date <= lastDate || date < blockedUntil || date >= stop || adopted)
            {
                continue;
            }

            var age = AgeOn(plan.Birth, date);
            Spell? next = null;
            switch (intent)
            {
                case Intent.Move:
                    var kind = _rng.Pick(KindsFor(age));
                    if (kind == Kind.Supported && age < 16)
                    {
                        kind = Kind.Residential;
                    }

                    next = new Spell(date, NewPlacement(kind, date, null, current), _rng.Pick(MoveReasons), false);
                    break;
                case Intent.LongTerm:
                    if (current.Place is "U6" or "U3")
                    {
                        next = new Spell(date, current with { Place = current.Place == "U6" ? "U4" : "U1" }, "CARPL", false);
                    }

                    break;
                case Intent.Temporary:
                    if (current.Place.StartsWith('U') || current.Place == "K2")
                    {
                        var back = date.AddDays(_rng.Between(1, 14));
                        if (back < stop && (plan.Route != Route.Adoption || back < plan.Placed.AddDays(-1)))
                        {
                            var temporary = new SimPlacement(_rng.Pick(TemporaryCodes), current.Provider, "XXXXXXX", current.Postcode, current.Drawn, ++_nextCarer);
                            if (temporary.Place == "T4" && back > date.AddDays(7))
                            {
                                // An unspecified temporary placement lasts at most 7 days (DfE 379).
                                back = date.AddDays(7);
                            }

                            spells.Add(new Spell(date, temporary, null, false));
                            spells.Add(new Spell(back, current, null, true));
                            lastDate = back;
                            blockedUntil = back.AddDays(1);
                        }
                    }

                    continue;
                case Intent.Kinship:
                    next = new Spell(date, NewPlacement(Kind.Kinship, date, null, current), "CARPL", false);
                    break;
                case Intent.Supported:
                    if (age >= 16)
                    {
                        next = new Spell(date, NewPlacement(Kind.Supported, date, null, current), "CARPL", false);
                    }

                    break;
                case Intent.Parents:
                    var status = legal.Last(l => l.Date <= date).Status;
                    // Already placed with parents: a "move" there would be the same placement (same PLACE, PL_POST, URN and
                    // provider) under RNE P, which DfE 435 reports.
                    if (status is "C1" or "C2" && current.Place != "P1")
                    {
                        next = new Spell(date, NewPlacement(Kind.Parents, date, null, current), "CARPL", false);
                    }

                    break;
                case Intent.Adoption:
                    SimPlacement adoptive;
                    if (current.Place is "U5" or "U2")
                    {
                        adoptive = current with { Place = plan.Consent ? "A3" : "A5", Urn = "XXXXXXX" };
                    }
                    else
                    {
                        var adopters = _rng.Pick(AdoptionProviders);
                        var (postcode, sector) = NewPostcode(_rng.Chance(0.5));
                        adoptive = new SimPlacement(plan.Consent ? "A4" : "A6", adopters, "XXXXXXX", postcode, $"XXXXXXX {sector}", ++_nextCarer);
                    }

                    next = new Spell(date, adoptive, "CARPL", false);
                    adopted = true;
                    break;
            }

            if (next is not null)
            {
                spells.Add(next);
                current = next.Placement;
                lastDate = date;
            }
        }

        RegisterSupportedAccommodation(spells, stop);
        return spells;
    }

    /// <summary>The day supported accommodation for 16- and 17-year-olds had to be registered with Ofsted (and P2 ended, DfE 217t).</summary>
    private static readonly DateOnly RegisteredFrom = new(2023, 10, 28);

    /// <summary>
    /// Supported accommodation and independent living (H5, P2) have no URN before 2023/24 (DfE 222) and need one when
    /// open after 28 October 2023 (230), and a placement's URN is the same in every return it is in (503F). So a placement
    /// there from before 1 April 2023 that lasted past 28 October 2023 ends that day, as the law then asked, and the young
    /// person moves to registered supported accommodation (H5, with a URN) the same day, ending the one before with
    /// CLOSE; an H5 or P2 placement keeps its URN only when it starts in 2023/24 or later and lasts past 28 October 2023.
    /// No random number is drawn, so every seed draws as before.
    /// </summary>
    private void RegisterSupportedAccommodation(List<Spell> spells, DateOnly stop)
    {
        for (var i = 0; i < spells.Count; i++)
        {
            var spell = spells[i];
            if (spell.Placement.Place is not ("H5" or "P2"))
            {
                continue;
            }

            var end = i + 1 < spells.Count ? spells[i + 1].Date : stop;
            var lasts = end > RegisteredFrom;
            if (spell.Date < new DateOnly(2023, 4, 1) && lasts && spell.Date < RegisteredFrom)
            {
                var carer = ++_registeredCarers;
                var old = spell.Placement;
                var council = GeneratedPlaces.Locate(old.Postcode)!.Value.Council;
                var provider = GeneratedProviders.Of(council, "H5", old.Provider, Spread(carer));
                var registered = new SimPlacement("H5", old.Provider, provider.Urn, provider.Postcode, $"registered {old.Drawn}", carer);
                spells[i] = spell with { Placement = old with { Urn = "XXXXXXX" } };
                spells.Insert(i + 1, new Spell(RegisteredFrom, registered, "CLOSE", false));
                i++;
                continue;
            }

            if (spell.Placement.HasUrn && (spell.Date < new DateOnly(2023, 4, 1) || !lasts))
            {
                spells[i] = spell with { Placement = spell.Placement with { Urn = "XXXXXXX" } };
            }
        }
    }

    private SimPlacement NewPlacement(Kind kind, DateOnly date, string? place, SimPlacement? before = null)
    {
        // K3 (registered supported accommodation) is on the DfE's list from the 2024/25 return; H5 and P2 before it.
        var supportedCode = date < K3From ? "H5" : "K3";
        var (code, provider) = kind switch
        {
            Kind.InHouseFoster => (place ?? "U6", "PR1"),
            Kind.AgencyFoster => (place ?? "U6", _rng.Chance(0.75) ? "PR4" : "PR5"),
            Kind.Kinship => ("U3", "PR1"),
            Kind.Residential => ("K2", _rng.Chance(0.75) ? "PR4" : "PR1"),
            Kind.Supported => (supportedCode, _rng.Chance(0.7) ? "PR4" : "PR5"),
            // P2 ended on 28 October 2023 (DfE 217t): an independent placement from then is H5 until K3 came.
            Kind.Independent => (date < P2Until ? "P2" : supportedCode, "PR4"),
            Kind.Parents => ("P1", "PR0"),
            Kind.Secure => ("K1", _rng.Chance(0.5) ? "PR1" : "PR2"),
            Kind.ResidentialSchool => ("S1", _rng.Chance(0.7) ? "PR4" : "PR5"),
            Kind.Hospital => ("R2", "PR3"),
            Kind.YoungOffender => ("R5", "PR3"),
            Kind.MotherAndBaby => ("R3", "PR4"),
            _ => (date < new DateOnly(2025, 4, 1) ? "Z1" : OtherPlacementCodes[_rng.Between(0, 3)], "PR4"),
        };
        // Before the generator had a provider list it drew a URN for these four; the draw is kept so that every seed draws as
        // before, and now picks the provider.
        var drawn = code is "K1" or "K2" or "S1" or "R1" ? _rng.Between(100000, 999999) : -1;
        var (postcode, sector) = NewPostcode(_rng.Chance(0.7));
        var carer = ++_nextCarer;
        var legacy = $"{(drawn < 0 ? "XXXXXXX" : $"SC{drawn}")} {sector}";
        if (!GeneratedProviders.NeedsUrn(code))
        {
            return new SimPlacement(code, provider, "XXXXXXX", postcode, legacy, carer);
        }

        // A provider of the pool for the placement, in the council the postcode drawn is in; the council's own provision
        // (PR1) in its own area (DfE 1015, 229), another council's (PR2) in another's; never the provider the child leaves.
        var council = GeneratedPlaces.Locate(postcode)!.Value.Council;
        if (provider == "PR1")
        {
            council = _councilIndex;
        }
        else if (provider == "PR2" && council == _councilIndex)
        {
            council = (council + 1) % GeneratedPlaces.Councils.Count;
        }

        var slot = drawn >= 0 ? drawn : Spread(carer);
        var chosen = GeneratedProviders.Of(council, code, provider, slot);
        if (before is not null && chosen.Urn == before.Urn)
        {
            chosen = GeneratedProviders.Of(council, code, provider, slot + 1);
        }

        return new SimPlacement(code, provider, chosen.Urn, chosen.Postcode, legacy, carer);
    }

    private void BuildEpisodes(SimChild child, List<(DateOnly Date, string Status)> legal, List<Spell> spells, string need, CarePlan plan, bool open)
    {
        var dates = legal.Select(l => l.Date).Concat(spells.Select(s => s.Date)).Distinct().Order().ToList();
        var legalIndex = 0;
        var spellIndex = 0;
        SimEpisode? previous = null;
        var previousSpell = -1;
        foreach (var date in dates)
        {
            while (legalIndex + 1 < legal.Count && legal[legalIndex + 1].Date <= date)
            {
                legalIndex++;
            }

            while (spellIndex + 1 < spells.Count && spells[spellIndex + 1].Date <= date)
            {
                spellIndex++;
            }

            var status = legal[legalIndex].Status;
            var spell = spells[spellIndex];
            string reasonNew;
            if (previous is null)
            {
                reasonNew = "S";
            }
            else
            {
                var statusChanged = status != previous.LegalStatus;
                var placementChanged = spellIndex != previousSpell;
                var carerChanged = spell.Placement.Carer != previous.Placement.Carer;
                reasonNew = !placementChanged ? "L" : statusChanged ? (carerChanged ? "B" : "U") : (carerChanged ? "P" : "T");
                var before = previous.Placement;
                if (reasonNew is "B" or "U" or "P" or "T" && spell.Placement.Place == before.Place && spell.Placement.Provider == before.Provider
                    && spell.Placement.Drawn == before.Drawn)
                {
                    // A move the 903 could not show: the DfE sees the same PLACE, provider, URN and postcode as no move (rules 436 and 435).
                    // The new carer lives elsewhere, for every episode of the spell. Asked of what was drawn (the postcode sector and the
                    // URN drawn, as before postcodes were full ones), so that every seed draws as it did; a placement with a provider
                    // keeps its provider's postcode (DfE 221), which NewPlacement made another than the one before.
                    var (postcode, sector) = NewPostcode(_rng.Chance(0.5));
                    var moved = spell.Placement with { Drawn = $"{spell.Placement.Drawn[..spell.Placement.Drawn.IndexOf(' ', StringComparison.Ordinal)]} {sector}" };
                    spell = spell with { Placement = moved.HasUrn ? moved : moved with { Postcode = postcode } };
                    spells[spellIndex] = spell;
                }
            }

            var episode = new SimEpisode
            {
                Start = date,
                ReasonNew = reasonNew,
                LegalStatus = status,
                CategoryOfNeed = need,
                Placement = spell.Placement,
                ReturnFromTemporary = spell.ReturnFromTemporary && spellIndex != previousSpell,
            };
            if (previous is not null)
            {
                previous.End = date;
                previous.ReasonEnded = "X1";
                if (reasonNew is "P" or "B" or "T" or "U" && !previous.Placement.IsTemporary && !spell.Placement.IsTemporary)
                {
                    previous.ReasonPlaceChange = spell.Reason ?? "OTHER";
                }
            }

            child.Episodes.Add(episode);
            previous = episode;
            previousSpell = spellIndex;
        }

        if (!open && previous is not null)
        {
            previous.End = plan.End;
            previous.ReasonEnded = EndReason(plan, previous);
        }
    }

    private string EndReason(CarePlan plan, SimEpisode last)
    {
        var age = AgeOn(plan.Birth, plan.End);
        return plan.Route switch
        {
            Route.Adoption => _rng.Chance(0.88) ? "E11" : "E12",
            // The DfE records a special guardianship order (E45, E46) only from a foster placement (rule 516): from any other,
            // the same draw becomes a child arrangements order to other carers (E48).
            Route.SpecialGuardianship => last.Placement.Place.StartsWith('U')
                ? _rng.Pick(SpecialGuardianshipFosterReasons)
                : OtherCarersOrder(),
            Route.ReturnHome => _rng.Chance(0.8) ? "E4A" : "E4B",
            Route.Remand => _rng.Chance(0.7) ? "E14" : "E9",
            Route.Adulthood => last.Placement.Place.StartsWith('U') && _rng.Chance(0.35) ? "E17" : _rng.Pick(AdulthoodReasons),
            _ when plan.Uasc => _rng.Pick(UascOtherReasons),
            _ => age >= 12 ? _rng.Pick(OtherReasonsTeen) : _rng.Pick(OtherReasons),
        };
    }

    private void AddReviews(SimChild child, DateOnly start, DateOnly stop)
    {
        var date = _rng.Chance(0.08) ? start.AddDays(_rng.Between(40, 60)) : start.AddDays(_rng.Between(5, 27));
        var number = 1;
        while (date < stop)
        {
            var age = AgeOn(child.BirthDate, date);
            child.Reviews.Add(new SimReview(date, age < 4 ? "PN0" : _rng.Pick(Participation)));
            var late = _rng.Chance(0.09);
            if (number == 1)
            {
                var due = date.AddMonths(3);
                date = late ? due.AddDays(_rng.Between(10, 45)) : _rng.DateBetween(date.AddDays(30), due);
            }
            else
            {
                var due = date.AddMonths(6);
                date = late ? due.AddDays(_rng.Between(10, 60)) : due.AddDays(-_rng.Between(0, 40));
            }

            number++;
        }
    }

    private void AddMissing(SimChild child, DateOnly start, DateOnly stop)
    {
        // Carried across years: a period that runs over 31 March must end before the next year's first one starts (DfE 574).
        var free = start;
        foreach (var year in _options.ReportingYears)
        {
            var yearStart = new DateOnly(year - 1, 4, 1);
            var yearEnd = new DateOnly(year, 3, 31);
            var first = Max(start, yearStart);
            var last = Min(stop.AddDays(-1), yearEnd);
            if (first > last)
            {
                continue;
            }

            var age = AgeOn(child.BirthDate, first);
            var chance = age >= 14 ? 0.24 : age >= 11 ? 0.08 : 0;
            if (!_rng.Chance(chance))
            {
                continue;
            }

            var count = 1 + _rng.Poisson(1.5);
            var starts = Enumerable.Range(0, count).Select(_ => _rng.DateBetween(first, last)).Distinct().Order().ToList();
            foreach (var missingStart in starts)
            {
                if (missingStart < free)
                {
                    continue;
                }

                var end = missingStart.AddDays(_rng.Chance(0.9) ? _rng.Between(0, 3) : _rng.Between(4, 20));
                if (end >= stop)
                {
                    end = stop.AddDays(-1);
                }

                // Back by the end of the episode it started in: a period still open when that placement ended would have no
                // MIS_END in the return of the year it ended (DfE 575).
                if (child.Episodes.Find(e => e.Start <= missingStart && e.End is { } ended && missingStart <= ended && ended < end) is { End: { } episodeEnd })
                {
                    end = episodeEnd;
                }

                child.Missing.Add(new SimMissing(missingStart, end > _windowEnd ? null : end, _rng.Chance(0.85) ? "M" : "A"));
                free = end.AddDays(1);
            }
        }
    }

    private void AddSocialWorkers(SimChild child, DateOnly start, DateOnly stop, bool open)
    {
        var date = start;
        var first = true;
        while (date < stop)
        {
            var end = date.AddDays(60 + (int)_rng.Exponential(300));
            var id = $"SW{(_councilIndex * 1000) + _rng.Between(100, 399):D6}";
            var reason = first ? "TSPROC" : _rng.Pick(SocialWorkerReasons);
            if (end >= stop)
            {
                child.SocialWorkers.Add(new SimSocialWorker(id, date, open ? null : stop, reason));
                break;
            }

            child.SocialWorkers.Add(new SimSocialWorker(id, date, end, reason));
            date = end;
            first = false;
        }
    }

    private void AddAdoption(SimChild child, CarePlan plan, bool open, List<Spell> spells)
    {
        if (plan.Decision > _windowEnd)
        {
            return;
        }

        var adopters = _rng.Chance(0.87) ? 2 : 1;
        var sex = adopters == 2 ? _rng.Pick(CoupleSexes) : _rng.Chance(0.9) ? "F1" : "M1";
        var legalStatus = adopters == 1 ? "L0" : sex == "MF" ? _rng.Pick(MixedCoupleStatuses) : _rng.Pick(SameSexCoupleStatuses);
        var placedSpell = spells.LastOrDefault(s => s.Placement.Place.StartsWith('A'));
        child.Adoption = new SimAdoption
        {
            DecisionDate = plan.Decision,
            MatchDate = plan.Match,
            PlacedDate = plan.Placed,
            ByFosterCarer = placedSpell?.Placement.Place is "A3" or "A5",
            Adopters = adopters,
            AdopterSex = sex,
            AdopterLegalStatus = legalStatus,
            AdoptedDate = open ? null : plan.End,
            AdoptedReason = open ? null : child.Episodes[^1].ReasonEnded,
        };
    }

    /// <summary>OC2 rows: children looked after at 31 March who had been looked after since 1 April a year before.</summary>
    private void AddOutcomes(SimChild child)
    {
        foreach (var year in _options.ReportingYears)
        {
            var yearStart = new DateOnly(year - 1, 4, 1);
            var yearEnd = new DateOnly(year, 3, 31);
            if (child.CareStart > yearStart || !IsLookedAfterOn(child, yearEnd))
            {
                continue;
            }

            var age = AgeOn(child.BirthDate, yearEnd);
            string score = string.Empty, reason = string.Empty;
            // An SDQ for 4- to 16-year-olds, and for one who turned 17 in the year, 1 April included (DfE 197B; 189 rules out
            // only a 17th birthday before the year).
            if (age >= 4 && AgeOn(child.BirthDate, yearStart.AddDays(-1)) <= 16)
            {
                if (_rng.Chance(0.78))
                {
                    score = Math.Clamp((int)Math.Round(_rng.Normal(14, 7)), 0, 40).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    // SDQ1 (under 4 when the form was due) only for a child who turned 4 in the year (DfE 157); otherwise "other".
                    reason = _rng.Pick(SdqReasons);
                    if (reason == "SDQ1" && AgeOn(child.BirthDate, yearStart) >= 4)
                    {
                        reason = "SDQ4";
                    }
                }
            }

            var misuse = age >= 10 && _rng.Chance(0.05);
            var received = misuse ? Flag(0.6) : string.Empty;
            var offered = misuse ? Flag(0.8) : string.Empty;
            child.Oc2[year] = new SimOc2(
                score,
                reason,
                // The DfE asks no conviction under 10 (542) and the health check only under 5 (546); random draws as before.
                age >= 10 ? (_rng.Chance(0.03) ? "1" : "0") : string.Empty,
                BlankWhen(age >= 5, Flag(0.89)),
                Flag(0.82),
                Flag(0.78),
                Flag(0.90),
                misuse ? "1" : "0",
                received,
                received == "0" ? offered : string.Empty); // only asked when none was received (DfE rules 158, 159)
        }
    }

    private string OtherCarersOrder()
    {
        _ = _rng.Pick(SpecialGuardianshipOtherReasons); // drawn as before, so the rest of the run is unchanged
        return "E48";
    }

    private string Flag(double probability) => _rng.Chance(probability) ? "1" : "0";

    private static string BlankWhen(bool blank, string value) => blank ? string.Empty : value;

    /// <summary>OC3 rows: in the year of each 17th to 21st birthday that falls after the young person left care at 16 or over (not by death).</summary>
    private void AddCareLeaverRows(SimChild child)
    {
        // No care-leaver information for a young person whose care was transferred to another council (E3, DfE 1011).
        if (!child.LeftCareAged16Plus || child.CareEnd is not { } left || child.Episodes is [.., { ReasonEnded: "E3" }])
        {
            return;
        }

        // Nor for one who died in care (E2, DfE 1000): the draws below are made all the same, so that the rest of what a seed
        // generates is unchanged, but no row is kept.
        var died = child.Episodes is [.., { ReasonEnded: "E2" }];
        foreach (var year in _options.ReportingYears)
        {
            var yearStart = new DateOnly(year - 1, 4, 1);
            var yearEnd = new DateOnly(year, 3, 31);
            for (var age = 17; age <= 21; age++)
            {
                var birthday = child.BirthDate.AddYears(age);
                // Only for one who had left before the birthday: not at 17 or 18 for leaving on or after it (DfE 1016).
                if (birthday < yearStart || birthday > yearEnd || left >= birthday)
                {
                    continue;
                }

                var inTouch = _rng.Pick(InTouch);
                string activity = "0", accommodation = "0";
                if (inTouch == "YES")
                {
                    activity = _rng.Pick(age <= 18 ? Activities17To18 : Activities19To21);
                    var letter = _rng.Pick(AccommodationTypes);
                    if (letter == "T" && child.BirthDate.AddYears(18) > yearStart)
                    {
                        // A foyer is not for one under 18 at the start of the year (DfE 347): supported lodgings instead.
                        letter = "E";
                    }

                    var suitable = letter is not ("T" or "U") && _rng.Chance(0.9);
                    accommodation = letter + (suitable ? "1" : "2");
                }

                if (!died)
                {
                    child.Oc3[year] = new SimOc3(birthday, inTouch, activity, accommodation);
                }
            }
        }
    }

    private static readonly Weighted<int> UascAges = new((14, 5), (15, 15), (16, 40), (17, 40));
    private static readonly Weighted<int> EntryAgeGroups = new((0, 23), (1, 17), (2, 18), (3, 33), (4, 9));
    private static readonly double[] UnstableShare = [0.12, 0.20, 0.35, 0.32];

    private static readonly Weighted<Route> RoutesUnder1 = new(
        (Route.Adoption, 30), (Route.SpecialGuardianship, 18), (Route.ReturnHome, 22), (Route.Adulthood, 12), (Route.Other, 18));

    private static readonly Weighted<Route> Routes1To4 = new(
        (Route.Adoption, 20), (Route.SpecialGuardianship, 20), (Route.ReturnHome, 28), (Route.Adulthood, 14), (Route.Other, 18));

    private static readonly Weighted<Route> Routes5To9 = new(
        (Route.SpecialGuardianship, 18), (Route.ReturnHome, 35), (Route.Adulthood, 25), (Route.Other, 22));

    private static readonly Weighted<Route> Routes10To15 = new(
        (Route.SpecialGuardianship, 6), (Route.ReturnHome, 38), (Route.Adulthood, 27), (Route.Other, 24), (Route.Remand, 5));

    private static readonly Weighted<Route> Routes16Plus = new(
        (Route.ReturnHome, 24), (Route.Adulthood, 52), (Route.Other, 18), (Route.Remand, 6));

    private static readonly Weighted<string> AdoptionFirstStatuses = new(("C1", 55), ("V2", 30), ("L2", 10), ("L1", 5));
    private static readonly Weighted<string> FirstStatuses = new(("V2", 35), ("C1", 45), ("L1", 10), ("L2", 10));
    private static readonly Weighted<string> FirstStatuses16Plus = new(("V2", 80), ("C1", 10), ("L1", 10));

    private static readonly Weighted<Kind> AdoptionFirstKinds = new((Kind.InHouseFoster, 60), (Kind.AgencyFoster, 25), (Kind.Kinship, 15));
    private static readonly Weighted<Kind> UascKinds = new((Kind.Supported, 50), (Kind.AgencyFoster, 40), (Kind.Residential, 10));

    private static readonly Weighted<Kind> KindsUnder10 = new(
        (Kind.InHouseFoster, 45), (Kind.AgencyFoster, 33), (Kind.Kinship, 18), (Kind.Residential, 3), (Kind.Other, 1));

    private static readonly Weighted<Kind> Kinds10To15 = new(
        (Kind.InHouseFoster, 30), (Kind.AgencyFoster, 33), (Kind.Kinship, 8), (Kind.Residential, 23), (Kind.ResidentialSchool, 2),
        (Kind.Secure, 1), (Kind.Hospital, 1), (Kind.Other, 2));

    private static readonly Weighted<Kind> Kinds16Plus = new(
        (Kind.InHouseFoster, 15), (Kind.AgencyFoster, 20), (Kind.Kinship, 5), (Kind.Residential, 22), (Kind.Supported, 33),
        (Kind.Independent, 2), (Kind.YoungOffender, 1), (Kind.Other, 2));

    private static Weighted<Kind> KindsFor(int age) => age < 10 ? KindsUnder10 : age < 16 ? Kinds10To15 : Kinds16Plus;

    private static readonly string[] OtherPlacementCodes = ["Z11", "Z12", "Z13", "Z14"];

    /// <summary>The first day of the 2024/25 return, the first whose PLACE list has K3.</summary>
    private static readonly DateOnly K3From = new(2024, 4, 1);
    private static readonly DateOnly P2Until = new(2023, 10, 28);
    private static readonly Weighted<string> TemporaryCodes = new(("T1", 15), ("T2", 30), ("T3", 35), ("T4", 20));
    private static readonly Weighted<string> AdoptionProviders = new(("PR1", 60), ("PR2", 10), ("PR5", 30));

    private static readonly Weighted<string> MoveReasons = new(
        ("CARPL", 45), ("CREQB", 10), ("CREQO", 5), ("CHILD", 7), ("LAREQ", 5), ("ALLEG", 3), ("STAND", 3), ("APPRR", 2),
        ("CLOSE", 2), ("OTHER", 18));

    private static readonly Weighted<string> CategoriesOfNeed = new(
        ("N1", 62), ("N2", 3), ("N3", 3), ("N4", 8), ("N5", 14), ("N6", 2), ("N7", 0.2), ("N8", 8));

    private static readonly Weighted<string> SpecialGuardianshipFosterReasons = new(("E45", 80), ("E47", 20));
    private static readonly Weighted<string> SpecialGuardianshipOtherReasons = new(("E46", 80), ("E48", 20));
    private static readonly Weighted<string> AdulthoodReasons = new(("E5", 45), ("E6", 10), ("E7", 5), ("E8", 40));
    private static readonly Weighted<string> UascOtherReasons = new(("E3", 45), ("E15", 20), ("E8", 25), ("E16", 10));
    private static readonly Weighted<string> OtherReasons = new(("E13", 40), ("E41", 30), ("E3", 10), ("E8", 19), ("E2", 1));

    private static readonly Weighted<string> OtherReasonsTeen = new(
        ("E13", 40), ("E41", 12), ("E3", 10), ("E8", 28), ("E9", 6), ("E16", 2), ("E2", 0.5));

    private static readonly Weighted<string> Participation = new(
        ("PN1", 35), ("PN2", 20), ("PN3", 15), ("PN4", 10), ("PN5", 8), ("PN6", 7), ("PN7", 5));

    private static readonly Weighted<string> PreviousPermanenceCodes = new(("P1", 30), ("P2", 40), ("P3", 25), ("P4", 5));

    private static readonly Weighted<string> SocialWorkerReasons = new(
        ("MANAGE", 30), ("FCONTA", 5), ("LEFTRL", 25), ("ORGRST", 10), ("TSPROC", 12), ("ABSENC", 6), ("CHCHAN", 3),
        ("PCCHAN", 4), ("OTHERS", 5));

    private static readonly Weighted<string> CoupleSexes = new(("MF", 84), ("MM", 9), ("FF", 7));
    // LS_ADOPTR as the DfE's 903 rules pair it with SEX_ADOPTR: L0 single adopter (514); L11 married, different gender
    // (520); L12 married, same gender (524); L2 civil partners (519); L3 unmarried, different gender (517); L4 unmarried,
    // same gender (518).
    private static readonly Weighted<string> MixedCoupleStatuses = new(("L11", 65), ("L3", 25), ("L2", 10));
    private static readonly Weighted<string> SameSexCoupleStatuses = new(("L12", 40), ("L2", 35), ("L4", 25));
    private static readonly Weighted<string> SdqReasons = new(("SDQ1", 30), ("SDQ2", 20), ("SDQ3", 15), ("SDQ4", 20), ("SDQ5", 15));
    private static readonly Weighted<string> InTouch = new(("YES", 89), ("NO", 4), ("REFU", 3), ("NREQ", 3), ("RHOM", 1));

    // EET shares from la_care_leavers_activity.csv, England 2025 (17-18: 64% EET; 19-21: about 56%). A young person
    // the council is in touch with has a known activity (DfE 345): the share once drawn as "0" is NEET (G5).
    private static readonly Weighted<string> Activities17To18 = new(
        ("F2", 40), ("P2", 8), ("F1", 3), ("F5", 2), ("F4", 8), ("P4", 3), ("G4", 3), ("G5", 31), ("G6", 2));

    private static readonly Weighted<string> Activities19To21 = new(
        ("F1", 6), ("P1", 1), ("F2", 12), ("P2", 4), ("F4", 24), ("P4", 6), ("F5", 3), ("G4", 7), ("G5", 30), ("G6", 7));

    private static readonly Weighted<string> AccommodationTypes = new(
        ("B", 12), ("C", 2), ("D", 20), ("E", 5), ("G", 5), ("H", 2), ("K", 30), ("R", 12), ("T", 1), ("U", 2), ("V", 2), ("W", 7));
}
