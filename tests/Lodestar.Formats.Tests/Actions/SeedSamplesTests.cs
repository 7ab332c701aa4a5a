using Lodestar.Domain.Actions;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Actions;
using Lodestar.Testing;

namespace Lodestar.Formats.Tests.Actions;

/// <summary>
/// The seed documents encoded as samples (samples/actions/, written from seeds 004 and 000) load without
/// errors and hold the figures the seeds print.
/// </summary>
public sealed class SeedSamplesTests
{
    private static ActionsDocument Load(string name)
    {
        var path = Repository.File("samples", "actions", name);
        var result = ActionsYamlReader.ReadFile(path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Value!;
    }

    [Fact]
    public void Seed004_ActionPlan_HoldsTheSeedsOutcomesAndTargets()
    {
        var plan = Load("cambs-lac-action-plan-2015-17.yaml").Plan!;

        Assert.Equal(5, plan.Outcomes.Count);
        Assert.Equal("E10000003", plan.Council);
        // Counts as read from the seed by the samples' author (docs/samples-actions.md): 31 workstreams, 100 deliverables.
        Assert.Equal(31, plan.AllWorkstreams.Count());
        Assert.Equal(100, plan.AllDeliverables.Count());
        // "Target LAC Number April 2016: 535 / April 2017: 497".
        Assert.Equal([535m, 497m], plan.MeasureTargets().Where(t => t.MeasureId == "cla_at_end").Select(t => t.Value));
        Assert.All(plan.MeasureTargets(), t => Assert.Equal("E10000003", t.CouncilCode));
        var status = ActionPlanStatus.Compute(plan, plan.AsAt!.Value);
        Assert.Equal(100, status.DeliverablesByRag.Values.Sum());
    }

    [Fact]
    public void Seed004_SavingsPlan_AddsUpToTheSeedsPrintedTotals()
    {
        var savings = Load("cambs-lac-action-plan-2015-17.yaml").Savings!;

        // The seed's objective table prints totals -6,789, -3,724, -3,313, -2,752, -2,581 (£k).
        Assert.Equal(
            [-6789m, -3724m, -3313m, -2752m, -2581m],
            new[] { "2016/17", "2017/18", "2018/19", "2019/20", "2020/21" }.Select(Period.ParseFinancialYear).Select(savings.TotalK));
        Assert.DoesNotContain(savings.Reconcile(), i => i.Line.StartsWith("Total by objective", StringComparison.Ordinal));
        // By placement type: TOTAL -2,148 = BP savings -1,429 + budget transfers -719.
        Assert.Equal(-2148m, savings.ComputedPlacementTotal().TotalK);
        Assert.Equal(new PlacementTotals(-1429m, -719m, -2148m), savings.StatedPlacementTotal);
    }

    [Fact]
    public void Seed004_SavingsPlanObjectives_NameThePlacementTypesDocsSavingsArguesEachInOneObjectiveOnly()
    {
        var savings = Load("cambs-lac-action-plan-2015-17.yaml").Savings!;

        // docs/savings.md, "Seed 004's objectives and their placement types": by the impact key of the workstreams
        // that set 52-week targets on each type (Number 2.4; Cost 3.1, 4.1, 4.2, 4.3; the Adoption* line by name).
        var types = savings.ByObjective.ToDictionary(o => o.Objective, o => o.PlacementTypes);
        Assert.Equal([PlacementCategory.SupportedAccommodation, PlacementCategory.Other], types["Reduce the number of children who are looked after"]);
        Assert.Equal(
            [PlacementCategory.InHouseFostering, PlacementCategory.Ifa, PlacementCategory.Kinship, PlacementCategory.Residential, PlacementCategory.ResidentialSchool],
            types["Reduce the unit cost of placements for children in care"]);
        Assert.Equal([PlacementCategory.Adoption], types["Adoption*"]);
        Assert.Equal(6, types.Values.Count(t => t.Count == 0));
        // No type is counted under two objectives, so the by-objective forecasts do not double count.
        var named = savings.ByObjective.SelectMany(o => o.PlacementTypes).ToList();
        Assert.Equal(named.Count, named.Distinct().Count());
    }

    [Fact]
    public void Seed000_BenefitsRegister_HoldsTheSeedsFinancialBenefits()
    {
        var register = Load("ld-benefits-register.yaml").Benefits!;

        var residential = Assert.Single(register.Benefits, b => b.BaselineValue == 2_312_659m);
        Assert.Equal((270_000m, 75, 202_500m), (residential.ValuePerYear, residential.ConfidencePercent, residential.RiskAdjustedValuePerYear));
        Assert.Contains(register.Benefits, b => b.ValuePerYear == 95_142m);
        Assert.Contains(register.Benefits, b => !b.Financial);
    }
}
