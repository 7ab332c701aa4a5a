using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lodestar.Application.Packs;
using Lodestar.Domain.Performance;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Lodestar.Application.Tests.Packs;

public sealed class BoardPackTests(PackTestData data) : IClassFixture<PackTestData>
{
    [Fact]
    public void Build_ThreeMeasures_CountsRagAndListsRedAndWorseningAsExceptions()
    {
        var pack = data.Internal;

        Assert.Equal((1, 0, 1, 1), (pack.Counts[RagStatus.Red], pack.Counts[RagStatus.Amber], pack.Counts[RagStatus.Green], pack.Counts[RagStatus.Grey]));
        Assert.Equal(["Children are safe", "Children are settled"], pack.Sections.Select(s => s.Title));
        Assert.Equal([("complaints", "Red and worsening"), ("missing", "Worsening")], pack.Exceptions.Select(e => (e.Id, e.Exception!)));
        Assert.Equal($"Pack test framework: {pack.Council.Name}, 2024-25", pack.Title);
    }

    [Fact]
    public void Build_Internal_WritesCommentaryFromTheFiguresOnTheLine()
    {
        var byId = data.Internal.Measures.ToDictionary(m => m.Id);

        Assert.Equal(("12", "10", "9"), (byId["complaints"].Value, byId["complaints"].Target, byId["complaints"].Previous));
        Assert.Equal("12 against a target of 10: red. Worse than a year earlier (9).", byId["complaints"].Commentary);
        Assert.Equal("75% against a target of 70%: green. Better than a year earlier (50%).", byId["visits"].Draft);
        Assert.Equal(("Three of the four visits were on time.", "bob"), (byId["visits"].Commentary, byId["visits"].Written!.Value.By));
        Assert.Equal(byId["complaints"].Draft, byId["complaints"].Commentary);
        Assert.Null(byId["complaints"].Written);
        Assert.Equal("3, with no target set. Worse than a year earlier (0).", byId["missing"].Commentary);
    }

    [Fact]
    public void Build_Public_SuppressesSmallCountsAndPercentagesOfSmallDenominators()
    {
        var byId = data.Public.Measures.ToDictionary(m => m.Id);

        // visits 75% is 3 of 4 (denominator under 5); missing is a count of 3; complaints (12, 9) and missing's 0 are shown.
        Assert.Equal(("c", "50%"), (byId["visits"].Value, byId["visits"].Previous));
        Assert.Equal(("c", "0"), (byId["missing"].Value, byId["missing"].Previous));
        Assert.Equal(("12", "9"), (byId["complaints"].Value, byId["complaints"].Previous));
        // And missing's 2 in 2022-23, two years back, in its trend.
        Assert.Equal(3, data.Public.Suppressed);
        Assert.DoesNotContain("75", byId["visits"].Commentary + byId["visits"].RagReason, StringComparison.Ordinal);
        // The stored commentary on visits ("Three of the four …") would give the figure away: not printed.
        Assert.Equal("The figure is suppressed: it is about fewer children than the pack shows.", byId["visits"].Commentary);
        Assert.Null(byId["visits"].Amount);
    }

    [Fact]
    public void Pdf_ReadBack_HoldsMeasuresValuesRagWordsAndCommentary()
    {
        var text = PdfText(data.Internal);

        Assert.Contains("1.1 Complaints received", text, StringComparison.Ordinal);
        Assert.Contains("Value 12; target 10; RAG Red.", text, StringComparison.Ordinal);
        Assert.Contains("Value 75%; target 70%; RAG Green.", text, StringComparison.Ordinal);
        Assert.Contains("Commentary: 12 against a target of 10: red. Worse than a year earlier (9).", text, StringComparison.Ordinal);
        Assert.Contains("Red: 1 measures", text, StringComparison.Ordinal);
        Assert.Contains("Commentary: Three of the four visits were on time.", text, StringComparison.Ordinal);
        Assert.Contains("Children are settled", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_Public_HoldsNoSuppressedValue()
    {
        var text = PdfText(data.Public);

        Assert.Contains("Value c; target 70%; RAG Green.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("75%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Value 3;", text, StringComparison.Ordinal);
        Assert.Contains("shown as c (3 in this pack)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Document_HasOneH1TheTablesWithCaptionsAndRagAsWords()
    {
        var html = PackHtml.Document(data.Internal);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[ >]"));
        Assert.Contains("<caption class=\"govuk-table__caption govuk-table__caption--s\">Children are safe</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">1.2 Visits on time</th><td class=\"govuk-table__cell\">75%</td><td class=\"govuk-table__cell\">70%</td><td class=\"govuk-table__cell\"><strong class=\"govuk-tag govuk-tag--green\">Green</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">75%<", PackHtml.Document(data.Public), StringComparison.Ordinal);
        Assert.Contains("Three of the four visits were on time.<br><span class=\"govuk-body-s\">bob, 2 June 2025</span>", html, StringComparison.Ordinal);
        Assert.Contains("Worse than a year earlier (9).<br><span class=\"govuk-body-s\">Draft written from the data</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_Workbook_HasTheSheetsAndValuesAsNumbers()
    {
        using var stream = new MemoryStream();
        PackXlsx.Write(stream, data.Internal);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Summary", "Exceptions", "Measures", "Trends"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var measures = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Measures").Id!);
        // Row 3 is complaints (row 1 the header, row 2 the outcome): E is the value, F the target, G the RAG.
        var cells = measures.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(("12", "10", "Red"), (cells["E3"].CellValue!.Text, cells["F3"].CellValue!.Text, cells["G3"].InnerText));
    }

    // The text of every Tj and TJ operator of every page, one line per operator: the pack's text is WinAnsi, one byte a character.
    internal static string PdfText(BoardPack pack)
    {
        using var stream = new MemoryStream();
        PackPdf.Write(stream, pack);
        stream.Position = 0;
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var lines = new List<string>();
        foreach (var page in document.Pages)
        {
            Collect(ContentReader.ReadContent(page), lines);
        }

        return string.Join(" ", lines);
    }

    private static void Collect(CObject content, List<string> lines)
    {
        switch (content)
        {
            case COperator { OpCode.Name: "Tj" or "TJ" } op:
                lines.Add(string.Concat(op.Operands.SelectMany(Strings)));
                break;
            case CSequence sequence:
                foreach (var item in sequence)
                {
                    Collect(item, lines);
                }

                break;
        }
    }

    private static IEnumerable<string> Strings(CObject operand) => operand switch
    {
        CString s => [s.Value],
        CArray array => array.SelectMany(Strings),
        _ => [],
    };
}
