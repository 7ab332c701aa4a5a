using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;

namespace Lodestar.Domain.Tests.Savings;

public sealed class SavingsPlanTests
{
    // Seed 004's 2016/17 and 2017/18 columns by objective, and its table by placement type (BP savings and
    // budget transfers split illustratively: only the document's totals -1,429 and -719 are printed).
    private static SavingsPlan Plan(decimal stated1617 = -6789m, decimal statedPlacementTotal = -2148m) => new()
    {
        Id = "plan",
        Title = "Savings",
        Years = [Period.ParseFinancialYear("2016/17"), Period.ParseFinancialYear("2017/18")],
        ByObjective =
        [
            Objective("Reduce the number of children who are looked after", -2100, -1615),
            Objective("Reduce the unit cost of placements for children in care", -922, -958),
            Objective("Reduce the length of time children are in care", -507, -853),
            Objective("Adoption", -350, 0),
            Objective("Share Care provision (4.7)", -500, -174),
            Objective("Alternatives to Care (2.5)", -219, 0),
            Objective("In-house fostering", 0, 0),
            Objective("Inflation", -132, -124),
            Objective("Carried forward pressure", -2059, 0),
        ],
        StatedTotalsK = new Dictionary<Period, decimal> { [Period.ParseFinancialYear("2016/17")] = stated1617, [Period.ParseFinancialYear("2017/18")] = -3724m },
        ByPlacementType =
        [
            new PlacementTypeSavings { PlacementType = PlacementCategory.Ifa, Label = "Independent fostering", BpSavingsK = -2919, BudgetTransfersK = -719 },
            new PlacementTypeSavings { PlacementType = PlacementCategory.InHouseFostering, Label = "In house fostering", BpSavingsK = 1011 },
            new PlacementTypeSavings { PlacementType = PlacementCategory.Residential, Label = "Residential homes", BpSavingsK = 796 },
            new PlacementTypeSavings { PlacementType = PlacementCategory.Residential, Label = "Residential - disability", BpSavingsK = -75 },
            new PlacementTypeSavings { PlacementType = PlacementCategory.ResidentialSchool, Label = "Residential schools", BpSavingsK = -153 },
            new PlacementTypeSavings { PlacementType = PlacementCategory.SupportedAccommodation, Label = "Supported Accommodation", BpSavingsK = -35 },
            new PlacementTypeSavings { PlacementType = PlacementCategory.SupportedAccommodation, Label = "16+", BpSavingsK = -118 },
            new PlacementTypeSavings { PlacementType = PlacementCategory.Kinship, Label = "Kinship", BpSavingsK = 14 },
            new PlacementTypeSavings { PlacementType = PlacementCategory.Adoption, Label = "Concurrent adoption", BpSavingsK = 50 },
        ],
        StatedPlacementTotal = new PlacementTotals(-1429m, -719m, statedPlacementTotal),
    };

    private static ObjectiveSavings Objective(string name, decimal y1, decimal y2) =>
        new() { Objective = name, ValuesK = new Dictionary<Period, decimal> { [Period.ParseFinancialYear("2016/17")] = y1, [Period.ParseFinancialYear("2017/18")] = y2 } };

    [Fact]
    public void TotalK_SeedColumns_AddUpToTheDocumentsTotals()
    {
        var plan = Plan();

        Assert.Equal(-6789m, plan.TotalK(Period.ParseFinancialYear("2016/17")));
        Assert.Equal(-3724m, plan.TotalK(Period.ParseFinancialYear("2017/18")));
        Assert.Equal(new PlacementTotals(-1429m, -719m, -2148m), plan.ComputedPlacementTotal());
    }

    [Fact]
    public void Reconcile_TotalsAgree_ReportsNothing()
    {
        Assert.Empty(Plan().Reconcile());
    }

    [Fact]
    public void Reconcile_WrongYearTotal_ReportsThatLine()
    {
        var issue = Assert.Single(Plan(stated1617: -6798m).Reconcile());

        Assert.Equal(new ReconciliationIssue("Total by objective, 2016/17", -6798m, -6789m), issue);
        Assert.Equal(-9m, issue.DifferenceK);
    }

    [Fact]
    public void Reconcile_WrongPlacementTotal_ReportsTheTotalAndTheInconsistentSum()
    {
        var issues = Plan(statedPlacementTotal: -2100m).Reconcile();

        Assert.Equal(
            [
                new ReconciliationIssue("Placement types: total", -2100m, -2148m),
                new ReconciliationIssue("Placement types: stated BP savings + budget transfers vs stated total", -2100m, -2148m),
            ],
            issues);
    }

    [Fact]
    public void Reconcile_LinesWithUnsplitSavings_ChecksOnlyTheTotal()
    {
        // Seed 004 prints each placement type's saving, and only the BP / transfer split of the total.
        var plan = Plan() with
        {
            ByPlacementType =
            [
                new PlacementTypeSavings { PlacementType = PlacementCategory.Ifa, Label = "Independent fostering", UnsplitK = -3638m },
                new PlacementTypeSavings { PlacementType = PlacementCategory.InHouseFostering, Label = "In house fostering", UnsplitK = 1011m },
                new PlacementTypeSavings { PlacementType = PlacementCategory.Residential, Label = "Residential homes", UnsplitK = 479m },
            ],
        };

        Assert.Equal(-2148m, plan.ComputedPlacementTotal().TotalK);
        Assert.Empty(plan.Reconcile());
        var wrong = plan with { StatedPlacementTotal = new PlacementTotals(-1429m, -719m, -2000m) };
        Assert.Equal(
            ["Placement types: total", "Placement types: stated BP savings + budget transfers vs stated total"],
            wrong.Reconcile().Select(i => i.Line));
    }

    [Fact]
    public void Years_PeriodThatIsNotAReportingYear_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Plan() with { Years = [Period.ReportingYear(2017), Period.Quarter(2018, 1)] });
        Assert.Throws<ArgumentException>(() => Plan() with { PlacementYear = Period.Month(2016, 4) });
    }

    [Fact]
    public void ValueK_SameYearParsedTwice_FindsTheValue()
    {
        // Record struct equality: a year read from a file finds the value stored under the year built in code.
        Assert.Equal(-2100m, Plan().ByObjective[0].ValueK(Period.ReportingYear(2017)));
        Assert.Equal(0m, Plan().ByObjective[0].ValueK(Period.ReportingYear(2019)));
    }
}
