using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Lodestar.Application.Imports;
using Lodestar.Application.Packs;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Domain.Performance;
using Lodestar.Testing;

namespace Lodestar.Application.Tests.Packs;

/// <summary>What sign-off does to a pack (docs/packs.md): approved figures frozen, "changed since approval", the public version approved-only.</summary>
public sealed class PackSignOffPackTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static PackRequest Request(int year = 2025, bool isPublic = false) =>
        new() { FrameworkId = "pack-test", Council = "E10000003", Year = year, Public = isPublic };

    [Theory]
    [AllDatabases]
    public async Task Build_ApprovedThenAValueChanges_PrintsTheApprovedFigureAndSaysChangedSinceApproval(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, PackTestData.Framework, PackTestData.Values, PackTestData.Targets);
        await PackTestData.ApproveAsync(db, 2025);
        // After approval complaints goes from 12 to 8: under the target of 10, so green.
        var importer = new Importer(db, new AuditLog(db, PackTestData.Clock()), PackTestData.Clock());
        Assert.True((await importer.ValuesAsync("ann", "later.csv", new MemoryStream("measure,council,period,value\ncomplaints,E10000003,2025,8\n"u8.ToArray()), cancellationToken: Cancel)).Succeeded);

        var pack = (await PackTestData.Builder(db).BuildAsync(Request(), Cancel))!;
        var complaints = pack.Measures.Single(m => m.Id == "complaints");

        Assert.True(pack.IsApproved);
        Assert.Equal(("12", RagStatus.Red), (complaints.Value, complaints.Rag));
        Assert.Equal("Changed since approval: value now 8 (approved 12); RAG now Green (approved Red).", complaints.ChangedSinceApproval);
        Assert.Null(pack.Measures.Single(m => m.Id == "visits").ChangedSinceApproval);
        Assert.Equal(1, pack.Counts[RagStatus.Red]);
        Assert.Equal("Approved by max on 2 June 2025: the figures are those approved; 1 measure has changed since approval.", pack.SignOff);
        Assert.Contains("Changed since approval: value now 8 (approved 12)", PackHtml.Body(pack), StringComparison.Ordinal);
        // The workbook's Measures sheet says it per measure, in its last column.
        var rows = MeasureRows(pack);
        Assert.Equal(PackXlsx.ChangedColumn, rows[0][^1]);
        Assert.Equal("Changed since approval: value now 8 (approved 12); RAG now Green (approved Red).", rows.Single(r => r.Count > 1 && r[1] == "complaints")[^1]);

        // Reopened, the pack prints the live figures again.
        Assert.True((await PackTestData.SignOff(db).ReopenAsync("max", "pack-test", "E10000003", 2025, "Complaints recounted.", Cancel)).Succeeded);
        var reopened = (await PackTestData.Builder(db).BuildAsync(Request(), Cancel))!;
        Assert.Equal(("8", (string?)null), (reopened.Measures.Single(m => m.Id == "complaints").Value, reopened.Measures.Single(m => m.Id == "complaints").ChangedSinceApproval));
        Assert.Equal("Draft (reopened by max on 2 June 2025: Complaints recounted.): the figures are live until approved.", reopened.SignOff);
    }

    [Fact]
    public async Task Build_PublicOfAPeriodNotApproved_HoldsNoFigureAndSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, PackTestData.Framework, PackTestData.Values, PackTestData.Targets);
        Assert.True((await PackTestData.SignOff(db).SubmitAsync("ann", "pack-test", "E10000003", 2025, Cancel)).Succeeded);

        var pack = (await PackTestData.Builder(db).BuildAsync(Request(isPublic: true), Cancel))!;
        var html = PackHtml.Document(pack);

        Assert.All(pack.Measures, m => Assert.Equal(("", "", "", "", 0, RagStatus.Grey), (m.Value, m.Target, m.Previous, m.LastYear, m.Benchmarks.Count, m.Rag)));
        Assert.All(pack.Measures, m => Assert.Equal(PackSignOffOverlay.NotApproved, m.Commentary));
        Assert.Equal(3, pack.Counts[RagStatus.Grey]);
        Assert.Empty(pack.Exceptions);
        Assert.Null(pack.Actions);
        Assert.Contains("The figures for this period are not yet approved: this version shows no values.", html, StringComparison.Ordinal);
        // None of the figures (12, 9, 75%, 50%, 3, 0, the targets 10 and 70%) is in a cell.
        foreach (var figure in new[] { "12", "9", "75%", "50%", "3", "0", "10", "70%" })
        {
            Assert.DoesNotContain($"<td class=\"govuk-table__cell\">{figure}</td>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Build_PublicApprovedButTheYearBeforeNot_ShowsNoFigureOfTheYearBefore()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, PackTestData.Framework, PackTestData.Values, PackTestData.Targets);
        await PackTestData.ApproveAsync(db, 2025);

        var pack = (await PackTestData.Builder(db).BuildAsync(Request(isPublic: true), Cancel))!;
        var complaints = pack.Measures.Single(m => m.Id == "complaints");

        // 12 approved for 2024-25; 2023-24's 9 is not approved, so neither it nor the direction against it is shown.
        Assert.Equal(("12", "", "", DirectionOfTravel.Unknown), (complaints.Value, complaints.Previous, complaints.LastYear, complaints.VersusPrevious));
        Assert.Equal("Approved on 2 June 2025: the figures are those approved.", pack.SignOff);
        Assert.DoesNotContain("max", PackHtml.Body(pack), StringComparison.Ordinal);
        // The trend holds 2024-25's approved 12 and nothing of 2023-24 (its 9, not approved): a trend starts at its
        // first year with a figure, so 2024-25 is its only point.
        Assert.Equal([("12", 12m)], complaints.History.Select(p => (p.Value, p.Amount)));
    }

    [Fact]
    public async Task Build_PublicBothYearsApproved_TheTrendHoldsTheYearBeforesApprovedFigure()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        await PackTestData.ImportAsync(db, PackTestData.Framework, PackTestData.Values, PackTestData.Targets);
        await PackTestData.ApproveAsync(db, 2024);
        await PackTestData.ApproveAsync(db, 2025);

        var pack = (await PackTestData.Builder(db).BuildAsync(Request(isPublic: true), Cancel))!;
        var complaints = pack.Measures.Single(m => m.Id == "complaints");

        // 2023-24's 9, approved, is the trend's point before 2024-25's 12.
        Assert.Equal(["9", "12"], complaints.History.TakeLast(2).Select(p => p.Value));
    }

    // The Measures sheet's rows as text, empty cells included.
    private static List<List<string>> MeasureRows(BoardPack pack)
    {
        using var stream = new MemoryStream();
        PackXlsx.Write(stream, pack);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Measures");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.InnerText;
        return [.. ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Select(r =>
        {
            var cells = new List<string>();
            foreach (var cell in r.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, l) => (n * 26) + l - 'A' + 1) - 1;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Text(cell));
            }

            return cells;
        })];
    }
}
