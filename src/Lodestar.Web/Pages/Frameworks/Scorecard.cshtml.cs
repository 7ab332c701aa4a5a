using Lodestar.Application.Scorecards;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Web.Frameworks;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Frameworks;

internal sealed class ScorecardModel(ScorecardService service, CouncilAccess access, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Show small numbers as "c", as outside the council (SmallNumberOptions); staff see real values by default.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Suppress { get; set; }

    /// <summary>The smallest number shown when suppressing.</summary>
    public int Threshold => SmallNumberOptions.Rule(configuration).Threshold;

    public Scorecard? Scorecard { get; private set; }

    public Framework? Framework { get; private set; }

    public Council? ChosenCouncil { get; private set; }

    public int ChosenYear { get; private set; }

    public IReadOnlyList<Council> Councils { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Measures by where their value comes from.</summary>
    public IReadOnlyList<Measure> Computed { get; private set; } = [];

    public IReadOnlyList<Measure> Entered { get; private set; } = [];

    public IReadOnlyList<Measure> Formulas { get; private set; } = [];

    public int WithValue { get; private set; }

    /// <summary>
    /// The key under which the page's summary and table are kept rendered (the <c>cache</c> tag helper): which built
    /// scorecard they show. <see cref="ScorecardService"/> hands out the same scorecard object until the data under it
    /// changes, when it builds a new one, so the rendered HTML is reused exactly as long as the scorecard is; nothing
    /// in that part of the page depends on who is signed in. (Small numbers marked or withheld are a scorecard of their
    /// own, kept per built scorecard too: <see cref="SmallNumberOptions"/>.)
    /// </summary>
    public string FragmentKey => RenderedScorecards.Key(Scorecard!);

    public string Query => $"council={Uri.EscapeDataString(ChosenCouncil?.Code ?? "")}&year={ChosenYear}" + (Suppress ? "&suppress=true" : "");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Framework = await service.FrameworkAsync(Id, cancellationToken);
        if (Framework is null)
        {
            return NotFound();
        }

        var allowed = await access.AllowedAsync(cancellationToken);
        Councils = await service.CouncilsAsync(allowed, cancellationToken);
        ChosenCouncil = Council is null ? await service.DefaultCouncilAsync(allowed, cancellationToken) : await service.CouncilAsync(Council, cancellationToken);
        if (ChosenCouncil is null || !allowed.Contains(ChosenCouncil.Code))
        {
            return NotFound();
        }

        Years = service.Years();
        ChosenYear = Year is { } asked && Period.IsYear(asked) ? asked : await service.DefaultYearAsync(ChosenCouncil.Code, cancellationToken);
        if (!Years.Contains(ChosenYear))
        {
            Years = [.. Years.Append(ChosenYear).OrderDescending()];
        }

        Scorecard = SmallNumberOptions.Apply(
            (await service.ScorecardAsync(Id, ChosenCouncil.Code, Period.ReportingYear(ChosenYear), cancellationToken))!, Suppress, configuration);
        var measures = Scorecard!.Rows.Select(r => r.Measure).DistinctBy(m => m.Id).ToList();
        Computed = measures.Where(m => m.Source.Kind == MeasureSourceKind.Kpi).ToList();
        Entered = measures.Where(m => m.Source.Kind == MeasureSourceKind.Values).ToList();
        Formulas = measures.Where(m => m.Source.Kind == MeasureSourceKind.Formula).ToList();
        WithValue = Scorecard.Rows.Where(r => r.Value is not null).Select(r => r.Measure.Id).Distinct().Count();
        return Page();
    }

    public static string TagClass(RagStatus status) => status switch
    {
        RagStatus.Green => "govuk-tag--green",
        RagStatus.Amber => "govuk-tag--yellow",
        RagStatus.Red => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>A RAG status in words beside its colour: "Grey" is a measure with no rating.</summary>
    public static string RagWords(RagStatus status) => status switch
    {
        RagStatus.Green => "Green",
        RagStatus.Amber => "Amber",
        RagStatus.Red => "Red",
        _ => "No rating",
    };

    /// <summary>
    /// A framework node's kind in words: the framework file's free-text kinds are snake_case codes
    /// ("strategic_outcome"), shown as "Strategic outcome"; the JSON and XLSX keep the code.
    /// </summary>
    public static string NodeKind(string kind)
    {
        var words = kind.Replace('_', ' ').Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>GOV.UK's padding classes go up to 9: three steps per level of depth.</summary>
    public static string Indent(int depth) => $"govuk-!-padding-left-{Math.Min(depth * 3, 9)}";

    /// <summary>A row's value: "c" when withheld, else <see cref="Figure"/>.</summary>
    public static string ValueFigure(ScorecardRow row) =>
        row.Withheld.HasFlag(SmallFigures.Value) ? SmallNumbers.Marker : Figure(row.Value?.Value, row.Measure);

    public static string Figure(decimal? value, Measure measure) =>
        value is { } v ? ValueFormat.Value(v, measure.Unit, measure.DecimalPlaces) : "No data";

    /// <summary>"England: 11.2%", "Statistical neighbours: 10.4% (9 of 10)", "Quartile: B (rank 40 of 151)", "Region: No data".</summary>
    public static string BenchmarkText(BenchmarkFigure figure, Measure measure) => (figure.Value, figure.Note) switch
    {
        ({ } v, null) => $"{figure.Label}: {Figure(v, measure)}",
        ({ } v, { } note) => $"{figure.Label}: {Figure(v, measure)} ({note})",
        (null, { } note) when figure.Label == "Quartile" => $"{figure.Label}: {note}",
        (null, { } note) => $"{figure.Label}: No data ({note})",
        _ => $"{figure.Label}: No data",
    };
}

/// <summary>A number for each built scorecard object, never reused: the key of its rendered HTML.</summary>
internal static class RenderedScorecards
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Scorecard, string> Keys = [];
    private static long _next;

    public static string Key(Scorecard scorecard) =>
        Keys.GetValue(scorecard, _ => "scorecard-" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
