using System.Text.Json;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Formats.Frameworks;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Tests.Frameworks;

public sealed class ScorecardFormatsTests
{
    private static Scorecard Sample()
    {
        var measure = new Measure { Id = "rereferrals", Number = "KPI 1", Title = "=Re-referrals", Unit = MeasureUnit.Percent, Polarity = Polarity.LowerIsBetter };
        var year = Period.ReportingYear(2025);
        return Scorecard.Build(new ScorecardRequest
        {
            Framework = new Framework { Id = "fw", Title = "Framework", Nodes = [new FrameworkNode { Id = "n", Kind = "theme", Title = "Safe", MeasureIds = ["rereferrals"] }] },
            Measures = new Dictionary<string, Measure> { ["rereferrals"] = measure },
            Council = "E10000003",
            Period = year,
            Values = [new PeriodicValue { MeasureId = "rereferrals", Council = "E10000003", Period = year, Value = 14.2m, Numerator = 71, Denominator = 500 }],
            Targets = [new Target { MeasureId = "rereferrals", Council = "E10000003", Period = year, Value = 11, Tolerance = Tolerance.Absolute(1) }],
            Benchmarks = (_, _, _) => [new BenchmarkFigure("England", 22.4m), new BenchmarkFigure("Quartile", null, "4th (worst)")],
        });
    }

    [Fact]
    public void WriteXlsx_Scorecard_HasNodeAndMeasureRowsWithBenchmarkColumns()
    {
        using var stream = new MemoryStream();

        ScorecardFormats.WriteXlsx(stream, Sample());
        stream.Position = 0;
        var rows = XlsxReader.ReadFirstSheet("scorecard.xlsx", stream).Value;

        Assert.Equal(["England", "Quartile"], rows[0].Cells[^2..]);
        Assert.Equal("Safe", rows[1].Cells[0]);
        var row = rows[2].Cells;
        Assert.Equal(["", "rereferrals", "KPI 1", "=Re-referrals", "14.2", "71", "500", "11", "Red"], row[..9]);
        Assert.Equal(["22.4", "4th (worst)"], row[^2..]);
    }

    [Fact]
    public void ToJson_Scorecard_GivesSnakeCaseFieldsAndCounts()
    {
        using var json = JsonDocument.Parse(ScorecardFormats.ToJson(Sample()));
        var root = json.RootElement;

        Assert.Equal(("fw", "E10000003", "2025", "2024-25"), (root.GetProperty("framework").GetString(), root.GetProperty("council").GetString(), root.GetProperty("period").GetString(), root.GetProperty("period_label").GetString()));
        Assert.Equal(1, root.GetProperty("counts").GetProperty("red").GetInt32());
        var measure = root.GetProperty("nodes")[0].GetProperty("measures")[0];
        Assert.Equal((14.2m, "14.2%", "red", "unknown"), (measure.GetProperty("value").GetDecimal(), measure.GetProperty("value_text").GetString(), measure.GetProperty("rag").GetString(), measure.GetProperty("versus_previous").GetString()));
    }
}
