using PdfSharp.Drawing;

namespace Lodestar.Application.Packs;

// The trend chart under each measure (issue 16), drawn with XGraphics from the same layout as the HTML's SVG
// (PackChart): the value as a blue line with its figure at each point, the target as black dashes labelled
// at its last year, the years along the foot. The labels are text, so a reader (and the tests) can take the
// figures back out.
public static partial class PackPdf
{
    private const double ChartHeight = 74;

    private static void Trend(Pages page, PackMeasure m)
    {
        if (m.History.Count == 0)
        {
            return;
        }

        page.Figure(ChartHeight, (graphics, margin, top) =>
        {
            var left = margin + Pages.Indent;
            var points = PackChart.Layout(m.History, left + 30, top + 14, 190, 36);
            var font = Pages.Font(7);
            var black = XBrushes.Black;
            graphics.DrawString(Clean($"Trend: {m.Label}"), Pages.Font(8, bold: true), black, new XRect(left, top, 400, 10), XStringFormats.TopLeft);
            if (points is null)
            {
                graphics.DrawString("No figures to chart.", font, black, new XRect(left, top + 14, 300, 10), XStringFormats.TopLeft);
                return;
            }

            var axis = top + 56;
            graphics.DrawLine(new XPen(XColors.Gray, 0.5), left + 20, axis, left + 230, axis);
            var blue = XColor.FromArgb(29, 112, 184);
            Lines(graphics, points, p => p.HasTarget, p => p.TargetY, new XPen(XColors.Black, 1) { DashStyle = XDashStyle.Dash });
            Lines(graphics, points, p => p.HasValue, p => p.ValueY, new XPen(blue, 1.5));
            foreach (var p in points)
            {
                graphics.DrawString(p.Point.Period, font, black, new XRect(p.X - 25, axis + 3, 50, 9), XStringFormats.TopCenter);
                if (p.HasValue)
                {
                    graphics.DrawEllipse(new XSolidBrush(blue), p.X - 2, p.ValueY - 2, 4, 4);
                    graphics.DrawString(Clean(p.Point.Value), font, black, new XRect(p.X - 25, p.ValueY - 11, 50, 9), XStringFormats.TopCenter);
                }
            }

            if (points.LastOrDefault(p => p.HasTarget) is { } target)
            {
                graphics.DrawString(Clean($"Target {target.Point.Target}"), font, black, new XRect(target.X + 6, target.TargetY - 4, 120, 9), XStringFormats.TopLeft);
            }
        });
    }

    private static void Lines(XGraphics graphics, IReadOnlyList<ChartPoint> points, Func<ChartPoint, bool> has, Func<ChartPoint, double> y, XPen pen)
    {
        var run = new List<XPoint>();
        foreach (var p in points.Append(null))
        {
            if (p is not null && has(p))
            {
                run.Add(new XPoint(p.X, y(p)));
                continue;
            }

            if (run.Count > 1)
            {
                graphics.DrawLines(pen, [.. run]);
            }

            run.Clear();
        }
    }
}
