namespace Lodestar.Formats.Tests.Generation;

/// <summary>Every code written is on the list for its return's year (docs/domain.md, "Codes" and "The Children in Need census").</summary>
public sealed class CodeTests(SmallCouncils data)
{
    private static readonly HashSet<string> Places =
    [
        "U1", "U2", "U3", "U4", "U5", "U6", "A3", "A4", "A5", "A6", "K1", "K2", "K3", "H5", "P1", "P2", "P3", "R1", "R2", "R3", "R5",
        "S1", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14",
    ];

    private static readonly HashSet<string> LegalStatuses = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"];

    private static readonly HashSet<string> EndReasons =
    [
        "X1", "E11", "E12", "E13", "E41", "E43", "E44", "E45", "E46", "E47", "E48", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9",
        "E14", "E15", "E16", "E17", "E2", "E3",
    ];

    private static readonly HashSet<string> PlaceChangeReasons =
        ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"];

    // The CIN census factors at the end of assessment. 18A and 19A are not on it: the DfE split them into 18B/18C and
    // 19B/19C and its validator queries the old codes (8945Q, 8950Q).
    private static readonly HashSet<string> AssessmentFactors =
    [
        "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C", "7A",
        "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18B", "18C", "19B", "19C",
        "20", "21", "22A", "23A", "24A",
    ];

    private IEnumerable<(string Council, int Year)> Returns() =>
        data.Result.Councils.SelectMany(c => data.Options.ReportingYears.Select(y => (c.CouncilCode, y)));

    [Fact]
    public void Episodes_Codes_AreOnTheListsOfTheirYear()
    {
        foreach (var (council, year) in Returns())
        {
            foreach (var e in data.Table(council, "episodes", year))
            {
                Assert.Contains(e["RNE"], new[] { "S", "L", "P", "T", "B", "U" });
                Assert.Contains(e["LS"], LegalStatuses);
                Assert.Contains(e["PLACE"], Places);
                Assert.Matches("^N[1-8]$", e["CIN"]);
                // Temporary placements and Z1 (Z11-Z14 from 2025/26) have no provider (DfE 178, 526).
                Assert.Matches(e["PLACE"] is "T0" or "T1" or "T2" or "T3" or "T4" || e["PLACE"].StartsWith('Z') ? "^$" : "^PR[0-5]$", e["PLACE_PROVIDER"]);
                Assert.True(e["REC"].Length == 0 || EndReasons.Contains(e["REC"]), e["REC"]);
                Assert.True(e["REASON_PLACE_CHANGE"].Length == 0 || PlaceChangeReasons.Contains(e["REASON_PLACE_CHANGE"]));
                Assert.Equal(e["PLACE"] == "P1", e["PLACE_PROVIDER"] == "PR0");
                if (year < 2025)
                {
                    Assert.NotEqual("K3", e["PLACE"]);
                }
                else
                {
                    Assert.DoesNotContain(e["PLACE"], new[] { "H5", "P2" });
                }

                if (year < 2026)
                {
                    Assert.DoesNotContain(e["PLACE"], new[] { "Z11", "Z12", "Z13", "Z14" });
                }
                else
                {
                    Assert.NotEqual("Z1", e["PLACE"]);
                }
            }
        }
    }

    [Fact]
    public void Episodes_OverTheYears_UseTheOldAndNewSupportedAccommodationCodes()
    {
        var first = data.Options.FirstYear;
        var places = Returns().SelectMany(r => data.Table(r.Council, "episodes", r.Year).Select(e => (r.Year, e["PLACE"]))).ToList();

        Assert.Contains(places, p => p.Year == 2024 && p.Item2 == "H5");
        Assert.Contains(places, p => p.Year >= 2025 && p.Item2 == "K3");
        Assert.True(first < 2024);
    }

    [Fact]
    public void Episodes_OpenAcrossTheK3Change_AreH5OrP2In2024AndK3In2025()
    {
        var recoded = 0;
        foreach (var council in data.Result.Councils.Select(c => c.CouncilCode))
        {
            var before = data.Table(council, "episodes", 2024).ToDictionary(e => (e["CHILD"], e["DECOM"]), e => e["PLACE"]);
            foreach (var e in data.Table(council, "episodes", 2025))
            {
                if (before.TryGetValue((e["CHILD"], e["DECOM"]), out var place) && place is "H5" or "P2")
                {
                    Assert.Equal("K3", e["PLACE"]);
                    recoded++;
                }
            }
        }

        Assert.True(recoded > 0);
    }

