using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Savings;

/// <summary>The placement categories of the savings model (the KPI <c>placements_52wk_by_type</c> uses the same ones).</summary>
public enum PlacementCategory
{
    InHouseFostering,
    Ifa,
    Kinship,
    Residential,
    ResidentialSchool,
    SupportedAccommodation,
    Adoption,
    WithParents,
    Other,
}

/// <summary>A savings target by objective: £k per financial year (a reporting-year <see cref="Period"/>), with its business-planning reference.</summary>
public sealed record ObjectiveSavings
{
    public required string Objective { get; init; }
    public string? BpReference { get; init; }

    /// <summary>Placement categories whose delivered savings count towards this objective (optional; none means not measured from placements).</summary>
    public IReadOnlyList<PlacementCategory> PlacementTypes { get; init; } = [];
    public required IReadOnlyDictionary<Period, decimal> ValuesK { get; init; }

    public decimal ValueK(Period year) => ValuesK.TryGetValue(year, out var value) ? value : 0m;
}

/// <summary>
/// A savings target by placement type: business-planning savings plus budget transfers, £k. Where a
/// document prints only the line's total (seed 004 does), it is <see cref="UnsplitK"/>.
/// </summary>
public sealed record PlacementTypeSavings
{
    public required PlacementCategory PlacementType { get; init; }
    public required string Label { get; init; }
    public decimal BpSavingsK { get; init; }
    public decimal BudgetTransfersK { get; init; }

    /// <summary>The line's saving when the document does not split it into BP savings and budget transfers.</summary>
    public decimal? UnsplitK { get; init; }
    public decimal TotalK => BpSavingsK + BudgetTransfersK + (UnsplitK ?? 0m);
}

/// <summary>The totals of the by-placement-type table as a document states them.</summary>
public sealed record PlacementTotals(decimal? BpSavingsK, decimal? BudgetTransfersK, decimal? TotalK);

/// <summary>One line where a document's stated total and the computed one disagree.</summary>
public sealed record ReconciliationIssue(string Line, decimal StatedK, decimal ComputedK)
{
    public decimal DifferenceK => StatedK - ComputedK;
}

/// <summary>
/// A savings plan: targets by objective × financial year and by placement type. Savings are negative
/// (a reduction in spend), as the seed documents print them. Totals are computed, never trusted.
/// </summary>
public sealed record SavingsPlan
{
    private readonly IReadOnlyList<Period> _years = [];
    private readonly Period? _placementYear;

    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>The plan's financial years, in order: reporting-year periods ("2016/17" is 2016-04-01..2017-03-31).</summary>
    public required IReadOnlyList<Period> Years
    {
        get => _years;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var year in value)
            {
                FinancialYear.Check(year, nameof(Years));
            }

            _years = value;
        }
    }

    /// <summary>The financial year the by-placement-type targets belong to; the first of <see cref="Years"/> when not given.</summary>
    public Period? PlacementYear
    {
        get => _placementYear;
        init
        {
            if (value is { } year)
            {
                FinancialYear.Check(year, nameof(PlacementYear));
            }

            _placementYear = value;
        }
    }

    public string? Notes { get; init; }
    public IReadOnlyList<ObjectiveSavings> ByObjective { get; init; } = [];
    public IReadOnlyDictionary<Period, decimal> StatedTotalsK { get; init; } = new Dictionary<Period, decimal>();
    public IReadOnlyList<PlacementTypeSavings> ByPlacementType { get; init; } = [];
    public PlacementTotals? StatedPlacementTotal { get; init; }

    /// <summary>The sum of the objectives' values for a financial year.</summary>
    public decimal TotalK(Period year) => ByObjective.Sum(o => o.ValueK(year));

    public PlacementTotals ComputedPlacementTotal() => new(
        ByPlacementType.Sum(p => p.BpSavingsK),
        ByPlacementType.Sum(p => p.BudgetTransfersK),
        ByPlacementType.Sum(p => p.TotalK));

    /// <summary>Every line where a stated total disagrees with the computed one (an empty list: the plan adds up).</summary>
    public IReadOnlyList<ReconciliationIssue> Reconcile()
    {
        var issues = new List<ReconciliationIssue>();
        foreach (var year in Years.Concat(StatedTotalsK.Keys.Where(k => !Years.Contains(k))))
        {
            if (StatedTotalsK.TryGetValue(year, out var stated) && stated != TotalK(year))
            {
                issues.Add(new ReconciliationIssue($"Total by objective, {year.ToFinancialYearLabel()}", stated, TotalK(year)));
            }
        }

        if (StatedPlacementTotal is { } statedPlacement)
        {
            var computed = ComputedPlacementTotal();

            // A line with an unsplit saving cannot be attributed to either column, so only the total is checked.
            if (ByPlacementType.All(p => p.UnsplitK is null))
            {
                Check("Placement types: BP savings", statedPlacement.BpSavingsK, computed.BpSavingsK!.Value);
                Check("Placement types: budget transfers", statedPlacement.BudgetTransfersK, computed.BudgetTransfersK!.Value);
            }

            Check("Placement types: total", statedPlacement.TotalK, computed.TotalK!.Value);
            if (statedPlacement is { BpSavingsK: { } bp, BudgetTransfersK: { } transfers, TotalK: { } total } && bp + transfers != total)
            {
                issues.Add(new ReconciliationIssue("Placement types: stated BP savings + budget transfers vs stated total", total, bp + transfers));
            }
        }

        return issues;

        void Check(string line, decimal? stated, decimal computed)
        {
            if (stated is { } value && value != computed)
            {
                issues.Add(new ReconciliationIssue(line, value, computed));
            }
        }
    }
}
