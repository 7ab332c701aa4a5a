using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Tests.Performance;

public sealed class ScorecardTests
{
    private const string Council = "E10000003";
    private static readonly Period Year2025 = Period.ReportingYear(2025);
    private static readonly Period Year2024 = Period.ReportingYear(2024);

    private static readonly Measure Rereferrals = new()
    {
        Id = "rereferrals", Title = "Re-referrals", Unit = MeasureUnit.Percent, Polarity = Polarity.LowerIsBetter,
    };

    private static readonly Measure Cla = new()
    {
        Id = "cla_at_end", Title = "Children looked after", Polarity = Polarity.LowerIsBetter, Source = MeasureSource.Kpi("cla_at_end"),
    };

    private static readonly Measure Fostered = new() { Id = "fostered", Title = "Fostered" };

    private static readonly Measure FosteredShare = new()
    {
        Id = "fostered_share", Title = "Share fostered", Unit = MeasureUnit.Percent, Polarity = Polarity.HigherIsBetter,
        Source = MeasureSource.Formula("fostered / cla_at_end * 100"),
    };

    private static readonly Framework Framework = new()
    {
        Id = "fw",
        Title = "Framework",
        Nodes =
        [
            new FrameworkNode
            {
                Id = "safe", Kind = "theme", Title = "Safe", MeasureIds = ["rereferrals"],
                Children = [new FrameworkNode { Id = "care", Kind = "outcome", Title = "Care", MeasureIds = ["cla_at_end", "fostered_share", "nowhere"] }],
            },
        ],
    };

    private static PeriodicValue Value(string measure, Period period, decimal value) =>
        new() { MeasureId = measure, Council = Council, Period = period, Value = value };

    private static Scorecard Build() => Scorecard.Build(new ScorecardRequest
    {
        Framework = Framework,
        Measures = new[] { Rereferrals, Cla, Fostered, FosteredShare }.ToDictionary(m => m.Id),
        Council = Council,
        Period = Year2025,
        Values =
        [
            Value("rereferrals", Year2025, 14.2m),
            Value("rereferrals", Year2024, 15m),
            Value("fostered", Year2025, 400),
            Value("fostered", Year2024, 360),
            Value("rereferrals", Year2025, 99) with { Council = "E06000001" },
        ],
        Targets =
        [
            new Target { MeasureId = "rereferrals", Council = Council, Period = Year2025, Value = 11, Tolerance = Tolerance.Absolute(1) },
            new Target { MeasureId = "fostered_share", Council = Council, Period = Year2025, Value = 75, Tolerance = Tolerance.Absolute(5) },
        ],
        Kpis = (kpi, council, period) => kpi == "cla_at_end" && council == Council
            ? period == Year2025 ? new MeasureValue(500) : period == Year2024 ? new MeasureValue(480) : null
            : null,
        Benchmarks = (measure, _, _) => measure.Id == "rereferrals" ? [new BenchmarkFigure("England", 22.4m)] : [],
    });

    [Fact]
    public void Build_Framework_KeepsTheTreeAndItsOrder()
    {
        var scorecard = Build();

        var top = Assert.Single(scorecard.Nodes);
        Assert.Equal(("safe", 0), (top.Node.Id, top.Depth));
        Assert.Equal(("care", 1), (top.Children[0].Node.Id, top.Children[0].Depth));
        Assert.Equal(["rereferrals", "cla_at_end", "fostered_share", "nowhere"], scorecard.Rows.Select(r => r.Measure.Id));
    }

    [Fact]
    public void Build_EnteredValue_HasTargetRagReasonDirectionAndBenchmarks()
    {
        var row = Build().Rows.Single(r => r.Measure.Id == "rereferrals");

        Assert.Equal(14.2m, row.Value!.Value.Value);
        Assert.Equal("14.2%", row.ValueText);
        Assert.Equal(RagStatus.Red, row.Rag.Status);
        Assert.Equal("Red: 14.2% is 3.2 points worse than the 11% target; tolerance 1 point", row.Rag.Reason);
        Assert.Equal((15m, DirectionOfTravel.Improving), (row.PreviousValue, row.VersusPrevious));
        Assert.Equal((15m, DirectionOfTravel.Improving), (row.SameLastYearValue, row.VersusLastYear));
        Assert.Equal(new BenchmarkFigure("England", 22.4m), Assert.Single(row.Benchmarks));
    }

