using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Benchmarks;
using Lodestar.Testing;

namespace Lodestar.Formats.Tests.Benchmarks;

/// <summary>
/// The shipped mapping over the real DfE files. Every expected value was read by hand from the CSV
/// (grep), and the comment names the row it came from.
/// </summary>
public sealed class DfeBenchmarkReaderTests
{
    private static readonly Lazy<BenchmarkReadResult> RealFiles = new(() =>
        DfeBenchmarkReader.Read(DfeBenchmarkFiles.Folder(), BenchmarkMapping.Load(DfeBenchmarkFiles.Mapping()).Value));

    private static BenchmarkReadResult Real()
    {
        DfeBenchmarkFiles.Folder();
        return RealFiles.Value;
    }

    private static BenchmarkObservation Figure(string measure, int year, GeographicLevel level, string code) =>
        Assert.Single(Real().Import.Observations, o => o.MeasureId == measure && o.Year == year && o.Level == level && o.AreaCode == code);

    private static IReadOnlyList<BenchmarkObservation> Figures(string measure, int year) =>
        Real().Import.Observations.Where(o => o.MeasureId == measure && o.Year == year).ToArray();

    [Fact]
    public void Read_RealFiles_HasNoDiagnostics()
    {
        Assert.Empty(Real().Problems);
    }

    [Fact]
    public void Read_EnglandLongTermStability2025_Is69Percent()
    {
        // la_cla_placement_stability.csv line 2: 2025,…,National,E92000001,England,…,Children looked after continuously
        // for at least 2.5 years on 31 March aged under 16 years,Living with the same carer for at least 2 years,19680,69
        var england = Figure("cla_long_term_stability", 2025, GeographicLevel.National, "E92000001");

        Assert.Equal(BenchmarkValue.Of(69m), england.Value);
        Assert.Equal("England", england.AreaName);
    }

    [Fact]
    public void Read_BarnetClaRate2025_Is37WithItsRegion()
    {
        // cla_number_and_rate_per_10k_children.csv line 450: 2025,…,E13000002,Outer London,302,Barnet,E09000003,
        // Children looked after on 31 March each year,93851,343,37
        var barnet = Figure("cla_rate_per_10k", 2025, GeographicLevel.LocalAuthority, "302");

        Assert.Equal(BenchmarkValue.Of(37m), barnet.Value);
        Assert.Equal("Barnet", barnet.AreaName);
        Assert.Equal("E13000002", barnet.RegionCode);
        Assert.Equal(BenchmarkValue.Of(343m), Figure("cla_at_end", 2025, GeographicLevel.LocalAuthority, "302").Value);
    }

    [Fact]
    public void Read_NorthEastRereferrals2025_Is20Point7()
    {
        // c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv line 3: 2025,…,Regional,…,E12000001,North East,,,,
        // Referrals and Re-referrals,32490,6730,20.7,…
        var northEast = Figure("rereferrals_12m", 2025, GeographicLevel.Regional, "E12000001");

        Assert.Equal(BenchmarkValue.Of(20.7m), northEast.Value);
        Assert.Equal("North East", northEast.AreaName);
    }

    [Fact]
    public void Read_SuppressedCells_StaySuppressedWithTheirMarker()
    {
        // la_cla_placement_stability.csv line 403: 2025,…,857,Rutland,…,CLA on 31 March,With 3 or more placements during the year,c,c
        Assert.Equal(BenchmarkValue.Suppressed("c"), Figure("cla_placements_3plus", 2025, GeographicLevel.LocalAuthority, "857").Value);

        // csww_indicators_2017_to_2025.csv line 25: 2025,…,394,E08000024,Sunderland,…,agency_rate_fte = low
        Assert.Equal(BenchmarkValue.Suppressed("low"), Figure("sw_agency_rate", 2025, GeographicLevel.LocalAuthority, "394").Value);

        // cla_number_and_rate_per_10k_children.csv: Cumbria (909) no longer exists in 2025, rate_per_10000 = z.
        Assert.Equal(BenchmarkValue.Suppressed("z"), Figure("cla_rate_per_10k", 2025, GeographicLevel.LocalAuthority, "909").Value);
    }

