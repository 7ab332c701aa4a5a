using Lodestar.Domain.Actions;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Actions;

namespace Lodestar.Formats.Tests.Actions;

public sealed class ActionsYamlReaderTests
{
    internal const string Plan = """
        id: test-plan
        title: "Test LAC action plan"
        council: E10000003
        source: "seeds/004"
        as_at: 2016-02-29
        warning_window_days: 14
        notes: |
          "Jun-16" is read as 2016-06-30.
          Second line.
        targets:
          - { measure: cla_at_end, date: 2016-04-01, value: 535 }
          - { measure: cla_at_end, date: 2017-04-01, value: 497 }
        outcomes:
          - number: "1"
            title: "Families are supported to stay together"
            workstreams:
              - number: "1.1"
                title: "A higher proportion of children referred to CSC have a Family CAF"
                description: "So that no child comes through without one"
                leads: ["L. Lofting", "C. Smith"]
                target_age_group: "0-17"
                priority: medium
                impact_objective: number
                expected_impact: "More early support"
                how_measured: "Number of CAFs per year"
                target_saving_k: 0
                target_reduction_52wk: 1.5
                recorded_rag: red
                progress:
                  - { date: 2016-02-15, by: "L. Lofting", text: "LL/CS to meet 15.2.16 to agree key deliverables", rag: red }
                deliverables:
                  - number: "1.1.1"
                    text: "A higher proportion of children will have a Family CAF."
                    target_end: 2016-06-30
                    revised_end: 2016-09-30
                    impact_objective: cost
                    expected_impact: "Fewer reaching the edge of care"
                    how_measured: "CSC performance report"
                    measures: [referrals, cla_started]
                    target_saving_k: -25.5
                    target_reduction_52wk: 1.5
                    recorded_rag: amber
                    progress:
                      - { date: 2016-02-15, by: "L. Lofting", text: "Meeting booked", rag: amber }
                      - { date: 2016-02-20, text: "No RAG given" }
                    overrides:
                      - { date: 2016-02-16, by: "S. Manager", rag: green, reason: "New date agreed with the board" }
                      - { date: 2016-02-25, by: "S. Manager", rag: none }
                  - number: "1.1.2"
                    text: "Raise awareness"
                    target_end: 2016-03-31
                    completed: 2016-02-01
        """;

    private static Result<ActionsDocument> Read(string yaml) => ActionsYamlReader.Read(new StringReader(yaml), "plan.yaml");

