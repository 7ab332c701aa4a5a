namespace Lodestar.Formats.Tests.Generation;

/// <summary>Each year's episodes hang together the way the DfE's rules require.</summary>
public sealed class ConsistencyTests(SmallCouncils data)
{
    private static readonly string[] Temporary = ["T0", "T1", "T2", "T3", "T4"];

    private IEnumerable<(int Year, List<Dictionary<string, string>> Episodes)> EpisodeChains()
    {
        foreach (var council in data.Result.Councils)
        {
            foreach (var year in data.Options.ReportingYears)
            {
                foreach (var child in data.Table(council.CouncilCode, "episodes", year).GroupBy(e => e["CHILD"]))
                {
                    yield return (year, child.OrderBy(e => GeneratedFiles.Date903(e["DECOM"])).ToList());
                }
            }
        }
    }

    [Fact]
    public void Episodes_EndingX1_AreFollowedByAnEpisodeStartingTheSameDay()
    {
        var checkedCount = 0;
        foreach (var (_, chain) in EpisodeChains())
        {
            for (var i = 0; i < chain.Count; i++)
            {
                if (chain[i]["REC"] == "X1")
                {
                    Assert.True(i + 1 < chain.Count, $"{chain[i]["CHILD"]} ends X1 with no next episode");
                    Assert.Equal(chain[i]["DEC"], chain[i + 1]["DECOM"]);
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount > 100);
    }

    [Fact]
    public void Missing_OpenAt31March_IsInTheNextReturnToo()
    {
        var carried = 0;
        foreach (var council in data.Result.Councils.Select(c => c.CouncilCode))
        {
            foreach (var year in data.Options.ReportingYears.Where(y => y < data.Options.YearEnd))
            {
                var next = data.Table(council, "missing", year + 1).Select(m => (m["CHILD"], m["MIS_START"])).ToHashSet();
                foreach (var open in data.Table(council, "missing", year).Where(m => m["MIS_END"].Length == 0))
                {
                    Assert.Contains((open["CHILD"], open["MIS_START"]), next);
                    carried++;
                }
            }
        }

        Assert.True(carried > 0);
    }

    [Fact]
    public void PoliceProtection_RunsOfL1Episodes_LastAtMostThreeDays()
    {
        var runs = 0;
        foreach (var (_, chain) in EpisodeChains())
        {
            for (var i = 0; i < chain.Count; i++)
            {
                if (chain[i]["LS"] != "L1" || (i > 0 && chain[i - 1]["LS"] == "L1"))
                {
                    continue;
                }

                var last = i;
                while (last + 1 < chain.Count && chain[last + 1]["LS"] == "L1" && chain[last]["REC"] == "X1")
                {
                    last++;
                }

                if (chain[last]["DEC"].Length > 0)
                {
                    var days = GeneratedFiles.Date903(chain[last]["DEC"]).DayNumber - GeneratedFiles.Date903(chain[i]["DECOM"]).DayNumber;
                    Assert.True(days <= 3, $"{chain[i]["CHILD"]}: police protection for {days} days");
                    runs++;
                }
            }
        }

        Assert.True(runs > 0);
    }

    [Fact]
    public void Episodes_InEveryYear_EndOnOrAfterTheyStartAndNeverOverlap()
    {
        foreach (var (year, chain) in EpisodeChains())
        {
            for (var i = 0; i < chain.Count; i++)
            {
                var start = GeneratedFiles.Date903(chain[i]["DECOM"]);
                Assert.True(start <= new DateOnly(year, 3, 31));
                if (chain[i]["DEC"].Length == 0)
                {
                    Assert.Equal(chain.Count - 1, i);
                    Assert.Empty(chain[i]["REC"]);
                    continue;
                }

                var end = GeneratedFiles.Date903(chain[i]["DEC"]);
                Assert.True(end >= start);
                Assert.True(end >= new DateOnly(year - 1, 4, 1));
                Assert.NotEmpty(chain[i]["REC"]);
                if (i + 1 < chain.Count)
                {
                    Assert.True(GeneratedFiles.Date903(chain[i + 1]["DECOM"]) >= end);
                }
            }
        }
    }

    [Fact]
    public void ReasonPlaceChange_IsPresentExactlyWhereTheNextEpisodeChangesPlacementOutsideTemporaryMoves()
    {
        var required = 0;
        foreach (var (_, chain) in EpisodeChains())
        {
            for (var i = 0; i < chain.Count; i++)
            {
                var next = i + 1 < chain.Count ? chain[i + 1] : null;
                var needed = chain[i]["REC"] == "X1" && next is not null && next["RNE"] is "P" or "B" or "T" or "U"
                    && !Temporary.Contains(chain[i]["PLACE"]) && !Temporary.Contains(next["PLACE"]);
                Assert.True(needed == (chain[i]["REASON_PLACE_CHANGE"].Length > 0), $"{chain[i]["CHILD"]} {chain[i]["DECOM"]}");
                required += needed ? 1 : 0;
            }
        }

        Assert.True(required > 50);
    }

    [Fact]
    public void ReasonNewEpisode_AgreesWithWhatChanged()
    {
        foreach (var (_, chain) in EpisodeChains())
        {
            for (var i = 1; i < chain.Count; i++)
            {
                var (previous, episode) = (chain[i - 1], chain[i]);
                if (previous["REC"] != "X1")
                {
                    Assert.Equal("S", episode["RNE"]);
                    continue;
                }

                var legalChanged = previous["LS"] != episode["LS"];
                switch (episode["RNE"])
                {
                    case "L":
                        Assert.True(legalChanged);
                        Assert.Equal(previous["PLACE"], episode["PLACE"]);
                        Assert.Equal(previous["PL_POST"], episode["PL_POST"]);
                        break;
                    case "P" or "T":
                        Assert.False(legalChanged);
                        break;
                    case "B" or "U":
                        Assert.True(legalChanged);
                        break;
                    default:
                        Assert.Fail($"RNE {episode["RNE"]} after an X1 episode");
                        break;
                }
            }
        }
    }

    [Fact]
    public void TemporaryMoves_StartWithPOrB_AndReturnToTheSamePlacement()
    {
        var moves = 0;
        foreach (var (_, chain) in EpisodeChains())
        {
            for (var i = 1; i + 1 < chain.Count; i++)
            {
                if (!Temporary.Contains(chain[i]["PLACE"]))
                {
                    continue;
                }

                moves++;
                Assert.Contains(chain[i]["RNE"], new[] { "P", "B" });
                if (chain[i]["REC"] == "X1")
                {
                    Assert.Equal(chain[i - 1]["PLACE"], chain[i + 1]["PLACE"]);
                    Assert.Equal(chain[i - 1]["URN"], chain[i + 1]["URN"]);
                    Assert.Equal(chain[i - 1]["PL_POST"], chain[i + 1]["PL_POST"]);
                }
            }
        }

        Assert.True(moves > 0);
    }

    [Fact]
    public void Header_EveryChildInATable_HasAHeaderRowThatYear()
    {
        foreach (var council in data.Result.Councils)
        {
            foreach (var year in data.Options.ReportingYears)
            {
                var children = data.Table(council.CouncilCode, "header", year).Select(h => h["CHILD"]).ToList();
                Assert.Equal(children.Count, children.Distinct().Count());
                var known = children.ToHashSet();
                foreach (var table in new[] { "episodes", "reviews", "uasc", "oc2", "oc3", "ad1", "placed_adoption", "prev_perm", "missing" })
                {
                    Assert.All(data.Table(council.CouncilCode, table, year), row => Assert.Contains(row["CHILD"], known));
                }
            }
        }
    }

    [Fact]
    public void Dates_OfBirth_ComeBeforeEveryEventOfTheChild()
    {
        foreach (var council in data.Result.Councils)
        {
            foreach (var year in data.Options.ReportingYears)
            {
                var births = data.Table(council.CouncilCode, "header", year).ToDictionary(h => h["CHILD"], h => GeneratedFiles.Date903(h["DOB"]));
                Assert.All(data.Table(council.CouncilCode, "episodes", year), e => Assert.True(births[e["CHILD"]] <= GeneratedFiles.Date903(e["DECOM"])));
                Assert.All(data.Table(council.CouncilCode, "reviews", year), r => Assert.True(births[r["CHILD"]] < GeneratedFiles.Date903(r["REVIEW"])));
                Assert.All(data.Table(council.CouncilCode, "missing", year), m => Assert.True(births[m["CHILD"]] < GeneratedFiles.Date903(m["MIS_START"])));
            }
        }
    }

    [Fact]
    public void Adoptions_HaveDecisionBeforeMatchBeforeAdoption_AndAnAdoptivePlacement()
    {
        var adoptions = 0;
        foreach (var council in data.Result.Councils)
        {
            foreach (var year in data.Options.ReportingYears)
            {
                var episodes = data.Table(council.CouncilCode, "episodes", year);
                foreach (var ad1 in data.Table(council.CouncilCode, "ad1", year))
                {
                    adoptions++;
                    var last = episodes.Where(e => e["CHILD"] == ad1["CHILD"]).MaxBy(e => GeneratedFiles.Date903(e["DECOM"]))!;
                    Assert.Contains(last["REC"], new[] { "E11", "E12" });
                    Assert.StartsWith("A", last["PLACE"], StringComparison.Ordinal);
                    Assert.True(GeneratedFiles.Date903(ad1["DATE_INT"]) < GeneratedFiles.Date903(ad1["DATE_MATCH"]));
                    Assert.True(GeneratedFiles.Date903(ad1["DATE_MATCH"]) < GeneratedFiles.Date903(last["DEC"]));
                    // DfE 903 rules 514, 517, 518, 519, 520, 524: the adopters' legal status agrees with their number and genders.
                    var single = ad1["SEX_ADOPTR"] is "M1" or "F1";
                    Assert.Equal(single, ad1["NB_ADOPTR"] == "1");
                    string[] allowed = single ? ["L0"] : ad1["SEX_ADOPTR"] == "MF" ? ["L11", "L2", "L3"] : ["L12", "L2", "L4"];
                    Assert.Contains(ad1["LS_ADOPTR"], allowed);
                }
            }
        }

        Assert.True(adoptions > 0);
    }

    [Fact]
    public void CinCensus_DatesFollowEachOther()
    {
        foreach (var council in data.Result.Councils)
        {
            foreach (var year in data.Options.ReportingYears)
            {
                var yearEnd = new DateOnly(year, 3, 31);
                foreach (var details in data.Census(council.CouncilCode, year).Descendants("CINdetails"))
                {
                    DateOnly D(System.Xml.Linq.XElement parent, string name) => GeneratedFiles.DateCin(parent.Element(name)!.Value);
                    var referral = D(details, "CINreferralDate");
                    Assert.True(referral <= yearEnd);
                    if (details.Element("CINclosureDate") is not null)
                    {
                        Assert.True(D(details, "CINclosureDate") >= referral);
                        Assert.True(D(details, "CINclosureDate") >= new DateOnly(year - 1, 4, 1));
                        Assert.NotNull(details.Element("ReasonForClosure"));
                    }

                    foreach (var enquiry in details.Elements("Section47"))
                    {
                        Assert.True(D(enquiry, "S47ActualStartDate") >= referral);
                        if (enquiry.Element("DateOfInitialCPC") is not null)
                        {
                            Assert.True(D(enquiry, "DateOfInitialCPC") > D(enquiry, "S47ActualStartDate"));
                        }
                    }

                    foreach (var plan in details.Elements("ChildProtectionPlans"))
                    {
                        Assert.True(D(plan, "CPPstartDate") >= referral);
                        if (plan.Element("CPPendDate") is not null)
                        {
                            Assert.True(D(plan, "CPPendDate") > D(plan, "CPPstartDate"));
                        }
                    }

                    foreach (var assessment in details.Elements("Assessments").Where(a => a.Element("AssessmentAuthorisationDate") is not null))
                    {
                        Assert.True(D(assessment, "AssessmentAuthorisationDate") > D(assessment, "AssessmentActualStartDate"));
                    }

                    // DfE CIN rule 8565: no activity after the case was closed.
                    if (details.Element("CINclosureDate") is not null)
                    {
                        var closed = D(details, "CINclosureDate");
                        string[] activity =
                        [
                            "AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate", "DateOfInitialCPC",
                            "CPPendDate", "CINPlanStartDate", "CINPlanEndDate",
                        ];
                        Assert.All(
                            details.Descendants().Where(e => activity.Contains(e.Name.LocalName)),
                            e => Assert.True(GeneratedFiles.DateCin(e.Value) <= closed, $"{e.Name.LocalName} {e.Value} after closure {closed}"));
                    }
                }
            }
        }
    }
}
