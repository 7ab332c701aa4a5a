using System.IO.Compression;
using System.Text;
using Lodestar.Domain.Problems;
using Lodestar.Formats.AnnexA;
using Lodestar.Formats.Spreadsheets;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.AnnexA;

/// <summary>Reading the Ofsted Annex A lists (docs/formats.md, "Annex A").</summary>
public sealed class AnnexAReaderTests
{
    private const string Council = "E10000003";

    private static byte[] Workbook(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheets);
        return stream.ToArray();
    }

    private static LoadResult Load(params InputFile[] files) => StatutoryDataLoader.Load(files, Council);

    private static int D(int y, int m, int d) => new DateOnly(y, m, d).DayNumber;

    [Fact]
    public void Workbook_ListsBySheetName_ReadWithExcelDatesTextDatesAndCodedValues()
    {
        var bytes = Workbook(
            new XlsxSheet("List 1 - Contacts", ["CHILD UNIQUE ID", " date  of   contact ", "Contact Source"], [["C1", new DateOnly(2024, 6, 3), "a) Police"]]),
            new XlsxSheet("List 7", ["Child Unique ID", "Child Protection Plan Start Date", "Date of the Last Statutory Visit", "Was the Child Seen Alone?"],
                [["C1", "01/10/2024", "2025-03-17", "a) Yes"], ["C2", "2024-10-01T00:00:00", "17/03/2025", "N"]]),
            new XlsxSheet("Notes", ["Anything"], [["x"]]));

        var loaded = Load(new InputFile("annex_a_2025.xlsx", bytes));

        Assert.Empty(loaded.Refusals);
        var data = Assert.Single(loaded.Councils).AnnexA!;
        Assert.Equal(2025, Assert.Single(data.Files).CollectionYear);
        var contact = Assert.Single(data.Contacts);
        Assert.Equal(("C1", D(2024, 6, 3)), (data.Children.IdOf(contact.Child), contact.Date));
        Assert.Equal(
            [(D(2024, 10, 1), D(2025, 3, 17), Flag.Yes), (D(2024, 10, 1), D(2025, 3, 17), Flag.No)],
            data.ProtectionPlans.Select(p => (p.Start, p.LastVisit, p.SeenAlone)));
        // The sheet that is not a list is left aside with a warning; List 7's optional columns are missing (warnings).
        var notes = Assert.Single(loaded.Diagnostics, d => d.Rule == AnnexAReader.SheetRule);
        Assert.Equal(("annex_a_2025.xlsx", "Notes", Severity.Warning), (notes.File, notes.Value, notes.Severity));
        Assert.DoesNotContain(loaded.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void BadValues_AreFindingsNamingFileRowListColumnAndValue()
    {
        var bytes = Workbook(new XlsxSheet("List 7", ["Child Unique ID", "Child Protection Plan Start Date", "Date of the Last Statutory Visit", "Was the Child Seen Alone?"],
            [["C1", "31/02/2025", "soon", "maybe"], ["", "01/10/2024", "01/03/2025", "Y"]]));

        var loaded = Load(new InputFile("annex.xlsx", bytes));

        var findings = loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => (d.File, d.Line, d.Column, d.Value, d.Rule)).ToList();
        Assert.Contains(("annex.xlsx", 2, "List 7: Child Protection Plan Start Date", "31/02/2025", AnnexAReader.DateRule), findings);
        Assert.Contains(("annex.xlsx", 2, "List 7: Date of the Last Statutory Visit", "soon", AnnexAReader.DateRule), findings);
        Assert.Contains(("annex.xlsx", 2, "List 7: Was the Child Seen Alone?", "maybe", AnnexAReader.CodeRule), findings);
        Assert.Contains(("annex.xlsx", 3, "List 7: Child Unique ID", (string?)null, AnnexAReader.IdBlankRule), findings);
        Assert.Single(Assert.Single(loaded.Councils).AnnexA!.ProtectionPlans);
    }

    [Fact]
    public void List_WithoutAColumnItNeeds_IsAnErrorAndNotRead()
    {
        var bytes = Workbook(new XlsxSheet("List 8", ["Child Unique ID", "Date of Last Social Work Visit"], [["C1", "01/03/2025"]]));

        var loaded = Load(new InputFile("annex.xlsx", bytes));

        var missing = Assert.Single(loaded.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("List 8: Date Started to be Looked After", AnnexAReader.ColumnMissingRule), (missing.Column, missing.Rule));
        Assert.Empty(Assert.Single(loaded.Councils).AnnexA!.LookedAfter);
    }

    [Fact]
    public void Csv_NamedByItsList_IsReadAsThatList_AndA903TableIsNot()
    {
        var list3 = Encoding.UTF8.GetBytes("Child Unique ID,Date of Referral,Referral NFA?\nC1,05/06/2024,b) No\nC2,2024-06-06,Yes\n");

        var loaded = Load(new InputFile("List 3 - Referrals 2025.csv", list3));

        Assert.Empty(loaded.Refusals);
        var data = Assert.Single(loaded.Councils).AnnexA!;
        Assert.Equal([(D(2024, 6, 5), Flag.No), (D(2024, 6, 6), Flag.Yes)], data.Referrals.Select(r => (r.Date, r.Nfa)));
        Assert.Equal("Annex A List 3 CSV", Assert.Single(data.Files).Kind);
        Assert.False(AnnexAReader.IsListCsv("list3.csv", "CHILD,SEX,DOB\nC1,1,01/01/2010\n"));
        Assert.False(AnnexAReader.IsListCsv("referrals.csv", "Child Unique ID,Date of Referral\nC1,05/06/2024\n"));
    }

    [Theory]
    [InlineData("List 3", 3)]
    [InlineData("list11_adopters.csv", 11)]
    [InlineData("LIST_10 - Adoption", 10)]
    [InlineData("List 12", null)]
    [InlineData("Checklist 3", null)]
    public void ListOfName_ReadsTheListNumber(string name, int? list) => Assert.Equal(list, AnnexAReader.ListOfName(name));

    [Fact]
    public void Workbook_ThatIsAZipBomb_IsRefusedWhole()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 8; i++)
            {
                entry.Write(zeros);
            }
        }

        var loaded = Load(new InputFile("annex.xlsx", stream.ToArray()));

        var refusal = Assert.Single(loaded.Refusals);
        Assert.Contains("zip bomb", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(loaded.Councils);
    }

    [Fact]
    public void Workbook_ThatIsNotOne_OrHasNoList_IsRefused()
    {
        var notAWorkbook = Load(new InputFile("annex.xlsx", Encoding.UTF8.GetBytes("Child Unique ID,Date of Contact\n")));
        var noList = Load(new InputFile("annex.xlsx", Workbook(new XlsxSheet("Sheet1", ["Child Unique ID"], [["C1"]]))));

        Assert.Equal("cannot be read as an XLSX workbook", Assert.Single(notAWorkbook.Refusals).Message);
        Assert.StartsWith("no sheet is an Annex A list", Assert.Single(noList.Refusals).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_WithADtdInASheet_IsRefusedWithoutExpandingIt()
    {
        var good = Workbook(new XlsxSheet("List 1", ["Child Unique ID", "Date of Contact"], [["C1", "01/06/2024"]]));
        using var stream = new MemoryStream();
        stream.Write(good);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(sheet.Open()))
            {
                xml = reader.ReadToEnd();
            }

            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(sheet.FullName).Open());
            var doctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>";
            writer.Write(xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.Insert(xml.IndexOf("?>", StringComparison.Ordinal) + 2, doctype) : doctype + xml);
        }

        var loaded = Load(new InputFile("annex.xlsx", stream.ToArray()));

        Assert.Equal("cannot be read as an XLSX workbook", Assert.Single(loaded.Refusals).Message);
    }

    [Theory]
    [InlineData("45474", true, 2024, 7, 1)]
    [InlineData("45474.5", true, 2024, 7, 1)]
    [InlineData("1/7/2024", false, 2024, 7, 1)]
    [InlineData("2024-07-01 00:00:00", false, 2024, 7, 1)]
    [InlineData("01/07/2024 00:00", false, 2024, 7, 1)]
    public void ParseDate_TheTemplatesForms(string text, bool serial, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d).DayNumber, AnnexAReader.ParseDate(text, serial));

    [Fact]
    public void ParseDate_ASerialInACsv_IsNotADate() => Assert.Null(AnnexAReader.ParseDate("45474", serialDates: false));
}