    [Fact]
    public void Read_CinRatePer10k_IsComputedFromTheYearBeforesPopulation()
    {
        // b1_children_in_need_2013_to_2025.csv: 2025,…,302,E09000003,Barnet,Children in Need,…,At31_episodes = 1978;
        // ons_mid-year_population_estimates_2012_to_2024.csv: 2024,…,302,…,Barnet,Children aged 0 to 17 years,93851.
        // 1978 / 93851 × 10,000 = 210.7596… → 210.8.
        Assert.Equal(BenchmarkValue.Of(210.8m), Figure("cin_rate_per_10k", 2025, GeographicLevel.LocalAuthority, "302").Value);

        // England: 402400 (b1 line 2) / 12183016 (ons 2024 National) × 10,000 = 330.296… → 330.3.
        Assert.Equal(BenchmarkValue.Of(330.3m), Figure("cin_rate_per_10k", 2025, GeographicLevel.National, "E92000001").Value);

        // d5_…csv 2025 Barnet CPP_At31 = 225: 225 / 93851 × 10,000 = 23.974… → 24.0.
        Assert.Equal(24m, Figure("cpp_rate_per_10k", 2025, GeographicLevel.LocalAuthority, "302").Value.Number);

        // c1_…csv 2025 Barnet referral_count = 2751: 2751 / 93851 × 10,000 = 293.12… → 293.1.
        Assert.Equal(293.1m, Figure("referrals_rate_per_10k", 2025, GeographicLevel.LocalAuthority, "302").Value.Number);
    }

