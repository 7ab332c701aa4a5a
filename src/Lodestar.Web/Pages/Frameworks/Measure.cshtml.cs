using System.Globalization;
using Lodestar.Application.Imports;
using Lodestar.Application.Scorecards;
using Lodestar.Domain.Benchmarks;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Frameworks;

internal sealed class MeasureModel(ScorecardService service, Importer importer, CouncilAccess access, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    /// <summary>How many reporting years of history the page shows.</summary>
    public const int HistoryYears = 6;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string MeasureId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The value form: period, value and note.</summary>
    [BindProperty]
    public string? PeriodText { get; set; }

    [BindProperty]
    public string? ValueText { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public Framework Framework { get; private set; } = null!;

    public Measure Measure { get; private set; } = null!;

    public Council ChosenCouncil { get; private set; } = null!;

    public int ChosenYear { get; private set; }

    public IReadOnlyList<(int Year, ScorecardRow Row)> History { get; private set; } = [];

    public IReadOnlyList<PeriodicValue> EnteredValues { get; private set; } = [];

    public BenchmarkComparison? Comparison { get; private set; }

    /// <summary>The DfE comparison for each history year (absent when none is stored for it).</summary>
    public IReadOnlyDictionary<int, BenchmarkComparison> YearComparisons { get; private set; } = new Dictionary<int, BenchmarkComparison>();

    /// <summary>The chart's data (charts.js): the history, oldest first, with target, England, neighbours and the middle half of councils.</summary>
    public string ChartJson { get; private set; } = "{}";

    /// <summary>Whether the history has any value, target or benchmark to draw.</summary>
    public bool HasChart { get; private set; }

    public bool CanEdit { get; private set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SecurityServices.EditorPolicy)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Period.TryParse(PeriodText, out var period, out var periodError))
        {
            ModelState.AddModelError(nameof(PeriodText), $"Period: {periodError}");
        }

        if (!decimal.TryParse(ValueText?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            ModelState.AddModelError(nameof(ValueText), "Value: enter a number, e.g. 14.2");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = User.Identity?.Name ?? "unknown";
        var entry = new PeriodicValue
        {
            MeasureId = Measure.Id,
            Council = ChosenCouncil.Code,
            Period = period,
            Value = value,
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
            EnteredBy = actor,
            EnteredAt = clock.GetUtcNow(),
        };

        var stored = await importer.ValueAsync(actor, entry, cancellationToken);
        if (!stored.Succeeded)
        {
            foreach (var problem in stored.Problems)
            {
                ModelState.AddModelError(nameof(ValueText), problem.Message);
            }

            return Page();
        }

        return Redirect($"/frameworks/{Uri.EscapeDataString(Id)}/measures/{Uri.EscapeDataString(MeasureId)}?council={Uri.EscapeDataString(ChosenCouncil.Code)}&year={ChosenYear}&saved={Uri.EscapeDataString(period.ToString())}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var framework = await service.FrameworkAsync(Id, cancellationToken);
        if (framework is null || !framework.ReferencedMeasureIds().Contains(MeasureId))
        {
            return false;
        }

        var measures = await service.Frameworks.MeasuresAsync([MeasureId], cancellationToken);
        var allowed = await access.AllowedAsync(cancellationToken);
        var council = Council is null ? await service.DefaultCouncilAsync(allowed, cancellationToken) : await service.CouncilAsync(Council, cancellationToken);
        if (!measures.TryGetValue(MeasureId, out var measure) || council is null || !allowed.Contains(council.Code))
        {
            return false;
        }

        Framework = framework;
        Measure = measure;
        ChosenCouncil = council;
        ChosenYear = Year is { } asked && Period.IsYear(asked) ? asked : await service.DefaultYearAsync(council.Code, cancellationToken);
        History = await service.HistoryAsync(framework, measure, council, [.. Enumerable.Range(0, HistoryYears).Select(i => ChosenYear - i)], cancellationToken);
        EnteredValues = (await service.Frameworks.ValuesAsync(council.Code, [measure.Id], cancellationToken)).OrderByDescending(v => v.Period.End).ToList();
        var comparisons = new Dictionary<int, BenchmarkComparison>();
        foreach (var (year, _) in History)
        {
            // A year with no DfE figure imported at all is left blank, not "No row" in every column.
            if (await service.CompareAsync(measure, council, year, cancellationToken) is { } comparison
                && (comparison.England is not null || comparison.Council is not null || comparison.Neighbours.Average is not null || comparison.Position is not null))
            {
                comparisons[year] = comparison;
            }
        }

        YearComparisons = comparisons;
        Comparison = comparisons.GetValueOrDefault(ChosenYear) ?? await service.CompareAsync(measure, council, ChosenYear, cancellationToken);
        (ChartJson, HasChart) = Chart();
        CanEdit = (await authorization.AuthorizeAsync(User, SecurityServices.EditorPolicy)).Succeeded;
        Saved = Request.Query["saved"].FirstOrDefault();
        return true;
    }

    public string Figure(decimal? value) => ScorecardModel.Figure(value, Measure);

    /// <summary>The middle half of councils (lower to upper quartile) for a year, in words; empty when not known.</summary>
    public string MiddleHalf(int year) =>
        YearComparisons.GetValueOrDefault(year)?.Position is { } p ? $"{Figure(p.Boundaries.LowerQuartile)} to {Figure(p.Boundaries.UpperQuartile)}" : "";

    /// <summary>The council's quartile band for a year ("B"), in words; empty when not known.</summary>
    public string Band(int year) =>
        YearComparisons.GetValueOrDefault(year) is { Position: { } p } c ? $"{p.Band(c.Polarity)} (rank {p.Rank} of {p.Of})" : "";

    private (string Json, bool Any) Chart()
    {
        var years = History.Select(h => h.Year).Order().ToList();
        var rows = History.ToDictionary(h => h.Year, h => h.Row);
        double? Number(decimal? value) => value is { } v ? (double)Math.Round(v, 3) : null;
        BenchmarkComparison? At(int year) => YearComparisons.GetValueOrDefault(year);
        var series = new[]
        {
            new { label = Measure.Title, kind = "value", data = years.Select(y => Number(rows[y].Value?.Value)).ToList() },
            new { label = "Target", kind = "target", data = years.Select(y => Number(rows[y].Target?.Value)).ToList() },
            // England's figure for a count is the whole country's total: in the table, not on the council's scale.
            new { label = "England", kind = "england", data = years.Select(y => Measure.Unit == MeasureUnit.Count ? null : Number(At(y)?.England?.Value.Number)).ToList() },
            new { label = "Statistical neighbours' average", kind = "neighbours", data = years.Select(y => Number(At(y)?.Neighbours.Average)).ToList() },
        }.Where(s => s.data.Any(v => v is not null)).ToList();
        var lower = years.Select(y => Number(At(y)?.Position?.Boundaries.LowerQuartile)).ToList();
        var upper = years.Select(y => Number(At(y)?.Position?.Boundaries.UpperQuartile)).ToList();
        var band = lower.Any(v => v is not null) ? new { label = "Middle half of councils", lower, upper } : null;
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            unit = Lodestar.Web.Kpis.KpiDisplay.Unit(Measure.Unit),
            labels = years.Select(y => Period.ReportingYear(y).Describe()),
            series,
            band,
        });
        return (json, series.Count > 0);
    }

    public string Figure(BenchmarkValue? value) => value switch
    {
        null => "No row",
        { Number: { } n } => Figure(n),
        { } v => $"Suppressed ({v})",
    };

    public static string Words<T>(T? value)
        where T : struct, Enum => value is { } v ? Humanise(v.ToString()) : "";

    public static string Humanise(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
