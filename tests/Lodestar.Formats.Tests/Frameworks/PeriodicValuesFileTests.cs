using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Frameworks;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Tests.Frameworks;

public sealed class PeriodicValuesFileTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-values-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private static bool IsMeasure(string id) => id is "staff_turnover" or "complaints";

    private static string? Council(string text) => text switch
    {
        "E10000003" or "873" => "E10000003",
        _ => null,
    };

    private Result<IReadOnlyList<PeriodicValue>> ReadCsv(string text)
    {
        var path = Path.Combine(_folder, "values.csv");
        File.WriteAllText(path, text);
        return PeriodicValuesFile.Read(path, IsMeasure, Council, "analyst", At);
    }

    [Fact]
    public void Read_GoodCsv_GivesEveryValue()
    {
        var result = ReadCsv("""
            measure,council,period,value,numerator,denominator,note
            staff_turnover,E10000003,2025,14.2,71,500,"Includes agency staff, from HR"
            complaints,873,2025-03,12,,,
            complaints,E10000003,2025-Q1,30,,,
            complaints,E10000003,2024-04-01..2024-05-15,7,,,
            """);

        Assert.Empty(result.Problems);
        Assert.Equal(4, result.Value.Count);
        var first = result.Value[0];
        Assert.Equal(("staff_turnover", "E10000003", Period.ReportingYear(2025), 14.2m, 71m, 500m), (first.MeasureId, first.Council, first.Period, first.Value, first.Numerator, first.Denominator));
        Assert.Equal(("Includes agency staff, from HR", "analyst", At), (first.Note, first.EnteredBy, first.EnteredAt));
        Assert.Equal(("E10000003", Period.Month(2025, 3)), (result.Value[1].Council, result.Value[1].Period));
        Assert.Equal(Period.Quarter(2025, 1), result.Value[2].Period);
        Assert.Equal(PeriodKind.Custom, result.Value[3].Period.Kind);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderAndCase_AreFound()
    {
        var result = ReadCsv("Value,Period,Council,Measure\n5,2025,873,complaints\n");

        Assert.Equal(5m, Assert.Single(result.Value).Value);
    }

    [Fact]
    public void Read_BadRows_NameRowAndColumnAndImportNothing()
    {
        var result = ReadCsv("""
            measure,council,period,value
            complaints,E10000003,2025,12
            nonsense,E10000003,2025,1
            complaints,E99999999,2025,1
            complaints,E10000003,2025-13,1
            complaints,E10000003,2024,many
            complaints,E10000003,2025,13
            """);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "values.csv, line 3, column measure, value 'nonsense': unknown measure",
                "values.csv, line 4, column council, value 'E99999999': unknown council: use its DfE code (E10000003) or LA number (873)",
                "values.csv, line 5, column period, value '2025-13': '2025-13' is not a period: use 2025, 2024-25, 2025-Q1, 2025-03 or 2024-04-01..2025-03-31",
                "values.csv, line 6, column value, value 'many': not a number",
                "values.csv, line 7, column period, value '2025': complaints for E10000003 in 2025 is already given on row 2",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Read_MissingAndUnknownColumns_AreReported()
    {
        var result = ReadCsv("measure,council,valeu\ncomplaints,873,1\n");

        Assert.Equal(
            ["unknown column 'valeu': columns are measure, council, period, value, numerator, denominator, note", "column 'period' is missing", "column 'value' is missing"],
            result.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Read_EmptyFile_IsAProblem()
    {
        Assert.Single(ReadCsv("").Problems);
    }

    [Fact]
    public void Read_Xlsx_ReadsTheFirstSheetLikeCsv()
    {
        var path = Path.Combine(_folder, "values.xlsx");
        using (var file = File.Create(path))
        {
            XlsxWriter.Write(file,
            [
                new XlsxSheet("Values", ["measure", "council", "period", "value", "note"],
                [
                    ["complaints", "873", "2025", 12m, "fine"],
                    ["staff_turnover", "E10000003", "2025-03", 3.5m],
                ]),
                new XlsxSheet("Ignored", ["something else"], []),
            ]);
        }

        var result = PeriodicValuesFile.Read(path, IsMeasure, Council, null, null);

        Assert.Empty(result.Problems);
        Assert.Equal([("complaints", 12m, "fine"), ("staff_turnover", 3.5m, null)], result.Value.Select(v => (v.MeasureId, v.Value, v.Note)));
    }

    [Fact]
    public void Read_XlsxPeriodThatExcelTurnedIntoADate_IsReadAsTheMonth()
    {
        // Excel stores "2025-03" typed into a cell as 1 March 2025: day number 45717. 45747 is 31 March 2025.
        var path = Path.Combine(_folder, "dates.xlsx");
        using (var file = File.Create(path))
        {
            XlsxWriter.Write(file, [new XlsxSheet("Values", ["measure", "council", "period", "value"], [["complaints", "873", 45717, 12m], ["complaints", "873", 45747, 13m]])]);
        }

        var result = PeriodicValuesFile.Read(path, IsMeasure, Council, null, null);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "period", "45747"), (problem.Line, problem.Column, problem.Value));
        Assert.StartsWith("'45747' is a spreadsheet date (2025-03-31)", problem.Message, StringComparison.Ordinal);
        var fixedPath = Path.Combine(_folder, "date.xlsx");
        using (var file = File.Create(fixedPath))
        {
            XlsxWriter.Write(file, [new XlsxSheet("Values", ["measure", "council", "period", "value"], [["complaints", "873", 45717, 12m]])]);
        }

        Assert.Equal(Period.Month(2025, 3), Assert.Single(PeriodicValuesFile.Read(fixedPath, IsMeasure, Council, null, null).Value).Period);
    }

    [Fact]
    public void Read_XlsxWithBadValue_NamesRowAndColumn()
    {
        var path = Path.Combine(_folder, "values.xlsx");
        using (var file = File.Create(path))
        {
            XlsxWriter.Write(file, [new XlsxSheet("Values", ["measure", "council", "period", "value"], [["complaints", "873", "2025", "lots"]])]);
        }

        var problem = Assert.Single(PeriodicValuesFile.Read(path, IsMeasure, Council, null, null).Problems);

        Assert.Equal("values.xlsx, line 2, column value, value 'lots': not a number", problem.ToString());
    }

    [Fact]
    public void Read_NotAnXlsx_IsOneProblemNotAnException()
    {
        var path = Path.Combine(_folder, "broken.xlsx");
        File.WriteAllText(path, "this is not a zip");

        var problem = Assert.Single(PeriodicValuesFile.Read(path, IsMeasure, Council, null, null).Problems);

        Assert.StartsWith("cannot be read", problem.Message, StringComparison.Ordinal);
    }
}
