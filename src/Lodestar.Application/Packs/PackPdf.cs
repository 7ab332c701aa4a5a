using System.Globalization;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Performance;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.WPFonts;

namespace Lodestar.Application.Packs;

/// <summary>
/// A pack as a PDF, drawn with PDFsharp (docs/architecture.md says why not a browser printing the page):
/// A4 portrait, the cover and summary first, then each outcome's measures as blocks (value, target, RAG as a
/// word beside its colour, trend, England and neighbours, commentary), the action plan and the savings;
/// "page n of N" at the foot. The font is PDFsharp's own Segoe WP, so no fonts are needed on the machine.
/// Text is WinAnsi-encoded, so any PDF reader (and the tests) can take the words back out.
/// </summary>
public static partial class PackPdf
{
    private static readonly Lock FontLock = new();

    public static void Write(Stream output, BoardPack pack)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(pack);
        UseBundledFonts();
        using var document = new PdfDocument();
        document.Info.Title = Clean(pack.Title);
        document.Info.Author = "Lodestar";
        document.Info.Subject = pack.IsPublic ? "Board pack, public version" : "Board pack";
        document.Language = "en-GB";
        var page = new Pages(document);

        page.Text(pack.IsPublic ? "Board pack: public version" : "Board pack", Pages.Small, XBrushes.DimGray);
        page.Text(pack.Title, Pages.Title, bold: true);
        page.Gap(6);
        page.Text($"Framework: {pack.FrameworkTitle}");
        if (pack.Audience is { Length: > 0 } audience)
        {
            page.Text($"For: {audience}");
        }

        page.Text($"Council: {pack.Council.Name} ({pack.Council.Code})");
        page.Text($"Period: {pack.Period.Describe()}");
        page.Text($"Built: {pack.BuiltAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
        page.Text($"Sign-off: {pack.SignOff}");
        if (pack.IsPublic)
        {
            page.Text($"Small numbers: figures about fewer than 5 children are shown as {SmallNumbers.Marker} ({pack.Suppressed} in this pack).");
        }

        page.Heading("RAG summary");
        foreach (var status in PackHtml.RagOrder)
        {
            page.RagLine(status, $"{status}: {pack.Counts.GetValueOrDefault(status)} measures");
        }

        page.Heading("Exceptions");
        if (pack.Exceptions.Count == 0)
        {
            page.Text("No measure is red or worse than a year earlier.");
        }

        foreach (var m in pack.Exceptions)
        {
            page.RagLine(m.Rag, $"{m.Label}: {m.Exception}", bold: true);
            page.Text($"Value {Or(m.Value)}; target {Or(m.Target)}; RAG {m.Rag}.", indent: Pages.Indent);
        }

        page.Heading("Measures by outcome");
        foreach (var section in pack.Sections)
        {
            page.Subheading(section.Title, section.Depth);
            foreach (var m in section.Measures)
            {
                page.KeepTogether(4);
                page.RagLine(m.Rag, m.Label, bold: true);
                page.Text($"Value {Or(m.Value)}; target {Or(m.Target)}; RAG {m.Rag}.", indent: Pages.Indent);
                var trend = PackHtml.Trend(m);
                var england = PackHtml.Benchmark(m, "England");
                var neighbours = PackHtml.Benchmark(m, "Statistical neighbours");
                var parts = new[] { trend.Length > 0 ? $"Trend: {trend}" : "", england.Length > 0 ? $"England {england}" : "", neighbours.Length > 0 ? $"neighbours {neighbours}" : "" }
                    .Where(p => p.Length > 0).ToList();
                if (parts.Count > 0)
                {
                    page.Text(string.Join("; ", parts) + ".", indent: Pages.Indent);
                }

                Trend(page, m);
                page.Text($"Commentary: {m.Commentary}", indent: Pages.Indent, brush: XBrushes.DimGray);
                if (m.ChangedSinceApproval is { } changed)
                {
                    page.Text(changed, indent: Pages.Indent);
                }

                page.Gap(4);
            }
        }

        if (pack.Actions is { } actions)
        {
            page.Heading("Action plan");
            page.Text($"{actions.Title}: {PackHtml.ActionWord(actions.Rag)} as at {actions.AsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
            page.Text("Deliverables: " + string.Join(", ", ActionPlanStatus.CountedRags.Select(r => $"{PackHtml.ActionWord(r)} {actions.DeliverablesByRag.GetValueOrDefault(r)}")) + ".");
            foreach (var (number, title, rag) in actions.Outcomes)
            {
                page.Text($"{number} {title}: {PackHtml.ActionWord(rag)}", indent: Pages.Indent);
            }

            page.Subheading("Overdue deliverables", 0);
            if (actions.Overdue.Count == 0)
            {
                page.Text("None.");
            }

            foreach (var o in actions.Overdue)
            {
                var leads = o.Leads.Length > 0 ? $"; leads {o.Leads}" : "";
                page.Text($"{o.Number} {o.Text}: due {o.EndDate:yyyy-MM-dd}, {o.DaysOverdue} days overdue{leads}; {PackHtml.ActionWord(o.Rag)}.");
            }
        }

        if (pack.Savings is { } savings)
        {
            page.Heading("Savings");
            page.Text($"{savings.Title}, {savings.Year}. {savings.Basis} Savings are negative, in £ thousands.");
            page.Columns(["Line", "Plan", "Delivered", "Forecast"], bold: true);
            foreach (var line in savings.Lines.Append(savings.Total))
            {
                page.Columns([line.Line, PackHtml.Money(line.PlanK), PackHtml.Money(line.DeliveredK), PackHtml.Money(line.ForecastK)], bold: line == savings.Total);
            }
        }

        page.Finish(Clean(pack.Title));
        document.Save(output, false);
    }

    // PDFsharp asks for fonts through one resolver per process, set before the first font is used.
    private static void UseBundledFonts()
    {
        lock (FontLock)
        {
            GlobalFontSettings.FontResolver ??= new BundledFonts();
        }
    }

    private static string Or(string text) => text.Length == 0 ? "none" : text;

    /// <summary>The text as Windows-1252 can carry it: the few symbols the pack may hold outside it, spelled in ASCII.</summary>
    internal static string Clean(string text) => text
        .Replace('\u2212', '-').Replace('\u2264', '<').Replace('\u2265', '>')
        .Replace("\u2192", "->", StringComparison.Ordinal).Replace('\u00A0', ' ');

    /// <summary>Segoe WP, regular and bold, from PDFsharp's own font package.</summary>
    private sealed class BundledFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "SegoeWP-Bold" : "SegoeWP");