    private static Problem SingleError(string yaml)
    {
        var result = Read(yaml);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void Read_FullPlan_ReadsEveryField()
    {
        var result = Read(Plan);

        Assert.Empty(result.Problems);
        var plan = result.Value!.Plan!;
        Assert.Equal(("test-plan", "Test LAC action plan", "E10000003", "seeds/004"), (plan.Id, plan.Title, plan.Council, plan.Source));
        Assert.Equal((new DateOnly(2016, 2, 29), 14), (plan.AsAt, plan.WarningWindowDays));
        Assert.Equal("\"Jun-16\" is read as 2016-06-30.\nSecond line.\n", plan.Notes);
        Assert.Equal(new MeasureTarget("cla_at_end", null, new(2017, 4, 1), 497m), plan.Targets[1]);

        var workstream = plan.Outcomes.Single().Workstreams.Single();
        Assert.Equal(["L. Lofting", "C. Smith"], workstream.Leads);
        Assert.Equal((ActionPriority.Medium, ImpactObjective.Number, ActionRag.Red), (workstream.Priority, workstream.ImpactObjective, workstream.RecordedRag));
        Assert.Equal(("0-17", 0m, 1.5m), (workstream.TargetAgeGroup, workstream.TargetSavingK, workstream.TargetReduction52Wk));
        Assert.Equal(new ProgressUpdate(new(2016, 2, 15), "L. Lofting", "LL/CS to meet 15.2.16 to agree key deliverables", ActionRag.Red), workstream.Progress.Single());

        var first = workstream.Deliverables[0];
        Assert.Equal((new DateOnly(2016, 6, 30), new DateOnly(2016, 9, 30), (DateOnly?)null), (first.TargetEnd, first.RevisedEnd, first.Completed));
        Assert.Equal((ImpactObjective.Cost, -25.5m, ActionRag.Amber), (first.ImpactObjective, first.TargetSavingK, first.RecordedRag));
        Assert.Equal(["referrals", "cla_started"], first.Measures);
        Assert.Equal(new ProgressUpdate(new(2016, 2, 20), "", "No RAG given", null), first.Progress[1]);
        Assert.Equal(
            [new RagOverride(new(2016, 2, 16), "S. Manager", ActionRag.Green, "New date agreed with the board"), new RagOverride(new(2016, 2, 25), "S. Manager", null, "")],
            first.Overrides);
        Assert.Equal(new DateOnly(2016, 2, 1), workstream.Deliverables[1].Completed);
    }

    [Fact]
    public void Read_UnknownKey_IsAnErrorWithLineAndColumn()
    {
        var error = SingleError("""
            id: p
            title: t
            outcomes:
              - number: "1"
                title: o
                colour: red
            """);

        Assert.Equal(("plan.yaml", 6, "5"), (error.File, error.Line, error.Column));
        Assert.StartsWith("Unknown key 'colour' in an outcome", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("plan.yaml, line 6, column 5: Unknown key", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocumentStyleDate_IsAnErrorNamingTheValue()
    {
        var error = SingleError("""
            id: p
            title: t
            outcomes:
              - number: "1"
                title: o
                workstreams:
                  - number: "1.1"
                    title: w
                    deliverables:
                      - { number: "1.1.1", text: d, target_end: Jun-16 }
            """);

        Assert.Equal((10, "53"), (error.Line, error.Column));
        Assert.Contains("'Jun-16' is not a date yyyy-mm-dd", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recorded_rag: purple", 23, "'purple' is not one of: blue | green | amber | red")]
    [InlineData("priority: low", 19, "'low' is not one of: urgent | high | medium")]
    [InlineData("target_saving_k: lots", 26, "'lots' is not a number")]
    public void Read_BadValue_IsAnErrorAtTheValueNamingIt(string line, int column, string expected)
    {
        var error = SingleError($"""
            id: p
            title: t
            outcomes:
              - number: "1"
                title: o
                workstreams:
                  - number: "1.1"
                    title: w
                    {line}
            """);

        Assert.Equal((9, column.ToString(System.Globalization.CultureInfo.InvariantCulture)), (error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyProblems_ReportsThemAll()
    {
        var result = Read("""
            id: p
            outcomes:
              - number: "1"
                title: o
                workstreams:
                  - { number: "1.1", title: w, priority: low }
                  - { number: "1.1", title: w2 }
            """);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Problems.Count);
        Assert.Contains(result.Problems, e => e.Message == "the action plan has no 'title'." && e.Line == 1);
        Assert.Contains(result.Problems, e => e.Message.Contains("'low'", StringComparison.Ordinal) && e.Line == 6);
        Assert.Contains(result.Problems, e => e.Message == "The workstream number '1.1' appears twice in the plan." && e.Line == 7);
    }

    [Fact]
    public void Read_OverrideWithoutReason_IsAnError()
    {
        var error = SingleError("""
            id: p
            title: t
            outcomes:
              - number: "1"
                title: o
                workstreams:
                  - number: "1.1"
                    title: w
                    deliverables:
                      - number: "1.1.1"
                        text: d
                        overrides:
                          - { date: 2016-02-01, by: M, rag: green }
            """);

        Assert.Equal((13, "17"), (error.Line, error.Column));
        Assert.Equal("A RAG override needs a 'reason'.", error.Message);
    }

    [Fact]
    public void Read_InvalidYaml_IsAnErrorWithPosition()
    {
        var error = SingleError("id: p\ntitle: [unclosed\noutcomes: []\n");

        Assert.True(error.Line >= 2, $"line {error.Line}");
        Assert.StartsWith("Not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAPlan_SaysWhatWasExpected()
    {
        var error = SingleError("name: something\n");

        Assert.StartsWith("The file is not an action plan", error.Message, StringComparison.Ordinal);
    }

    internal const string Savings = """
        savings_plan:
          id: test-savings
          title: "LAC savings"
          years: ["2016/17", "2017/18"]
          by_objective:
            - objective: "Reduce the number of children who are looked after"
              bp_reference: "A/R.3.012"
              placement_types: [ifa, residential]
              values_k: { "2016/17": -2100, "2017/18": -1615 }
            - objective: "Inflation"
              values_k: { "2016/17": -132 }
          stated_totals_k: { "2016/17": -2232, "2017/18": -1615 }
          by_placement_type:
            - { placement_type: ifa, label: "Independent fostering", bp_savings_k: -500, budget_transfers_k: -200 }
            - { placement_type: residential, label: "Residential homes", bp_savings_k: 796 }
          stated_placement_total_k: { bp_savings: 296, budget_transfers: -200, total: 96 }
        """;

    [Fact]
    public void Read_SavingsPlanFile_ReadsItAndItReconciles()
    {
        var result = Read(Savings);

        Assert.Empty(result.Problems);
        var savings = result.Value!.Savings!;
        Assert.Null(result.Value.Plan);
        Assert.Equal(["2016/17", "2017/18"], savings.Years.Select(y => y.ToFinancialYearLabel()));
        Assert.Equal(("A/R.3.012", -1615m), (savings.ByObjective[0].BpReference, savings.ByObjective[0].ValueK(Period.ParseFinancialYear("2017/18"))));
        Assert.Equal([PlacementCategory.Ifa, PlacementCategory.Residential], savings.ByObjective[0].PlacementTypes);
        Assert.Equal(0m, savings.ByObjective[1].ValueK(Period.ParseFinancialYear("2017/18")));
        Assert.Equal(-700m, savings.ByPlacementType[0].TotalK);
        Assert.Equal(new PlacementTotals(296m, -200m, 96m), savings.StatedPlacementTotal);
        Assert.Empty(savings.Reconcile());
    }

    [Fact]
    public void Read_PlacementLineWithUnsplitSaving_ReadsAndWritesIt()
    {
        var yaml = Savings.Replace(
            "{ placement_type: residential, label: \"Residential homes\", bp_savings_k: 796 }",
            "{ placement_type: residential, label: \"Residential homes\", saving_k: 796 }",
            StringComparison.Ordinal);

        var savings = Read(yaml).Value!.Savings!;
        var written = ActionsYamlWriter.Write(new ActionsDocument(null, savings, null));

        Assert.Equal((0m, 796m, 796m), (savings.ByPlacementType[1].BpSavingsK, savings.ByPlacementType[1].UnsplitK!.Value, savings.ByPlacementType[1].TotalK));
        Assert.Contains("saving_k: 796", written, StringComparison.Ordinal);
        Assert.Equal(796m, Read(written).Value!.Savings!.ByPlacementType[1].UnsplitK);
    }

    [Fact]
    public void Read_SavingsValueForYearNotInPlan_IsAnError()
    {
        var error = SingleError(Savings.Replace("{ \"2016/17\": -132 }", "{ \"2018/19\": -132 }", StringComparison.Ordinal));

        Assert.Equal((11, "19"), (error.Line, error.Column));
        Assert.Contains("'2018/19'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SavingsYearThatIsNotAFinancialYear_IsAProblemNamingFileLineColumnAndValue()
    {
        var error = SingleError(Savings.Replace("{ \"2016/17\": -132 }", "{ \"2016/2017\": -132 }", StringComparison.Ordinal));

        Assert.Equal(("plan.yaml", 11, "19", "2016/2017"), (error.File, error.Line, error.Column, error.Value));
        Assert.Contains("is not a financial year like 2016/17", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PlanYearThatIsNotAFinancialYear_IsAProblemNamingFileLineColumnAndValue()
    {
        var result = Read(Savings.Replace("years: [\"2016/17\", \"2017/18\"]", "years: [\"2016/17\", \"2017/19\"]", StringComparison.Ordinal));

        var error = result.Problems[0];
        Assert.Equal(("plan.yaml", 4, "22", "2017/19"), (error.File, error.Line, error.Column, error.Value));
        Assert.Equal("'years' of the savings plan: '2017/19' is not a financial year like 2016/17.", error.Message);
    }

    [Fact]
    public void Read_SavingsYearWithAHyphen_IsTheSameFinancialYearWrittenBackWithASlash()
    {
        var result = Read(Savings.Replace("\"2017/18\"", "\"2017-18\"", StringComparison.Ordinal));

        Assert.Empty(result.Problems);
        var savings = result.Value!.Savings!;
        Assert.Equal([Period.ReportingYear(2017), Period.ReportingYear(2018)], savings.Years);
        Assert.Equal(-1615m, savings.TotalK(Period.ReportingYear(2018)));
        Assert.Contains("years: [\"2016/17\", \"2017/18\"]", ActionsYamlWriter.Write(result.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SavingsPlacementYearNotInPlan_IsAnError()
    {
        var error = SingleError(Savings.Replace("  years: [\"2016/17\", \"2017/18\"]", "  years: [\"2016/17\", \"2017/18\"]\n  placement_year: \"2018/19\"", StringComparison.Ordinal));

        Assert.Equal((5, "19", "2018/19"), (error.Line, error.Column, error.Value));
    }

    [Fact]
    public void Read_PlanWithSavingsPlan_ReadsBoth()
    {
        var result = Read(Plan + "\n" + Savings);

        Assert.Empty(result.Problems);
        Assert.Equal(("test-plan", "test-savings"), (result.Value!.Plan!.Id, result.Value.Savings!.Id));
    }

    internal const string Register = """
        id: leeds-ld-benefits
        title: "Appendix 5 – Performance Framework: benefits"
        source: "seeds/000"
        benefits:
          - id: residential-cost-reduction
            description: "At least 35% reduction in residential placement costs"
            financial: true
            timing: "Two years"
            how_measured: "Budget monitoring from above data set"
            baseline: "£2,312,659"
            baseline_value: 2312659
            target: "A saving of £270K per year"
            value_per_year: 270000
            confidence_percent: 75
            realised: [ { date: 2017-03-31, value: 120000, note: "Year 1" } ]
          - id: family-functioning
            description: "Improved family functioning"
            financial: false
            timing: "One year"
            confidence_percent: 100
            measures: [cla_started]
        """;

    [Fact]
    public void Read_BenefitsRegister_ReadsEveryField()
    {
        var result = Read(Register);

        Assert.Empty(result.Problems);
        var register = result.Value!.Benefits!;
        var money = register.Benefits[0];
        Assert.Equal(("£2,312,659", 2_312_659m, 270_000m, 75), (money.Baseline, money.BaselineValue, money.ValuePerYear, money.ConfidencePercent));
        Assert.Equal(202_500m, money.RiskAdjustedValuePerYear);
        Assert.Equal(120_000m, money.RealisedToDate);
        Assert.False(register.Benefits[1].Financial);
        Assert.Equal(["cla_started"], register.Benefits[1].Measures);
    }

    [Fact]
    public void Read_ConfidenceOver100_IsAnError()
    {
        var error = SingleError(Register.Replace("confidence_percent: 75", "confidence_percent: 175", StringComparison.Ordinal));

        Assert.Equal(14, error.Line);
        Assert.Contains("175", error.Message, StringComparison.Ordinal);
    }
}