    [Fact]
    public void Build_KpiMeasure_TakesItsValueFromTheKpiSource()
    {
        var row = Build().Rows.Single(r => r.Measure.Id == "cla_at_end");

        Assert.Equal(500m, row.Value!.Value.Value);
        Assert.Equal(DirectionOfTravel.Worsening, row.VersusPrevious); // 480 → 500, lower is better
        Assert.Equal(RagStatus.Grey, row.Rag.Status); // no target
    }

    [Fact]
    public void Build_FormulaMeasure_EvaluatesOverOtherMeasures()
    {
        var row = Build().Rows.Single(r => r.Measure.Id == "fostered_share");

        // 400 / 500 * 100 = 80, target 75: Green, 5 points better; last year 360 / 480 * 100 = 75.
        Assert.Equal(80m, row.Value!.Value.Value);
        Assert.Equal("Green: 80% is 5 points better than the 75% target", row.Rag.Reason);
        Assert.Equal((75m, DirectionOfTravel.Improving), (row.SameLastYearValue, row.VersusLastYear));
    }

    [Fact]
    public void Build_UndefinedMeasure_IsGreyWithAReason()
    {
        var row = Build().Rows.Single(r => r.Measure.Id == "nowhere");

        Assert.Equal(new RagResult(RagStatus.Grey, "Grey: measure 'nowhere' is not defined"), row.Rag);
    }

    [Fact]
    public void Build_WithoutKpiSource_KpiAndFormulaMeasuresHaveNoValue()
    {
        var scorecard = Scorecard.Build(new ScorecardRequest
        {
            Framework = Framework,
            Measures = new[] { Rereferrals, Cla, Fostered, FosteredShare }.ToDictionary(m => m.Id),
            Council = Council,
            Period = Year2025,
            Values = [Value("fostered", Year2025, 400)],
        });

        Assert.Null(scorecard.Rows.Single(r => r.Measure.Id == "cla_at_end").Value);
        Assert.Null(scorecard.Rows.Single(r => r.Measure.Id == "fostered_share").Value);
    }

    [Fact]
    public void Build_FormulasReferringToEachOther_HaveNoValueInsteadOfLooping()
    {
        var a = new Measure { Id = "a", Title = "A", Source = MeasureSource.Formula("b + 1") };
        var b = new Measure { Id = "b", Title = "B", Source = MeasureSource.Formula("a + 1") };
        var framework = Framework with { Nodes = [new FrameworkNode { Id = "n", Kind = "theme", Title = "N", MeasureIds = ["a"] }] };

        var scorecard = Scorecard.Build(new ScorecardRequest
        {
            Framework = framework, Measures = new Dictionary<string, Measure> { ["a"] = a, ["b"] = b }, Council = Council, Period = Year2025,
        });

        Assert.Null(Assert.Single(scorecard.Rows).Value);
    }

    [Fact]
    public void Counts_Scorecard_CountsEachStatus()
    {
        var counts = Build().Counts();

        Assert.Equal((1, 1, 0, 2), (counts[RagStatus.Red], counts[RagStatus.Green], counts[RagStatus.Amber], counts[RagStatus.Grey]));
    }

    [Fact]
    public void Counts_MeasurePlacedUnderTwoNodes_CountsItOnceSoTheCountsAddUpToTheMeasures()
    {
        // As the Council Outcomes Framework places one carers' measure under two outcomes: it said "Grey 160" for 159 measures.
        var twice = Framework with
        {
            Nodes = [.. Framework.Nodes, new FrameworkNode { Id = "again", Kind = "theme", Title = "Again", MeasureIds = ["rereferrals", "nowhere"] }],
        };
        var scorecard = Scorecard.Build(new ScorecardRequest
        {
            Framework = twice,
            Measures = new[] { Rereferrals, Cla, Fostered, FosteredShare }.ToDictionary(m => m.Id),
            Council = Council,
            Period = Year2025,
        });

        var counts = scorecard.Counts();

        Assert.Equal(6, scorecard.Rows.Count());
        Assert.Equal(4, scorecard.Rows.Select(r => r.Measure.Id).Distinct().Count());
        Assert.Equal(4, counts.Values.Sum());
        Assert.Equal(4, counts[RagStatus.Grey]);
    }
}