        public byte[] GetFont(string faceName) => faceName == "SegoeWP-Bold" ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
    }

    /// <summary>The pages being written: a cursor down the page that starts a new page when the next line does not fit.</summary>
    private sealed class Pages
    {
        public const double Small = 9;
        public const double Body = 10;
        public const double Title = 18;
        public const double Indent = 14;
        private const double Margin = 42;
        private const double Foot = 30;

        private static readonly XPdfFontOptions Ansi = new(PdfFontEncoding.WinAnsi);
        private readonly PdfDocument _document;
        private XGraphics _graphics = null!;
        private PdfPage _page = null!;
        private double _y;

        public Pages(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        private double Width => _page.Width.Point - (2 * Margin);

        private double Bottom => _page.Height.Point - Margin - Foot;

        public static XFont Font(double size, bool bold = false) => new("Segoe WP", size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Ansi);

        public void Text(string text, double size = Body, XBrush? brush = null, bool bold = false, double indent = 0)
        {
            var font = Font(size, bold);
            var height = font.GetHeight() * 1.15;
            foreach (var line in Wrap(Clean(text), font, Width - indent))
            {
                Room(height);
                _graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin + indent, _y, Width - indent, height), XStringFormats.TopLeft);
                _y += height;
            }
        }

        public void Heading(string text)
        {
            Gap(10);
            KeepTogether(4);
            Text(text, 14, bold: true);
            Gap(4);
        }

        public void Subheading(string text, int depth)
        {
            Gap(6);
            KeepTogether(4);
            Text(text, depth == 0 ? 12 : 11, bold: true, indent: depth * Indent / 2);
            Gap(2);
        }

        /// <summary>A line led by a small square of the RAG colour; the word is in the text, so colour is never alone.</summary>
        public void RagLine(RagStatus status, string text, bool bold = false)
        {
            Room(Font(Body).GetHeight() * 1.15);
            _graphics.DrawRectangle(status switch
            {
                RagStatus.Red => new XSolidBrush(XColor.FromArgb(212, 53, 28)),
                RagStatus.Amber => new XSolidBrush(XColor.FromArgb(255, 191, 71)),
                RagStatus.Green => new XSolidBrush(XColor.FromArgb(0, 112, 60)),
                _ => new XSolidBrush(XColor.FromArgb(177, 180, 182)),
            }, Margin, _y + 2, 8, 8);
            Text(text, bold: bold, indent: Indent);
        }

        public void Columns(IReadOnlyList<string> cells, bool bold)
        {
            var font = Font(Body, bold);
            var height = font.GetHeight() * 1.2;
            Room(height);
            var first = Width * 0.55;
            var rest = (Width - first) / (cells.Count - 1);
            for (var i = 0; i < cells.Count; i++)
            {
                var x = i == 0 ? Margin : Margin + first + ((i - 1) * rest);
                var box = new XRect(x, _y, i == 0 ? first : rest - 4, height);
                _graphics.DrawString(Fit(_graphics, Clean(cells[i]), font, box.Width), font, XBrushes.Black, box, i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
            }

            _y += height;
        }

        public void Gap(double points) => _y += points;

        /// <summary>Draws a figure this tall at the cursor (on a new page when it does not fit), given the graphics, its left and its top.</summary>
        public void Figure(double height, Action<XGraphics, double, double> draw)
        {
            Room(height);
            draw(_graphics, Margin, _y);
            _y += height;
        }

        /// <summary>Starts a new page unless this many body lines fit on this one.</summary>
        public void KeepTogether(int lines) => Room(Font(Body).GetHeight() * 1.15 * lines);

        /// <summary>Writes "title — page n of N" at the foot of every page.</summary>
        public void Finish(string title)
        {
            _graphics.Dispose();
            var font = Font(8);
            for (var i = 0; i < _document.PageCount; i++)
            {
                var page = _document.Pages[i];
                using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var text = Fit(graphics, $"{title} - page {i + 1} of {_document.PageCount}", font, page.Width.Point - (2 * Margin));
                graphics.DrawString(text, font, XBrushes.DimGray, new XRect(Margin, page.Height.Point - Margin - 10, page.Width.Point - (2 * Margin), 10), XStringFormats.TopLeft);
            }
        }

        private void Room(double height)
        {
            if (_y + height > Bottom)
            {
                _graphics.Dispose();
                NewPage();
            }
        }

        private void NewPage()
        {
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (line.Length > 0 && _graphics.MeasureString(candidate, font).Width > width)
                    {
                        yield return line;
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                yield return line;
            }
        }

        private static string Fit(XGraphics graphics, string text, XFont font, double width)
        {
            if (graphics.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            while (text.Length > 1 && graphics.MeasureString(text + "...", font).Width > width)
            {
                text = text[..^1];
            }

            return text + "...";
        }
    }
}