    [Fact]
    public void Sex_Before2025_Is1Or2_AndFrom2025_IsMOrF()
    {
        foreach (var (council, year) in Returns())
        {
            var expected = year >= 2025 ? new[] { "M", "F" } : ["1", "2"];
            Assert.All(data.Table(council, "header", year), h => Assert.Contains(h["SEX"], expected));
            Assert.All(data.Table(council, "uasc", year), u => Assert.Contains(u["SEX"], expected));
            var census = data.Census(council, year);
            Assert.Equal(year >= 2025, census.Descendants("Sex").Any());
            Assert.Equal(year < 2025, census.Descendants("GenderCurrent").Any());
        }
    }

    [Fact]
    public void SocialWorkerEpisodes_AreWrittenFrom2024Only()
    {
        foreach (var (council, year) in Returns())
        {
            var path = data.TablePath(council, "sw_episodes", year);
            Assert.Equal(year >= 2024, File.Exists(path));
            if (year >= 2024)
            {
                Assert.All(GeneratedFiles.ReadCsv(path), sw => Assert.Contains(sw["SW_REASON"], new[]
                {
                    "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS",
                }));
            }
        }
    }

    [Fact]
    public void Header_UpnAndMother_AreValid()
    {
        foreach (var (council, year) in Returns())
        {
            foreach (var h in data.Table(council, "header", year))
            {
                Assert.Matches("^([A-HJ-NP-RT-Z][0-9]{12}|UN[1-2])$", h["UPN"]);
                if (h["SEX"] is "1" or "M")
                {
                    Assert.Empty(h["MOTHER"]);
                }
                else
                {
                    Assert.Contains(h["MOTHER"], new[] { string.Empty, "0", "1" });
                }

                Assert.Equal(h["MOTHER"] == "1", h["MC_DOB"].Length > 0);
            }
        }
    }

    [Fact]
    public void OutcomeTables_Codes_AreValid()
    {
        foreach (var (council, year) in Returns())
        {
            foreach (var oc3 in data.Table(council, "oc3", year))
            {
                Assert.Contains(oc3["IN_TOUCH"], new[] { "YES", "NO", "DIED", "REFU", "NREQ", "RHOM" });
                Assert.Matches("^(0|F1|P1|F2|P2|F4|P4|F5|P5|G4|G5|G6)$", oc3["ACTIV"]);
                Assert.Matches("^(0|[A-Z][12])$", oc3["ACCOM"]);
            }

            foreach (var oc2 in data.Table(council, "oc2", year))
            {
                Assert.True(oc2["SDQ_SCORE"].Length == 0 || int.Parse(oc2["SDQ_SCORE"], System.Globalization.CultureInfo.InvariantCulture) is >= 0 and <= 40);
                // DfE 546: HEALTH_CHECK only for a child under 5 at 31 March.
                var dob = DateOnly.ParseExact(oc2["DOB"], "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
                var underFive = dob.AddYears(5) > new DateOnly(year, 3, 31);
                Assert.Matches(underFive ? "^[01]$" : "^$", oc2["HEALTH_CHECK"]);

                // DfE rules 158 and 159: INTERVENTION_OFFERED is given exactly when INTERVENTION_RECEIVED is 0.
                Assert.Equal(oc2["INTERVENTION_RECEIVED"] == "0", oc2["INTERVENTION_OFFERED"].Length > 0);
            }

            Assert.All(data.Table(council, "missing", year), m => Assert.Contains(m["MISSING"], new[] { "M", "A" }));
            Assert.All(data.Table(council, "reviews", year), r => Assert.Matches("^PN[0-7]$", r["REVIEW_CODE"]));
            Assert.All(data.Table(council, "prev_perm", year), p => Assert.Matches("^(P[1-4]|Z1)$", p["PREV_PERM"]));
        }
    }

    [Fact]
    public void CinCensus_Codes_AreValid()
    {
        foreach (var (council, year) in Returns())
        {
            var census = data.Census(council, year);
            Assert.All(census.Descendants("PrimaryNeedCode"), c => Assert.Matches("^N[0-9]$", c.Value));
            Assert.All(census.Descendants("ReasonForClosure"), c => Assert.Matches("^RC[1-9]$", c.Value));
            Assert.All(census.Descendants("AssessmentFactors"), c => Assert.Contains(c.Value, AssessmentFactors));
            Assert.All(census.Descendants("LatestCategoryOfAbuse"), c => Assert.Contains(c.Value, new[] { "NEG", "PHY", "SAB", "EMO", "MUL" }));
            var nfa = year >= 2024 ? new[] { "true", "false" } : ["0", "1"];
            Assert.All(census.Descendants("ReferralNFA"), c => Assert.Contains(c.Value, nfa));
            Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), census.Root!.Element("Header")!.Element("CollectionDetails")!.Element("Year")!.Value);
        }
    }
}
