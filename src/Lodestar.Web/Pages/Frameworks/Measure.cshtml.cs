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
        ChosenYear = Year is >= 1901 and <= 9998 ? Year.Value : await service.DefaultYearAsync(council.Code, cancellationToken);
        History = await service.HistoryAsync(framework, measure, council, [.. Enumerable.Range(0, HistoryYears).Select(i => ChosenYear - i)], cancellationToken);
        EnteredValues = (await service.Frameworks.ValuesAsync(council.Code, [measure.Id], cancellationToken)).OrderByDescending(v => v.Period.End).ToList();
        Comparison = await service.CompareAsync(measure, council, ChosenYear, cancellationToken);
        CanEdit = (await authorization.AuthorizeAsync(User, SecurityServices.EditorPolicy)).Succeeded;
        Saved = Request.Query["saved"].FirstOrDefault();
        return true;
    }

    public string Figure(decimal? value) => ScorecardModel.Figure(value, Measure);

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
