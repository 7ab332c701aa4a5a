namespace Lodestar.Formats.Tests.Generation;

/// <summary>
/// The generated council looks like England: each rate is counted from the files with simple code written here and
/// compared with the published figure, within a tolerance (DfE figures for 2025 in the comments).
/// </summary>
public sealed class RateTests(LargeCouncil data) : IClassFixture<LargeCouncil>
{
    private const int Year = 2025;
    private static readonly DateOnly YearStart = new(2024, 4, 1);
    private static readonly DateOnly YearEnd = new(2025, 3, 31);

    private List<Dictionary<string, string>> Episodes =>
        data.Table(data.FirstCouncil, "episodes", Year).Where(e => e["LS"] is not ("V3" or "V4")).ToList();

    private int Population()
    {
        var rows = GeneratedFiles.ReadCsv(Path.Combine(data.Folder, "population.csv"));
        return int.Parse(rows.Single(r => r["new_la_code"] == data.FirstCouncil && r["time_period"] == "2024")["population_estimate"], System.Globalization.CultureInfo.InvariantCulture);
    }

    private HashSet<string> LookedAfterAtYearEnd() =>
        Episodes.Where(e => e["DEC"].Length == 0).Select(e => e["CHILD"]).ToHashSet();

    [Fact]
    public void Population_ThreeThousandChildrenLookedAfter_IsAbout150000()
    {
        Assert.InRange(Population(), 110_000, 190_000);
    }

    [Fact]
    public void LookedAfterRate_At31March_IsNearEngland67Per10000()
    {
        var rate = LookedAfterAtYearEnd().Count * 10_000.0 / Population();

        Assert.InRange(rate, 55, 80);
    }

    [Fact]
    public void ThreeOrMorePlacements_ChildrenAt31March_IsNearEngland10Percent()
    {
        var atEnd = LookedAfterAtYearEnd();
        var withThree = 0;
        foreach (var child in Episodes.Where(e => atEnd.Contains(e["CHILD"])).GroupBy(e => e["CHILD"]))
        {
            var placements = 0;
            string? beforeTemporary = null;
            string? previous = null;
            foreach (var episode in child.OrderBy(e => GeneratedFiles.Date903(e["DECOM"])))
            {
                var place = episode["PLACE"] + "|" + episode["URN"] + "|" + episode["PL_POST"];
                var temporary = episode["PLACE"].StartsWith('T');
                if (temporary)
                {
                    beforeTemporary = previous;
                }
                else if (place == beforeTemporary && episode["RNE"] == "P")
                {
                    beforeTemporary = null;
                }
                else if (placements == 0 || episode["RNE"] != "L")
                {
                    placements++;
                }

                previous = place;
            }

            if (placements >= 3)
            {
                withThree++;
            }
        }

        var percent = withThree * 100.0 / atEnd.Count;

        Assert.InRange(percent, 6, 14);
    }

    [Fact]
    public void ReReferrals_Within12Months_IsNearEngland22Percent()
    {
        var referrals = new Dictionary<string, SortedSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var year in data.Options.ReportingYears)
        {
            foreach (var child in data.Census(data.FirstCouncil, year).Descendants("Child"))
            {
                var id = child.Element("ChildIdentifiers")!.Element("LAchildID")!.Value;
                if (!referrals.TryGetValue(id, out var dates))
                {
                    referrals[id] = dates = [];
                }

                foreach (var date in child.Elements("CINdetails").Select(d => GeneratedFiles.DateCin(d.Element("CINreferralDate")!.Value)))
                {
                    dates.Add(date);
                }
            }
        }

        int total = 0, repeat = 0;
        foreach (var dates in referrals.Values)
        {
            DateOnly? previous = null;
            foreach (var date in dates)
            {
                if (date >= YearStart && date <= YearEnd)
                {
                    total++;
                    if (previous is { } p && p > date.AddMonths(-12))
                    {
                        repeat++;
                    }
                }

                previous = date;
            }
        }

