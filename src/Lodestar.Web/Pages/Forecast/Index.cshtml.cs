using System.Globalization;
using System.Text.Json;
using Lodestar.Application.Forecast;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Security;
using Lodestar.Domain.Councils;
using Lodestar.Metrics.Forecast;
using Lodestar.Web.Pages.Data;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Forecast;

/// <summary>
/// <c>/councils/{code}/forecast</c>: the looked-after children forecast (docs/forecast.md) — a fan chart of
/// the history, the median and the 80 % and 95 % intervals, the action plans' targets and the saved
/// scenarios, the table behind it, the 52-week placement equivalents, the backtest; editors save and
/// delete scenarios.
/// </summary>
internal sealed class IndexModel(StatutoryDataStore store, CouncilAccess access, ForecastScenarios scenarios, LodestarDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "as_at")]
    public string? AsAtText { get; set; }

    [BindProperty(SupportsGet = true, Name = "months")]
    public int Months { get; set; } = 24;

    [BindProperty]
    public ScenarioForm Form { get; set; } = new();

    public Council Council { get; private set; } = null!;

    public LacForecastResult? Forecast { get; private set; }

    public IReadOnlyList<SavedScenario> Saved { get; private set; } = [];

    public IReadOnlyList<LacTargetView> Targets { get; private set; } = [];

    /// <summary>Workstreams a scenario can be linked to: value "plan|number", text.</summary>
    public IReadOnlyList<(string Value, string Text)> Workstreams { get; private set; } = [];

    public string? Problem { get; private set; }

    public string ChartJson { get; private set; } = "{}";

    /// <summary>
    /// What a saved scenario changes against the baseline, so a linked workstream's plan shows what it must
    /// achieve: children looked after at the last month end, and 52-week placements over the forecast months.
    /// </summary>
    public (double Children, double Placements)? EffectOf(string name) =>
        Forecast is not null && ScenarioEffect.Of(Forecast, name) is { } effect ? (effect.Children, effect.Placements) : null;

    public bool CanEdit => User.IsInRole(Roles.Editor);

    public DateOnly AsAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await DataPages.CouncilAsync(access, code, cancellationToken) is not { } council)
        {
            return NotFound();
        }

        Council = council;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken cancellationToken)
    {
        if (await DataPages.CouncilAsync(access, code, cancellationToken) is not { } council || !CanEdit)
        {
            return NotFound();
        }

        Council = council;
        ForecastScenario? scenario = null;
        if (string.IsNullOrWhiteSpace(Form.Name) || Form.Name.Trim().Length > 100)
        {
            ModelState.AddModelError("Form.Name", "Enter a name of up to 100 characters");
        }

        if (!DateOnly.TryParseExact(Form.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            ModelState.AddModelError("Form.From", "Enter the first month as a date yyyy-mm-dd, e.g. 2025-06-01");
        }

        var factors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, text) in new[]
        {
            ("EntryFactor", Form.EntryFactor), ("EntryUnder1", Form.EntryUnder1), ("Entry1To4", Form.Entry1To4), ("Entry5To9", Form.Entry5To9),
            ("Entry10To15", Form.Entry10To15), ("Entry16To17", Form.Entry16To17),
            ("ResidentialToFosterFactor", Form.ResidentialToFosterFactor), ("ExitFactor", Form.ExitFactor),
        })
        {
            // A blank factor is 1: unchanged.
            if (string.IsNullOrWhiteSpace(text))
            {
                factors[key] = 1;
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor is >= 0 and <= 10)
            {
                factors[key] = factor;
            }
            else
            {
                ModelState.AddModelError("Form." + key, "Enter a factor from 0 to 10 (1 = unchanged)");
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            scenario = new ForecastScenario(Form.Name!.Trim(), from, factors["EntryFactor"],
                [factors["EntryUnder1"], factors["Entry1To4"], factors["Entry5To9"], factors["Entry10To15"], factors["Entry16To17"]],
                factors["ResidentialToFosterFactor"], factors["ExitFactor"]);
            var link = Form.Workstream?.Split('|') is [var plan, var number] ? new WorkstreamLink(plan, number) : null;
            var saved = await scenarios.SaveAsync(User.Identity?.Name ?? "unknown", council.Code, scenario, link, cancellationToken);
            if (saved.Succeeded)
            {
                return Redirect(Address(council.Code, AsAtText, Months));
            }

            ModelState.AddModelError("Form.Workstream", saved.Errors.First().Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, string name, CancellationToken cancellationToken)
    {
        if (await DataPages.CouncilAsync(access, code, cancellationToken) is not { } council || !CanEdit)
        {
            return NotFound();
        }

        await scenarios.DeleteAsync(User.Identity?.Name ?? "unknown", council.Code, name, cancellationToken);
        return Redirect(Address(council.Code, AsAtText, Months));
    }

    /// <summary>The page's address with its query.</summary>
    public static string Address(string council, string? asAt = null, int? months = null) =>
        $"/councils/{council}/forecast" + (asAt is null ? "" : $"?as_at={Uri.EscapeDataString(asAt)}&months={months ?? 24}");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Saved = await scenarios.ListAsync(Council.Code, cancellationToken);
        var plans = await ActionsStore.PlanCouncilsAsync(db, cancellationToken);
        var workstreams = new List<(string, string)>();
        foreach (var planId in plans.Where(p => p.Value == Council.Code).Select(p => p.Key))
        {
            var plan = await ActionsStore.LoadPlanAsync(db, planId, cancellationToken);
            workstreams.AddRange(plan?.AllWorkstreams.Select(w => ($"{planId}|{w.Number}", $"{w.Number} {w.Title} ({plan.Title})")) ?? []);
        }

        Workstreams = workstreams;
        if (LacForecast.DataEnd(store, Council.Code) is not { } end)
        {
            Problem = "No SSDA903 returns are confirmed for this council: there is no history to forecast from.";
            return;
        }

        AsAt = end;
        if (!string.IsNullOrWhiteSpace(AsAtText))
        {
            if (!DateOnly.TryParseExact(AsAtText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked))
            {
                Problem = $"'{AsAtText}' is not a date yyyy-mm-dd: showing the forecast as at {end:yyyy-MM-dd}.";
            }
            else
            {
                AsAt = asked;
            }
        }

        Months = Math.Clamp(Months, 1, ForecastOptions.MaxMonths);
        var result = LacForecast.Compute(store, Council.Code, AsAt, Months, [.. Saved.Select(s => s.Scenario)], backtest: true);
        if (!result.Succeeded)
        {
            Problem = string.Join("; ", result.Errors.Select(p => p.Message));
            return;
        }

        Forecast = result.Value;
        Targets = await ForecastTargets.ForCouncilAsync(db, Forecast, cancellationToken);
        ChartJson = Chart(Forecast, Targets);
    }

    private static string Chart(LacForecastResult forecast, IReadOnlyList<LacTargetView> targets)
    {
        var history = forecast.History;
        var totals = forecast.Baseline.Points.Where(p => p.Category == ForecastResult.All).ToList();
        var labels = history.Select(h => h.Month).Concat(totals.Select(p => p.Month)).ToList();
        double?[] Series(Func<int, double?> value) => [.. labels.Select((_, i) => value(i))];
        var offset = history.Count;
        double? Band(int i, Func<ForecastInterval, double> pick) =>
            i == offset - 1 ? history[^1].Total : i >= offset ? pick(totals[i - offset].Value) : null;
        var scenarioSeries = forecast.Scenarios.Select(s =>
        {
            var points = s.Points.Where(p => p.Category == ForecastResult.All).ToList();
            return new { label = s.Scenario, data = Series(i => i == offset - 1 ? history[^1].Total : i >= offset ? points[i - offset].Value.Median : null) };
        });
        return JsonSerializer.Serialize(new
        {
            labels = labels.Select(m => m.ToString("MMM yyyy", CultureInfo.InvariantCulture)),
            history = Series(i => i < offset ? history[i].Total : null),
            median = Series(i => Band(i, v => v.Median)),
            lower80 = Series(i => Band(i, v => v.Lower80)),
            upper80 = Series(i => Band(i, v => v.Upper80)),
            lower95 = Series(i => Band(i, v => v.Lower95)),
            upper95 = Series(i => Band(i, v => v.Upper95)),
            scenarios = scenarioSeries,
            targets = Series(i => targets.FirstOrDefault(t => t.Month == labels[i]) is { } t ? (double)t.Target : null),
        });
    }

    /// <summary>The scenario form's fields.</summary>
    internal sealed class ScenarioForm
    {
        public string? Name { get; set; }

        public string? From { get; set; }

        public string? EntryFactor { get; set; } = "1";

        public string? EntryUnder1 { get; set; } = "1";

        public string? Entry1To4 { get; set; } = "1";

        public string? Entry5To9 { get; set; } = "1";

        public string? Entry10To15 { get; set; } = "1";

        public string? Entry16To17 { get; set; } = "1";

        public string? ResidentialToFosterFactor { get; set; } = "1";

        public string? ExitFactor { get; set; } = "1";

        public string? Workstream { get; set; }
    }
}
