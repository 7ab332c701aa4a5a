using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Tests.Performance;

/// <summary>The small-number rule on a scorecard: what staff see marked, and what goes outside the council withheld.</summary>
public sealed class SmallNumbersScorecardTests
{
    private const string Council = "E10000003";
    private static readonly Period Year2025 = Period.ReportingYear(2025);
    private static readonly Period Year2024 = Period.ReportingYear(2024);

    // A computed count (children who went missing), a computed share, and two entered figures.
    private static readonly Measure Missing = new()
    {
        Id = "missing", Title = "Missing", Unit = MeasureUnit.Count, Polarity = Polarity.LowerIsBetter, Source = MeasureSource.Kpi("missing"),
    };

    private static readonly Measure Stable = new()
    {
        Id = "stable", Title = "Stable", Unit = MeasureUnit.Percent, Polarity = Polarity.HigherIsBetter, Source = MeasureSource.Kpi("stable"),
    };

    private static readonly Measure Inspections = new() { Id = "inspections", Title = "Inspections", Unit = MeasureUnit.Count };

    private static readonly Measure Visited = new() { Id = "visited", Title = "Visited", Unit = MeasureUnit.Percent, Polarity = Polarity.HigherIsBetter };

    private static Scorecard Build() => Scorecard.Build(new ScorecardRequest
    {
        Framework = new Framework
        {
            Id = "fw", Title = "Framework",
            Nodes = [new FrameworkNode { Id = "n", Kind = "theme", Title = "N", MeasureIds = ["missing", "stable", "inspections", "visited"] }],
        },
        Measures = new[] { Missing, Stable, Inspections, Visited }.ToDictionary(m => m.Id),
        Council = Council,
        Period = Year2025,
        Values =
        [
            new() { MeasureId = "inspections", Council = Council, Period = Year2025, Value = 2 },
            new() { MeasureId = "visited", Council = Council, Period = Year2025, Value = 90, Numerator = 18, Denominator = 20 },
            new() { MeasureId = "visited", Council = Council, Period = Year2024, Value = 75, Numerator = 3, Denominator = 4 },
        ],
        Targets =
        [
            new Target { MeasureId = "missing", Council = Council, Period = Year2025, Value = 5 },
            new Target { MeasureId = "visited", Council = Council, Period = Year2025, Value = 80 },
        ],
        // 3 children missing in 2024-25 (8 the year before); 12 of 15 stable (2 of 3 the year before).
        Kpis = (kpi, _, period) => (kpi, period == Year2025) switch
        {
            ("missing", true) => new MeasureValue(3, 3, null),
            ("missing", false) => new MeasureValue(8, 8, null),
            ("stable", true) => new MeasureValue(80, 12, 15),
            ("stable", false) => new MeasureValue(66.666667m, 2, 3),
            _ => null,
        },
    });

    private static ScorecardRow Row(Scorecard scorecard, string id) => scorecard.Rows.Single(r => r.Measure.Id == id);

    [Fact]
    public void Mark_SmallFigures_AreMarkedAndKept()
    {
        var marked = SmallNumbers.Dfe.Mark(Build());

        var missing = Row(marked, "missing");
        Assert.Equal((SmallFigures.Value, SmallFigures.None), (missing.Small, missing.Withheld));
        Assert.Equal(3m, missing.Value?.Value);
        Assert.Equal("3", missing.ValueText);
        Assert.Equal(RagStatus.Green, missing.Rag.Status);
        Assert.Equal(SmallFigures.Previous | SmallFigures.SameLastYear, Row(marked, "stable").Small);
    }

    [Fact]
    public void Suppress_SmallValue_IsWithheldAsCWithItsRagAndDirections()
    {
        var suppressed = SmallNumbers.Dfe.Suppress(Build());

        var missing = Row(suppressed, "missing");
        Assert.Null(missing.Value);
        Assert.Equal("c", missing.ValueText);
        Assert.Equal(SmallFigures.Value, missing.Withheld);
        // Green against a target of 5 would say the value is at most 5.
        Assert.Equal(new RagResult(RagStatus.Grey, "Grey: suppressed (c), a figure about fewer than 5 children"), missing.Rag);
        Assert.Equal(DirectionOfTravel.Unknown, missing.VersusPrevious);
        Assert.Equal(DirectionOfTravel.Unknown, missing.VersusLastYear);
        // The year before (8) is not small and stays.
        Assert.Equal(8m, missing.PreviousValue);
    }

    [Fact]
    public void Suppress_SmallYearBefore_IsWithheldWithTheDirectionsAndTheReasonThatNameIt()
    {
        var suppressed = SmallNumbers.Dfe.Suppress(Build());

        // 80% of 15 is shown; 2 of 3 the year before is not.
        var stable = Row(suppressed, "stable");
        Assert.Equal(80m, stable.Value?.Value);
        Assert.Null(stable.PreviousValue);
        Assert.Null(stable.SameLastYearValue);
        Assert.Equal(SmallFigures.Previous | SmallFigures.SameLastYear, stable.Withheld);
        Assert.Equal(DirectionOfTravel.Unknown, stable.VersusPrevious);

        // Entered 90% of 20 against 80: Green; the year before (3 of 4) withheld, its status kept, its reason not naming it.
        var visited = Row(suppressed, "visited");
        Assert.Equal(90m, visited.Value?.Value);
        Assert.Equal(RagStatus.Green, visited.Rag.Status);
        Assert.DoesNotContain("75", visited.Rag.Reason, StringComparison.Ordinal);
        Assert.Null(visited.PreviousValue);
    }

    [Fact]
    public void Suppress_EnteredCountWithoutNumerator_IsNotJudged()
    {
        // 2 inspections: Lodestar cannot tell an entered count of children from a count of anything else.
        var inspections = Row(SmallNumbers.Dfe.Suppress(Build()), "inspections");

        Assert.Equal((2m, SmallFigures.None), (inspections.Value?.Value, inspections.Withheld));
    }

    [Fact]
    public void Suppress_TheScorecardGiven_IsUnchanged()
    {
        var scorecard = Build();

        var suppressed = SmallNumbers.Dfe.Suppress(scorecard);

        Assert.Equal(3m, Row(scorecard, "missing").Value?.Value);
        Assert.Equal(SmallFigures.None, Row(scorecard, "missing").Small);
        // Counts follow the withheld RAG: missing was Green, now Grey.
        Assert.Equal(scorecard.Counts()[RagStatus.Green] - 1, suppressed.Counts()[RagStatus.Green]);
    }

    [Fact]
    public void Suppress_AHigherThreshold_WithholdsMore()
    {
        // 12 of 15 is small under a threshold of 20.
        var stable = Row(new SmallNumbers(20).Suppress(Build()), "stable");

        Assert.Equal("c", stable.ValueText);
    }
}
