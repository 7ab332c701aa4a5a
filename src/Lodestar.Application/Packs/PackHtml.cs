using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Performance;

namespace Lodestar.Application.Packs;

/// <summary>
/// A pack as HTML: <see cref="Body"/> is the pack's markup (GOV.UK Frontend classes, as the web app's pages
/// use), which the web page puts inside its layout; <see cref="Document"/> is a page of its own for
/// <c>lodestar pack --format html</c>, with a small stylesheet of its own for screen and print. Headings in
/// order, tables with captions and header cells, RAG as a word and not only a colour.
/// </summary>
public static partial class PackHtml
{
    /// <summary>The order the RAG counts are shown in.</summary>
    public static readonly IReadOnlyList<RagStatus> RagOrder = [RagStatus.Red, RagStatus.Amber, RagStatus.Green, RagStatus.Grey];

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>A whole page: the pack with its own stylesheet, to open in a browser or print.</summary>
    public static string Document(BoardPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(pack.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append(Body(pack));
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The pack's markup: cover, RAG summary, exceptions, a section per outcome, action plan, savings.</summary>
    public static string Body(BoardPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var html = new StringBuilder();
        html.Append("<article class=\"lodestar-pack\">\n<header class=\"lodestar-pack-cover\">\n");
        html.Append("<span class=\"govuk-caption-l\">").Append(pack.IsPublic ? "Board pack: public version" : "Board pack").Append("</span>\n");
        html.Append("<h1 class=\"govuk-heading-l\">").Append(E(pack.Title)).Append("</h1>\n<dl class=\"govuk-summary-list\">\n");
        Row(html, "Framework", pack.FrameworkTitle);
        if (pack.Audience is { Length: > 0 } audience)
        {
            Row(html, "For", audience);
        }

        Row(html, "Council", $"{pack.Council.Name} ({pack.Council.Code})");
        Row(html, "Period", pack.Period.Describe());
        Row(html, "Built", pack.BuiltAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (pack.SignOff.Length > 0)
        {
            Row(html, "Sign-off", pack.SignOff);
        }

        if (pack.IsPublic)
        {
            Row(html, "Small numbers", $"Figures about fewer than 5 children are shown as {SmallNumbers.Marker} ({pack.Suppressed} in this pack).");
        }

        html.Append("</dl>\n</header>\n");

        html.Append("<section aria-labelledby=\"pack-summary\">\n<h2 class=\"govuk-heading-m\" id=\"pack-summary\">RAG summary</h2>\n");
        html.Append("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--s\">Measures by RAG status</caption>\n");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Status</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Measures</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var status in RagOrder)
        {
            html.Append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").Append(Tag(status))
                .Append("</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">").Append(pack.Counts.GetValueOrDefault(status).ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");

        html.Append("<section aria-labelledby=\"pack-exceptions\">\n<h2 class=\"govuk-heading-m\" id=\"pack-exceptions\">Exceptions</h2>\n");
        if (pack.Exceptions.Count == 0)
        {
            html.Append("<p class=\"govuk-body\">No measure is red or worse than a year earlier.</p>\n");
        }
        else
        {
            html.Append("<p class=\"govuk-body\">Measures that are red, or worse than the period before.</p>\n");
            Table(html, "Exceptions", pack.Exceptions, withWhy: true, pack.IsPublic);
        }

        html.Append("</section>\n");

        html.Append("<section aria-labelledby=\"pack-outcomes\">\n<h2 class=\"govuk-heading-m\" id=\"pack-outcomes\">Measures by outcome</h2>\n");
        foreach (var section in pack.Sections)
        {
            var level = section.Depth == 0 ? 3 : 4;
            html.Append(CultureInfo.InvariantCulture, $"<h{level} class=\"govuk-heading-s\">").Append(E(section.Title)).Append(CultureInfo.InvariantCulture, $"</h{level}>\n");
            if (section.Measures.Count > 0)
            {
                Table(html, section.Title, section.Measures, withWhy: false, pack.IsPublic);
                Trends(html, section.Measures);
            }
        }

        html.Append("</section>\n");

        if (pack.Actions is { } actions)
        {
            html.Append("<section aria-labelledby=\"pack-actions\">\n<h2 class=\"govuk-heading-m\" id=\"pack-actions\">Action plan</h2>\n");
            html.Append("<p class=\"govuk-body\">").Append(E(actions.Title)).Append(": ").Append(ActionTag(actions.Rag))
                .Append(" as at ").Append(actions.AsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append(". Deliverables: ")
                .Append(E(string.Join(", ", ActionPlanStatus.CountedRags.Select(r => $"{ActionWord(r)} {actions.DeliverablesByRag.GetValueOrDefault(r)}")))).Append(".</p>\n");
            html.Append("<ul class=\"govuk-list\">\n");
            foreach (var (number, title, rag) in actions.Outcomes)
            {
                html.Append("<li>").Append(E($"{number} {title}")).Append(": ").Append(ActionTag(rag)).Append("</li>\n");
            }

            html.Append("</ul>\n<h3 class=\"govuk-heading-s\">Overdue deliverables</h3>\n");
            if (actions.Overdue.Count == 0)
            {
                html.Append("<p class=\"govuk-body\">None.</p>\n");
            }
            else
            {
                html.Append("<div class=\"lodestar-table-scroll\" role=\"region\" aria-label=\"Overdue deliverables\" tabindex=\"0\">\n<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--s\">Overdue deliverables</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
                foreach (var header in pack.IsPublic ? ["Deliverable", "Due", "Days overdue", "RAG"] : new[] { "Deliverable", "Leads", "Due", "Days overdue", "RAG" })
                {
                    html.Append("<th scope=\"col\" class=\"govuk-table__header\">").Append(header).Append("</th>");
                }

                html.Append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
                foreach (var o in actions.Overdue)
                {
                    html.Append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">").Append(E($"{o.Number} {o.Text}")).Append("</td>");
                    if (!pack.IsPublic)
                    {
                        Cell(html, o.Leads);
                    }

                    Cell(html, o.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    Cell(html, o.DaysOverdue.ToString(CultureInfo.InvariantCulture));
                    html.Append("<td class=\"govuk-table__cell\">").Append(ActionTag(o.Rag)).Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n</div>\n");
            }

            html.Append("</section>\n");
        }

        if (pack.Savings is { } savings)
        {
            html.Append("<section aria-labelledby=\"pack-savings\">\n<h2 class=\"govuk-heading-m\" id=\"pack-savings\">Savings</h2>\n");
            html.Append("<p class=\"govuk-body\">").Append(E($"{savings.Title}, {savings.Year}. {savings.Basis} Savings are negative, in £ thousands.")).Append("</p>\n");
            html.Append("<div class=\"lodestar-table-scroll\" role=\"region\" aria-label=\"Savings\" tabindex=\"0\">\n<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--s\">Savings position, £k</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
            foreach (var header in new[] { "Line", "Plan", "Delivered", "Forecast" })
            {
                html.Append("<th scope=\"col\" class=\"govuk-table__header\">").Append(header).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
            foreach (var line in savings.Lines.Append(savings.Total))
            {
                html.Append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").Append(E(line.Line)).Append("</th>");
                Cell(html, Money(line.PlanK));
                Cell(html, Money(line.DeliveredK));
                Cell(html, Money(line.ForecastK));
                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n</section>\n");
        }

        html.Append("</article>\n");
        return html.ToString();
    }

    /// <summary>"−1,234.5", or "" for none.</summary>
    public static string Money(decimal? k) => k is { } v ? v.ToString("#,##0.0", CultureInfo.InvariantCulture) : "";

    /// <summary>What a measure's trend reads: "Improving (was 13.1%)", or the earlier value alone.</summary>
    public static string Trend(PackMeasure m) =>
        m.Previous.Length == 0 ? "" : Direction.Describe(m.VersusPrevious) is { Length: > 0 } d ? $"{d} (was {m.Previous})" : $"Was {m.Previous}";

    /// <summary>A benchmark's shown value by label, or "".</summary>
    public static string Benchmark(PackMeasure m, string label) => m.Benchmarks.FirstOrDefault(b => b.Label == label)?.Value ?? "";

    public static string ActionWord(ActionRag rag) => rag == ActionRag.Blue ? "Complete" : rag.ToString();

    private static void Table(StringBuilder html, string caption, IEnumerable<PackMeasure> measures, bool withWhy, bool isPublic)
    {
        html.Append("<div class=\"lodestar-table-scroll\" role=\"region\" aria-label=\"").Append(E(caption)).Append("\" tabindex=\"0\">\n<table class=\"govuk-table lodestar-pack-table\">\n");
        html.Append("<caption class=\"govuk-table__caption govuk-table__caption--s\">").Append(E(caption)).Append("</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        var headers = withWhy
            ? new[] { "Measure", "Why", "Value", "Target", "RAG", "Commentary" }
            : ["Measure", "Value", "Target", "RAG", "Trend", "England", "Neighbours", "Commentary"];
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\" class=\"govuk-table__header\">").Append(header).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var m in measures)
        {
            html.Append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").Append(E(m.Label)).Append("</th>");
            if (withWhy)
            {
                Cell(html, m.Exception ?? "");
            }

            if (m.ChangedSinceApproval is { } changed)
            {
                // The approved figure stays; what the live data says now is beside it (docs/packs.md, sign-off).
                html.Append("<td class=\"govuk-table__cell\">").Append(E(m.Value)).Append("<br><span class=\"govuk-body-s\" data-testid=\"changed-since-approval\">")
                    .Append(E(changed)).Append("</span></td>");
            }
            else
            {
                Cell(html, m.Value);
            }

            Cell(html, m.Target);
            html.Append("<td class=\"govuk-table__cell\">").Append(Tag(m.Rag)).Append("</td>");
            if (!withWhy)
            {
                Cell(html, Trend(m));
                Cell(html, Benchmark(m, "England"));
                Cell(html, Benchmark(m, "Statistical neighbours"));
            }

            html.Append("<td class=\"govuk-table__cell\">").Append(E(m.Commentary));
            if (!isPublic)
            {
                // Who wrote what the board reads: a person, or the draft from the data.
                html.Append("<br><span class=\"govuk-body-s\">").Append(E(m.Written is { } w
                    ? $"{w.By}, {w.At.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
                    : "Draft written from the data")).Append("</span>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static string Tag(RagStatus status) => status switch
    {
        RagStatus.Red => "<strong class=\"govuk-tag govuk-tag--red\">Red</strong>",
        RagStatus.Amber => "<strong class=\"govuk-tag govuk-tag--yellow\">Amber</strong>",
        RagStatus.Green => "<strong class=\"govuk-tag govuk-tag--green\">Green</strong>",
        _ => "<strong class=\"govuk-tag govuk-tag--grey\">Grey</strong>",
    };

    private static string ActionTag(ActionRag rag) => rag switch
    {
        ActionRag.Red => "<strong class=\"govuk-tag govuk-tag--red\">Red</strong>",
        ActionRag.Amber => "<strong class=\"govuk-tag govuk-tag--yellow\">Amber</strong>",
        ActionRag.Green => "<strong class=\"govuk-tag govuk-tag--green\">Green</strong>",
        ActionRag.Blue => "<strong class=\"govuk-tag govuk-tag--blue\">Complete</strong>",
        _ => "<strong class=\"govuk-tag govuk-tag--grey\">Grey</strong>",
    };

    private static void Row(StringBuilder html, string key, string value) =>
        html.Append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Append(E(key))
            .Append("</dt><dd class=\"govuk-summary-list__value\">").Append(E(value)).Append("</dd></div>\n");

    private static void Cell(StringBuilder html, string text) =>
        html.Append("<td class=\"govuk-table__cell\">").Append(E(text)).Append("</td>");

    private static string E(string text) => Encoder.Encode(text);

    // The stand-alone page's stylesheet: readable on screen, and on paper one outcome's table kept together
    // where it fits; colours with a contrast of at least 4.5:1 against their background.
    private const string Css = """
        body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 2rem; line-height: 1.4; }
        .govuk-caption-l { color: #505a5f; font-size: 1.2rem; }
        .govuk-summary-list { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
        .govuk-summary-list__row { display: contents; }
        .govuk-summary-list__key { font-weight: bold; }
        .govuk-summary-list__value { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; font-size: 0.9rem; }
        caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
        th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 0.4rem 0.5rem 0.4rem 0; }
        .govuk-tag { display: inline-block; padding: 0 0.4rem; font-weight: bold; }
        .govuk-tag--red { background: #f4cdc6; color: #2a0b06; }
        .govuk-tag--yellow { background: #fff7bf; color: #594d00; }
        .govuk-tag--green { background: #cce2d8; color: #005a30; }
        .govuk-tag--grey { background: #e5e6e7; color: #0b0c0c; }
        .govuk-tag--blue { background: #bbd4ea; color: #0c2d4a; }
        .lodestar-pack-trend { display: inline-block; vertical-align: top; margin: 0 1.5rem 1.5rem 0; break-inside: avoid; }
        .govuk-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .lodestar-pack-trend table { width: auto; font-size: 0.8rem; }
        @media print { body { margin: 0; font-size: 10pt; } tr, .govuk-tag { break-inside: avoid; } h2, h3, h4 { break-after: avoid; } }

        """;
}