    [Fact]
    public void Read_RateWithSuppressedOrMissingPart_IsSuppressedNotZero()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,geographic_level,country_code,old_la_code,la_name,region_code,count,population\n"
            + "2025,Local authority,E92000001,841,Darlington,E12000001,50,\n"
            + "2025,Local authority,E92000001,840,Durham,E12000001,c,\n"
            + "2025,Local authority,E92000001,807,Redcar,E12000001,10,\n"
            + "2024,Local authority,E92000001,841,Darlington,E12000001,,20000\n"
            + "2024,Local authority,E92000001,840,Durham,E12000001,,90000\n"
            + "2024,Local authority,E92000001,807,Redcar,E12000001,,low\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", """
            measures:
              - { id: population, file: f.csv, filters: {}, indicator: population, unit: count, polarity: neither }
              - id: rate
                file: f.csv
                indicator: count
                unit: rate_per_10k
                polarity: neither
                per_10k_of: population
                denominator_year_offset: -1
                decimals: 1
            """).Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        var rates = result.Import.Observations.Where(o => o.MeasureId == "rate" && o.Year == 2025).ToDictionary(o => o.AreaCode, o => o.Value);
        Assert.Equal(BenchmarkValue.Of(25m), rates["841"]); // 50 / 20000 × 10,000
        Assert.Equal(BenchmarkValue.Suppressed("c"), rates["840"]);
        Assert.Equal(BenchmarkValue.Suppressed("low"), rates["807"]);
        // The 2024 rows have no count (blank) and no 2023 population: suppressed, blank first.
        Assert.All(result.Import.Observations.Where(o => o.MeasureId == "rate" && o.Year == 2024), o => Assert.True(o.Value.IsSuppressed));
    }

    [Fact]
    public void Read_AdoptionYearsMonths_IsReadAsMonths()
    {
        // national_cla_adopted_…csv: 2025,…,4. Total average time between entry into care and date placed for adoption,Total,01:07
        // 1 year 7 months = 19 months.
        Assert.Equal(BenchmarkValue.Of(19m), Figure("adoption_entry_to_placed_months", 2025, GeographicLevel.National, "E92000001").Value);
    }

    [Fact]
    public void Read_StatisticalNeighbours_AreTenPerCouncilInOrder()
    {
        // sn_model_2025_wide.csv line 2: 301,Barking and Dagenham,3,London,308,Close ,821,Close ,313,Close ,333,…,203,Somewhat close
        var barking = Real().Import.Neighbours.Where(n => n.CouncilCode == "301").OrderBy(n => n.Position).ToArray();

        Assert.Equal(["308", "821", "313", "333", "336", "307", "304", "312", "874", "203"], barking.Select(n => n.NeighbourCode));
        Assert.Equal("Close", barking[0].Closeness);
        Assert.Equal("Somewhat close", barking[9].Closeness);
        Assert.Equal(153 * 10, Real().Import.Neighbours.Count);
    }

    [Fact]
    public void Compare_BarkingAndDagenhamClaRate2025_NeighbourAverageIs55Point5()
    {
        // cla_number_and_rate_per_10k_children.csv, "Children looked after on 31 March each year", 2025, rate_per_10000 of
        // Barking and Dagenham's ten neighbours (sn_model_2025_wide.csv line 2), lines 468, 273, 483, 249, 258, 465, 456,
        // 480, 270, 471: Enfield 46, Luton 58, Hounslow 39, Sandwell 92, Wolverhampton 73, Ealing 33, Brent 39,
        // Hillingdon 41, Peterborough 72, Greenwich 62 → 555 / 10 = 55.5.
        var result = Compare("cla_rate_per_10k", 2025, "301", Polarity.Neither);

        Assert.Equal(55.5m, result.Neighbours.Average);
        Assert.Equal(10, result.Neighbours.Used);
        Assert.Equal(BenchmarkValue.Of(65m), result.Council!.Value);
        // Outer London 2025 (cla_number_and_rate… Regional, E13000002).
        Assert.Equal("Outer London", result.Region!.Name);
        // England 2025: line 3, Children looked after on 31 March each year, 12183016, 81770, 67.
        Assert.Equal(BenchmarkValue.Of(67m), result.England!.Value);
    }

    [Fact]
    public void Compare_BarnsleyAgencyRate2025_LeavesTheSuppressedNeighbourOut()
    {
        // csww_indicators_2017_to_2025.csv, agency_rate_fte 2025 of Barnsley's neighbours (sn_model_2025_wide.csv, 370):
        // 372 1.9, 384 15.2, 357 31.3, 371 12.8, 332 14.5, 894 4, 840 8, 390 10, 807 14.5, and 394 Sunderland "low"
        // (line 25) → 112.2 / 9 = 12.4666…
        var result = Compare("sw_agency_rate", 2025, "370", Polarity.LowerIsBetter);

        Assert.Equal(9, result.Neighbours.Used);
        Assert.Equal(10, result.Neighbours.Listed);
        Assert.Equal(12.47m, Math.Round(result.Neighbours.Average!.Value, 2));
        // Barnsley's own agency_rate_fte, line 50: 13.
        Assert.Equal(BenchmarkValue.Of(13m), result.Council!.Value);
    }

    [Fact]
    public void Compare_BarkingAndDagenhamClaRate2025_RanksAmongCouncilsWithANumber()
    {
        // 2025 CLA rates: 155 council rows, of which 4 are letters (909 z, 928 z, 420 z, 201 c) → 151 ranked.
        // Counted by hand (awk over the file): 67 councils have a rate below 65, so with no better direction
        // (ascending) Barking and Dagenham's 65 is 68th of 151; 4 councils share 65.
        var result = Compare("cla_rate_per_10k", 2025, "301", Polarity.Neither);

        Assert.Equal(68, result.Position!.Rank);
        Assert.Equal(151, result.Position.Of);
    }

    private static BenchmarkComparison Compare(string measure, int year, string council, Polarity polarity) =>
        BenchmarkCalculator.Compare(measure, year, polarity, Figures(measure, year), council, Real().Import.Neighbours);

    [Fact]
    public void Read_CellThatIsNeitherNumberNorMarker_IsADiagnosticWithRowAndColumn()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,v\n"
            + "2025,Reporting year,National,E92000001,England,,,,,12\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,841,Darlington,n/a\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        var diagnostic = Assert.Single(result.Problems);
        Assert.Equal(("f.csv", 3, "v", "n/a"), (diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Value));
    }

    [Fact]
    public void Read_FinancialYearTimePeriod_IsStoredAsTheYearItEnds()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,time_identifier,geographic_level,country_code,country_name,v\n"
            + "202324,Financial year,National,E92000001,England,11\n"
            + "202425,Financial year,National,E92000001,England,12\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        Assert.Empty(result.Problems);
        // 202324 is 2023-04-01..2024-03-31 (2024); 202425 is 2024-04-01..2025-03-31 (2025).
        Assert.Equal([(2024, 11m), (2025, 12m)], result.Import.Observations.Select(o => (o.Year, o.Value.Number!.Value)));
    }

    [Fact]
    public void Read_TwoFormsOfOneYear_IsASecondRowForThatYear()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,geographic_level,country_code,v\n"
            + "2025,National,E92000001,12\n"
            + "202425,National,E92000001,13\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("f.csv", 3), (problem.File, problem.Line));
        Assert.Contains("a second row for England (E92000001) in 2025", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnmappableTimePeriod_IsAProblemNamingFileLineColumnAndValue()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,time_identifier,geographic_level,country_code,country_name,v\n"
            + "2025,Reporting year,National,E92000001,England,12\n"
            + "2024/25,Reporting year,National,E92000001,England,13\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("f.csv", 3, "time_period", "2024/25"), (problem.File, problem.Line, problem.Column, problem.Value));
        Assert.StartsWith("m: ", problem.Message, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.Equal(2025, Assert.Single(result.Import.Observations).Year);
    }

    [Fact]
    public void Read_BlankCell_IsSuppressedBlankNotZero()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,geographic_level,country_code,region_code,old_la_code,la_name,v\r\n"
            + "2025,Local authority,E92000001,E12000001,841,Darlington,\r\n"
            + "2025,Local authority,E92000001,E12000001,840,Durham,\"\"\r\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        Assert.Empty(result.Problems);
        Assert.All(result.Import.Observations, o => Assert.Equal(BenchmarkValue.Suppressed(""), o.Value));
        Assert.Equal(2, result.Import.Observations.Count);
    }

    [Fact]
    public void Read_DashboardLayoutWithoutAreaCodes_FindsEnglandRegionAndCouncilRegionByName()
    {
        // The National Framework dashboard's files carry geo_breakdown and the LA codes, not country_code or region_code.
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"),
            "time_period,geographic_level,geo_breakdown,old_la_code,new_la_code,v\n"
            + "2025,National,National,,,74\n"
            + "2025,Regional,East of England,,,54\n"
            + "2025,Regional,London,,,60\n"
            + "2025,Local authority,Cambridgeshire,873,E10000003,69\n"
            + "2025,Statistical neighbours (median),Cambridgeshire,873,E10000003,50\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        Assert.Empty(result.Problems);
        Assert.Equal(
            [
                (GeographicLevel.National, "E92000001", "England", (string?)null, 74m),
                (GeographicLevel.Regional, "E12000006", "East of England", null, 54m),
                (GeographicLevel.Regional, "E12000007", "London", null, 60m),
                (GeographicLevel.LocalAuthority, "873", "Cambridgeshire", "E12000006", 69m),
            ],
            result.Import.Observations.Select(o => (o.Level, o.AreaCode, o.AreaName, o.RegionCode, o.Value.Number!.Value)));
    }

    [Fact]
    public void Read_RegionalRowWithUnknownNameAndNoCode_IsADiagnosticNotAGuess()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"), "time_period,geographic_level,geo_breakdown,v\n2025,Regional,Wessex,3\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("f.csv", 2, "area code"), (problem.File, problem.Line, problem.Column));
        Assert.Empty(result.Import.Observations);
    }

    [Fact]
    public void Read_MappedColumnMissing_IsUnusableInputNamingFileHeaderLineAndColumn()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"), "time_period,geographic_level,country_code\n2025,National,E92000001\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        Assert.True(result.InputUnusable);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Import.Observations);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("f.csv", 1, "v", null), (problem.File, problem.Line, problem.Column, problem.Value));
        Assert.Equal("the header has no such column (needed by measure m).", problem.Message);
    }

    [Fact]
    public void Read_ColumnMissingForSeveralMeasures_IsOneProblemNamingThemAll()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"), "\ngeographic_level,country_code,v,w\nNational,E92000001,1,2\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", """
            measures:
              - { id: a, file: f.csv, indicator: v, unit: count, polarity: neither }
              - { id: b, file: f.csv, indicator: w, unit: count, polarity: neither }
            """).Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        var problem = Assert.Single(result.Problems);
        // The header is on line 2, after a blank line.
        Assert.Equal(("f.csv", 2, "time_period"), (problem.File, problem.Line, problem.Column));
        Assert.Equal("the header has no such column (needed by measures a, b).", problem.Message);
    }

    [Fact]
    public void Read_MappedFileMissing_IsUnusableInputNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: gone.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        Assert.True(result.InputUnusable);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("gone.csv", 0, null), (problem.File, problem.Line, problem.Column));
        Assert.Equal($"named in the mapping but not in the folder {folder}.", problem.Message);
    }

    [Fact]
    public void Read_SeveralFilesMissingAndABrokenOne_ListsEveryOneAndReadsNoData()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "good.csv"), "time_period,geographic_level,country_code,v\n2025,National,E92000001,twelve\n");
        File.WriteAllText(Path.Combine(folder, "broken.csv"), "time_period,geographic_level,country_code,v\n2025,National,\"E92000001,1\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", """
            statistical_neighbours: sn.csv
            measures:
              - { id: a, file: good.csv, indicator: v, unit: count, polarity: neither }
              - { id: b, file: gone.csv, indicator: v, unit: count, polarity: neither }
              - { id: c, file: broken.csv, indicator: v, unit: count, polarity: neither }
            """).Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        // good.csv's bad cell is a data error, not reported while the input cannot be used at all.
        Assert.True(result.InputUnusable);
        Assert.Equal(
            [("gone.csv", 0), ("broken.csv", 2), ("sn.csv", 0)],
            result.Problems.Select(p => (p.File!, p.Line)));
        Assert.StartsWith("cannot be read as CSV: unterminated quoted field", result.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StatisticalNeighbourFileWithoutItsColumns_IsUnusableInput()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"), "time_period,geographic_level,country_code,v\n2025,National,E92000001,1\n");
        File.WriteAllText(Path.Combine(folder, "sn.csv"), "old_la_code,la_name\n301,Barking and Dagenham\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "statistical_neighbours: sn.csv\nmeasures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        Assert.True(result.InputUnusable);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("sn.csv", 1, "SN_1"), (problem.File, problem.Line, problem.Column));
    }

    [Fact]
    public void Read_MissingFolder_IsUnusableInputNamingIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lodestar-no-folder-{Guid.NewGuid():N}");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        Assert.True(result.InputUnusable);
        Assert.Equal(Problem.InFile(folder, "the folder does not exist."), Assert.Single(result.Problems));
    }

    [Fact]
    public void Read_BadCell_IsADataErrorNotUnusableInput()
    {
        var folder = Directory.CreateTempSubdirectory("lodestar-bench-").FullName;
        File.WriteAllText(Path.Combine(folder, "f.csv"), "time_period,geographic_level,country_code,v\n2025,National,E92000001,twelve\n");
        var mapping = BenchmarkMapping.Parse("m.yaml", "measures:\n  - { id: m, file: f.csv, indicator: v, unit: count, polarity: neither }\n").Value;

        var result = DfeBenchmarkReader.Read(folder, mapping);

        Assert.False(result.InputUnusable);
        Assert.Equal(("f.csv", 2, "v", "twelve"), (result.Problems[0].File, result.Problems[0].Line, result.Problems[0].Column, result.Problems[0].Value));
    }
}