        Assert.InRange(repeat * 100.0 / total, 17, 27);
        Assert.InRange(total * 10_000.0 / Population(), 400, 650);
    }

    [Fact]
    public void ChildProtectionPlans_StartedInYear_AboutAQuarterAreRepeatPlans()
    {
        var plans = data.Census(data.FirstCouncil, Year).Descendants("ChildProtectionPlans")
            .Where(p => GeneratedFiles.DateCin(p.Element("CPPstartDate")!.Value) >= YearStart)
            .ToList();
        var repeats = plans.Count(p => int.Parse(p.Element("NumberOfPreviousCPP")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0);

        Assert.InRange(repeats * 100.0 / plans.Count, 18, 30);
    }

    [Fact]
    public void ChildProtectionPlans_At31March_AreNearEngland40Per10000()
    {
        var children = data.Census(data.FirstCouncil, Year).Descendants("Child")
            .Count(c => c.Descendants("ChildProtectionPlans").Any(p => p.Element("CPPendDate") is null));

        Assert.InRange(children * 10_000.0 / Population(), 30, 52);
    }

    [Fact]
    public void GroundTruth_LookedAfterAt31March_MatchesTheEpisodesFile()
    {
        var truth = data.Result.Councils[0].Years.Single(y => y.Year == Year);

        Assert.Equal(LookedAfterAtYearEnd().Count, truth.LookedAfterAt31March);
        Assert.Equal(Population(), truth.Population);
    }

    [Fact]
    public void GroundTruth_StartedAndCeased_MatchTheEpisodesFile()
    {
        var truth = data.Result.Councils[0].Years.Single(y => y.Year == Year);
        var started = Episodes.Where(e => e["RNE"] == "S" && GeneratedFiles.Date903(e["DECOM"]) >= YearStart).Select(e => e["CHILD"]).Distinct().Count();
        var ceased = Episodes.Where(e => e["REC"].Length > 0 && e["REC"] != "X1").Select(e => e["CHILD"]).Distinct().Count();
        var adopted = Episodes.Count(e => e["REC"] is "E11" or "E12");

        Assert.Equal(started, truth.StartedToBeLookedAfter);
        Assert.Equal(ceased, truth.CeasedToBeLookedAfter);
        Assert.Equal(adopted, truth.Adopted);
        Assert.Equal(adopted, data.Table(data.FirstCouncil, "ad1", Year).Count);
    }

    [Fact]
    public void GroundTruth_ReferralsAndPlans_MatchTheCensus()
    {
        var truth = data.Result.Councils[0].Years.Single(y => y.Year == Year);
        var census = data.Census(data.FirstCouncil, Year);
        var referrals = census.Descendants("CINreferralDate").Count(d => GeneratedFiles.DateCin(d.Value) >= YearStart);
        var plansStarted = census.Descendants("CPPstartDate").Count(d => GeneratedFiles.DateCin(d.Value) >= YearStart);

        Assert.Equal(referrals, truth.Referrals);
        Assert.Equal(plansStarted, truth.ChildProtectionPlansStarted);
    }

    [Fact]
    public void ShortBreaks_OnlyChildren_AreWrittenButNotCountedAsLookedAfter()
    {
        var all = data.Table(data.FirstCouncil, "episodes", Year);
        var shortBreakChildren = all.Where(e => e["LS"] is "V3" or "V4").Select(e => e["CHILD"]).ToHashSet();

        Assert.NotEmpty(shortBreakChildren);
        Assert.Empty(shortBreakChildren.Intersect(LookedAfterAtYearEnd()));
    }

    [Fact]
    public void Reviews_FirstReviewOfChildrenStartingCare_MostlyWithin20WorkingDays()
    {
        var starts = Episodes.Where(e => e["RNE"] == "S" && GeneratedFiles.Date903(e["DECOM"]) >= YearStart)
            .ToDictionary(e => e["CHILD"], e => GeneratedFiles.Date903(e["DECOM"]));
        var firstReviews = data.Table(data.FirstCouncil, "reviews", Year)
            .Where(r => starts.ContainsKey(r["CHILD"]))
            .GroupBy(r => r["CHILD"])
            .Select(g => (Start: starts[g.Key], First: g.Min(r => GeneratedFiles.Date903(r["REVIEW"]))))
            .ToList();

        // 28 calendar days never exceed 20 working days; 40 or more always do.
        var onTime = firstReviews.Count(r => r.First.DayNumber - r.Start.DayNumber <= 28);
        var late = firstReviews.Count(r => r.First.DayNumber - r.Start.DayNumber >= 40);

        Assert.Equal(firstReviews.Count, onTime + late);
        Assert.InRange(onTime * 100.0 / firstReviews.Count, 80, 98);
    }

    [Fact]
    public void Assessments_CompletedInYear_MostlyWithin45WorkingDays()
    {
        static int Weekdays(DateOnly from, DateOnly to) =>
            Enumerable.Range(1, to.DayNumber - from.DayNumber).Count(i => DateOnly.FromDayNumber(from.DayNumber + i).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

        var assessments = data.Census(data.FirstCouncil, Year).Descendants("Assessments")
            .Where(a => a.Element("AssessmentAuthorisationDate") is { } done && GeneratedFiles.DateCin(done.Value) >= YearStart)
            .Select(a => Weekdays(GeneratedFiles.DateCin(a.Element("AssessmentActualStartDate")!.Value), GeneratedFiles.DateCin(a.Element("AssessmentAuthorisationDate")!.Value)))
            .ToList();

        // Weekdays ignore bank holidays, so a few on-time assessments count up to 2 days long here.
        Assert.InRange(assessments.Count(days => days <= 45) * 100.0 / assessments.Count, 78, 94);
    }

    [Fact]
    public void AssessmentFactors_CompletedInYear_AreNearEnglandsRatesUnderTheirCodes()
    {
        // Codes from the CIN census schema's list: 18B/19B child on child, 18C/19C adult on child, 22A FGM, 23A faith or
        // belief, 24A child criminal exploitation. Assessments completed in the year recording each code, per 10,000.
        var counts = data.Census(data.FirstCouncil, Year).Descendants("Assessments")
            .Where(a => a.Element("AssessmentAuthorisationDate") is { } done && GeneratedFiles.DateCin(done.Value) >= YearStart)
            .SelectMany(a => a.Descendants("AssessmentFactors").Select(f => f.Value).Distinct())
            .CountBy(code => code)
            .ToDictionary(c => c.Key, c => c.Value * 10_000.0 / Population());
        double Rate(string code) => counts.GetValueOrDefault(code);

        // England 2025 (assessment_factors.csv, national): physical abuse adult on child 50, child on child 13; sexual
        // abuse adult on child 16, child on child 10; child criminal exploitation 13; faith linked abuse 2; FGM under 1.
        Assert.InRange(Rate("18C"), 38, 62);
        Assert.InRange(Rate("18B"), 8, 18);
        Assert.InRange(Rate("19C"), 11, 22);
        Assert.InRange(Rate("19B"), 6, 14);
        Assert.InRange(Rate("24A"), 9, 17);
        Assert.InRange(Rate("23A"), 0.5, 4);
        Assert.InRange(Rate("22A"), 0, 2.5);
    }

    [Fact]
    public void LookedAfterChildren_At31March_AreInThatYearsCinCensus()
    {
        var inCensus = data.Census(data.FirstCouncil, Year).Descendants("LAchildID").Select(e => e.Value).ToHashSet();

        Assert.All(LookedAfterAtYearEnd(), child => Assert.Contains(child, inCensus));
    }
}
