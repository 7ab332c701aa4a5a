using System.Globalization;
using System.Text;

namespace Lodestar.Application.Packs;

// The trend charts (issue 16): each measure's values and targets over the recent years as an inline SVG (no
// script, no style attributes: the CSP allows neither), with the figures in a table beside it as its text
// alternative, so the chart is never the only way to read them. Colours: GOV.UK blue for the value (5.2:1 on
// white), black dashes for the target; every point carries its figure as text.
public static partial class PackHtml
{
    private const int ChartWidth = 320;
    private const int ChartHeight = 110;

    private static void Trends(StringBuilder html, IReadOnlyList<PackMeasure> measures)
    {
        foreach (var m in measures.Where(m => m.History.Count > 0))
        {
            html.Append("<figure class=\"lodestar-pack-trend\">\n<figcaption class=\"govuk-body-s\">").Append(E($"Trend: {m.Label}")).Append("</figcaption>\n");
            html.Append(Svg(m));
            TrendTable(html, m);
            html.Append("</figure>\n");
        }
    }

    /// <summary>The measure's trend as an SVG image, or "" when there is nothing to draw (no values or targets, or all suppressed).</summary>
    public static string Svg(PackMeasure m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var points = PackChart.Layout(m.History, 34, 18, 200, 60);
        if (points is null)
        {
            return "<p class=\"govuk-body-s\">No figures to chart.</p>\n";
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"lodestar-pack-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {ChartWidth} {ChartHeight}\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" role=\"img\" aria-label=\"")
            .Append(E($"Chart of the trend of {m.Label}; its figures are in the table beside it.")).Append("\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"10\">\n");
        svg.Append("<line x1=\"24\" y1=\"84\" x2=\"244\" y2=\"84\" stroke=\"#505a5f\" stroke-width=\"1\"/>\n");
        Lines(svg, points, p => p.HasTarget, p => p.TargetY, "stroke=\"#0b0c0c\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"");
        Lines(svg, points, p => p.HasValue, p => p.ValueY, "stroke=\"#1d70b8\" stroke-width=\"2\"");
        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(p.X)}\" y=\"100\" text-anchor=\"middle\" fill=\"#0b0c0c\">{E(p.Point.Period)}</text>\n");
            if (p.HasValue)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(p.X)}\" cy=\"{N(p.ValueY)}\" r=\"3\" fill=\"#1d70b8\"/>\n");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(p.X)}\" y=\"{N(p.ValueY - 6)}\" text-anchor=\"middle\" fill=\"#0b0c0c\">{E(p.Point.Value)}</text>\n");
            }
        }

        if (points.LastOrDefault(p => p.HasTarget) is { } target)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(target.X + 8)}\" y=\"{N(target.TargetY + 3)}\" fill=\"#0b0c0c\">{E($"Target {target.Point.Target}")}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    // One polyline per run of years that have the figure, so a missing year leaves a gap rather than a guess.
    private static void Lines(StringBuilder svg, IReadOnlyList<ChartPoint> points, Func<ChartPoint, bool> has, Func<ChartPoint, double> y, string stroke)
    {
        var run = new List<ChartPoint>();
        foreach (var p in points.Append(null))
        {
            if (p is not null && has(p))
            {
                run.Add(p);
                continue;
            }

            if (run.Count > 1)
            {
                svg.Append("<polyline fill=\"none\" ").Append(stroke).Append(" points=\"")
                    .AppendJoin(' ', run.Select(r => $"{N(r.X)},{N(y(r))}")).Append("\"/>\n");
            }

            run.Clear();
        }
    }

    private static void TrendTable(StringBuilder html, PackMeasure m)
    {
        html.Append("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-visually-hidden\">").Append(E($"Trend of {m.Label}")).Append("</caption>\n");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Year</th>");
        foreach (var p in m.History)
        {
            html.Append("<th scope=\"col\" class=\"govuk-table__header\">").Append(E(p.Period)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        TrendRow(html, "Value", m.History.Select(p => p.Value));
        if (m.History.Any(p => p.Target.Length > 0))
        {
            TrendRow(html, "Target", m.History.Select(p => p.Target));
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void TrendRow(StringBuilder html, string header, IEnumerable<string> cells)
    {
        html.Append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").Append(header).Append("</th>");
        foreach (var cell in cells)
        {
            Cell(html, cell.Length > 0 ? cell : "none");
        }

        html.Append("</tr>\n");
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
