using System.Globalization;
using System.Text.RegularExpressions;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Spreadsheets;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.AnnexA.AnnexAColumns;

namespace Lodestar.Formats.AnnexA;

/// <summary>Gathers the Annex A lists of one council as files are read; <see cref="Build"/> gives the records.</summary>
public sealed class AnnexABuilder(string councilCode)
{
    private readonly List<SourceFile> _files = [];
    private readonly AnnexAData _data = new(councilCode, new ChildIndex(), []);

    internal AnnexAData Data => _data;

    /// <summary>The files read so far.</summary>
    public IReadOnlyList<SourceFile> Files => _files;

    internal int AddFile(string path, string kind, int year)
    {
        _files.Add(new SourceFile(path, kind, year));
        return _files.Count - 1;
    }

    /// <summary>Sets the collection year of file <paramref name="file"/> (found after reading it).</summary>
    public void SetCollectionYear(int file, int year) => _files[file] = _files[file] with { CollectionYear = year };

    /// <summary>The records read, with the files as they now stand.</summary>
    public AnnexAData Build()
    {
        var data = new AnnexAData(_data.CouncilCode, _data.Children, [.. _files]) { Adopters = _data.Adopters, Workers = _data.Workers };
        data.Contacts.AddRange(_data.Contacts);
        data.EarlyHelp.AddRange(_data.EarlyHelp);
        data.Referrals.AddRange(_data.Referrals);
        data.Assessments.AddRange(_data.Assessments);
        data.Section47s.AddRange(_data.Section47s);
        data.CinCases.AddRange(_data.CinCases);
        data.ProtectionPlans.AddRange(_data.ProtectionPlans);
        data.LookedAfter.AddRange(_data.LookedAfter);
        data.CareLeavers.AddRange(_data.CareLeavers);
        data.Adoptions.AddRange(_data.Adoptions);
        data.AdopterRecords.AddRange(_data.AdopterRecords);
        data.ListsRead.UnionWith(_data.ListsRead);
        return data;
    }
}

/// <summary>
/// Reads the Ofsted ILACS Annex A lists as councils keep them: an XLSX workbook with one list a sheet
/// (sheets named "List 1" … "List 11", with or without a title: "List 3 - Referrals"), or CSV files one
/// list a file (named list3.csv, list_3_referrals.csv, "List 3 - Referrals.csv"). Columns are found by the
/// template's names (<see cref="AnnexAColumns"/>); the header is the first row, among the first ten, that
/// names the list's identifier column. Dates: dd/mm/yyyy, yyyy-mm-dd (a time after it ignored) or, in a
/// workbook, Excel's serial day numbers. Yes/no and coded values may carry the template's "a) " prefix.
/// Bad values are findings (file, row, column "List N: name", value), never exceptions; a workbook that is
/// a zip bomb, over the size limit or not a workbook is refused whole (docs/formats.md, "Annex A").
/// </summary>
public static partial class AnnexAReader
{
    /// <summary>A finding's rule: a date that cannot be read.</summary>
    public const string DateRule = "ANNEXA-DATE";

    /// <summary>A finding's rule: a yes/no or coded value that is none of the codes.</summary>
    public const string CodeRule = "ANNEXA-CODE";

    /// <summary>A finding's rule: a count that is not a whole number.</summary>
    public const string NumberRule = "ANNEXA-NUMBER";

    /// <summary>A finding's rule: a row without the child's (or adopter's) identifier.</summary>
    public const string IdBlankRule = "ANNEXA-ID-BLANK";

    /// <summary>A finding's rule: a list without a column it cannot be read without (error) or one Lodestar reads (warning).</summary>
    public const string ColumnMissingRule = "ANNEXA-COLUMN-MISSING";

    /// <summary>A finding's rule: a sheet that is not an Annex A list, left aside.</summary>
    public const string SheetRule = "ANNEXA-SHEET";

    /// <summary>The list a sheet or file name gives ("List 3", "list3_referrals.csv": 3), or null.</summary>
    public static int? ListOfName(string name)
    {
        var match = ListName().Match(Path.GetFileNameWithoutExtension(name.Trim()) is { Length: > 0 } stem && name.Contains('.', StringComparison.Ordinal) ? stem : name.Trim());
        return match.Success && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Lists.ContainsKey(n) ? n : null;
    }

    /// <summary>Whether a CSV file is an Annex A list: its name gives a list, and a header row names the list's identifier.</summary>
    public static bool IsListCsv(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ListOfName(file) is not { } list)
        {
            return false;
        }

        var rows = SheetRows.ReadCsv(file, text);
        return rows.Succeeded && HeaderRow(list, rows.Value) >= 0;
    }

    /// <summary>Reads a workbook; the refusal names the file when it cannot be read at all.</summary>
    public static FileReadResult ReadWorkbook(string file, byte[] bytes, AnnexABuilder builder, int collectionYear, List<Problem> diagnostics, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (ZipUploads.PackageProblem(file, bytes, limits ?? ReadLimits.Default) is { } bomb)
        {
            return new FileReadResult(bomb, -1, RecordValues.Blank);
        }

        using var stream = new MemoryStream(bytes, writable: false);
        var sheets = XlsxReader.ReadSheets(file, stream);
        if (!sheets.Succeeded)
        {
            return new FileReadResult(sheets.Problems[0], -1, RecordValues.Blank);
        }

        var lists = sheets.Value.Select(s => (s.Name, List: ListOfName(s.Name), s.Rows)).ToList();
        if (!lists.Any(l => l.List is not null))
        {
            return FileReadResult.Refused(file, "no sheet is an Annex A list: name the sheets List 1 … List 11 (\"List 3 - Referrals\" is fine)");
        }

        var index = builder.AddFile(file, "Annex A workbook", collectionYear);
        var latest = RecordValues.Blank;
        foreach (var (name, list, rows) in lists)
        {
            if (list is not { } n)
            {
                diagnostics.Add(new Problem(file, 0, null, name, $"sheet '{name}' is not an Annex A list (List 1 … List 11): left aside") { Rule = SheetRule, Severity = Severity.Warning });
                continue;
            }

            latest = Math.Max(latest, ReadList(file, n, rows, index, builder.Data, diagnostics, serialDates: true));
        }

        return new FileReadResult(null, index, latest);
    }

    /// <summary>Reads one list held as CSV (its list from the file's name).</summary>
    public static FileReadResult ReadCsv(string file, string text, AnnexABuilder builder, int collectionYear, List<Problem> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (ListOfName(file) is not { } list)
        {
            return FileReadResult.Refused(file, "the file's name does not say which Annex A list it is (list1.csv … list11.csv)");
        }

        var rows = SheetRows.ReadCsv(file, text);
        if (!rows.Succeeded)
        {
            return new FileReadResult(rows.Problems[0], -1, RecordValues.Blank);
        }

        var index = builder.AddFile(file, $"Annex A List {list} CSV", collectionYear);
        var latest = ReadList(file, list, rows.Value, index, builder.Data, diagnostics, serialDates: false);
        return new FileReadResult(null, index, latest);
    }

    private static int HeaderRow(int list, IReadOnlyList<(int Row, string[] Cells)> rows)
    {
        for (var i = 0; i < Math.Min(10, rows.Count); i++)
        {
            if (rows[i].Cells.Any(c => Match(list, c)?.Key == ChildId))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ReadList(string file, int list, IReadOnlyList<(int Row, string[] Cells)> rows, int fileIndex, AnnexAData data, List<Problem> diagnostics, bool serialDates)
    {
        var (title, columns) = Lists[list];
        var label = $"List {list}";
        var headerAt = HeaderRow(list, rows);
        if (headerAt < 0)
        {
            if (rows.Count > 0)
            {
                var id = columns.First(c => c.Key == ChildId);
                diagnostics.Add(new Problem(file, rows[0].Row, $"{label}: {id.Name}", null, $"{label} ({title}) has no '{id.Name}' column in its first rows: the list is not read") { Rule = ColumnMissingRule });
            }

            return RecordValues.Blank;
        }

        var header = rows[headerAt];
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Length; i++)
        {
            if (Match(list, header.Cells[i]) is { } column)
            {
                at.TryAdd(column.Key, i);
            }
        }

        var missingRequired = false;
        foreach (var column in columns.Where(c => !at.ContainsKey(c.Key)))
        {
            diagnostics.Add(new Problem(file, header.Row, $"{label}: {column.Name}", null, column.Required
                ? $"{label} has no '{column.Name}' column: the list is not read"
                : $"{label} has no '{column.Name}' column: taken as blank")
            { Rule = ColumnMissingRule, Severity = column.Required ? Severity.Error : Severity.Warning });
            missingRequired |= column.Required;
        }

        if (missingRequired)
        {
            return RecordValues.Blank;
        }

        data.ListsRead.Add(list);
        var latest = RecordValues.Blank;
        for (var r = headerAt + 1; r < rows.Count; r++)
        {
            var row = new RowReader(file, label, rows[r], at, columns, diagnostics, serialDates);
            var idText = row.Text(ChildId);
            if (idText.Length == 0)
            {
                diagnostics.Add(new Problem(file, rows[r].Row, $"{label}: {columns[0].Name}", null, $"the row has no {columns[0].Name}: it is not read") { Rule = IdBlankRule });
                continue;
            }

            var source = new SourceLocation(fileIndex, rows[r].Row);
            var child = list == 11 ? data.Adopters.GetOrAdd(idText) : data.Children.GetOrAdd(idText);
            switch (list)
            {
                case 1:
                    data.Contacts.Add(new(child, row.Date("date"), source));
                    break;
                case 2:
                    data.EarlyHelp.Add(new(child, row.Date("start"), row.Date("completed"), source));
                    break;
                case 3:
                    data.Referrals.Add(new(child, row.Date("date"), row.YesNo("nfa"), source));
                    break;
                case 4:
                    data.Assessments.Add(new(child, row.Date("start"), row.Date("authorised"), source));
                    break;
                case 5:
                    data.Section47s.Add(new(child, row.Date("start"), row.Date("icpc"), row.YesNo("toplan"), source));
                    break;
                case 6:
                    var worker = row.Text("worker");
                    data.CinCases.Add(new(child, row.Date("start"), row.Date("seen"), row.Date("closed"), worker.Length == 0 ? -1 : data.Workers.GetOrAdd(worker), source));
                    break;
                case 7:
                    data.ProtectionPlans.Add(new(child, row.Date("start"), row.Date("visit"), row.YesNo("alone"), row.Date("review"), row.Date("end"), source));
                    break;
                case 8:
                    data.LookedAfter.Add(new(child, row.Date("start"), row.Date("review"), row.Date("visit"), HasPlan(row.Text("permanence")),
                        row.Date("health"), row.Date("dental"), row.Date("ceased"), row.Number("missing"), row.YesNo("offered"), row.YesNo("accepted"), source));
                    break;
                case 9:
                    data.CareLeavers.Add(new(child, row.InTouch("intouch"), source));
                    break;
                case 10:
                    data.Adoptions.Add(new(child, row.Date("entered"), row.Date("decision"), row.Date("matched"), row.Date("placed"), row.Date("order"), source));
                    break;
                default:
                    data.AdopterRecords.Add(new(child, row.Date("enquiry"), row.Date("approved"), row.Date("matched"), row.Date("left"), source));
                    break;
            }

            latest = Math.Max(latest, row.Latest);
        }

        return latest;
    }

    // A permanence plan is recorded when the cell says one; "none", "not yet", "n/a" and blank say there is none.
    private static bool HasPlan(string text)
    {
        var key = Normalise(StripPrefix(text));
        return key.Length > 0 && key is not ("none" or "notyet" or "na" or "notknown" or "unknown" or "no");
    }

    /// <summary>A coded value without the template's "a) " prefix.</summary>
    internal static string StripPrefix(string text)
    {
        var trimmed = text.Trim();
        var match = CodePrefix().Match(trimmed);
        return match.Success ? trimmed[match.Length..].Trim() : trimmed;
    }

    /// <summary>Reads one row's cells by column key, reporting bad values.</summary>
    private sealed class RowReader(string file, string label, (int Row, string[] Cells) row, Dictionary<string, int> at, Column[] columns, List<Problem> diagnostics, bool serialDates)
    {
        public int Latest { get; private set; } = RecordValues.Blank;

        public string Text(string key) =>
            at.TryGetValue(key, out var i) && i < row.Cells.Length ? row.Cells[i].Trim() : "";

        public int Date(string key)
        {
            var text = Text(key);
            if (text.Length == 0)
            {
                return RecordValues.Blank;
            }

            var day = ParseDate(text, serialDates);
            if (day is null)
            {
                Report(key, text, DateRule, serialDates
                    ? "not a date: write it dd/mm/yyyy or yyyy-mm-dd, or as an Excel date"
                    : "not a date: write it dd/mm/yyyy or yyyy-mm-dd");
                return RecordValues.Invalid;
            }

            Latest = Math.Max(Latest, day.Value);
            return day.Value;
        }

        public int Number(string key)
        {
            var text = Text(key);
            if (text.Length == 0)
            {
                return RecordValues.Blank;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value == Math.Floor(value) && value < int.MaxValue)
            {
                return (int)value;
            }

            Report(key, text, NumberRule, "not a whole number of 0 or more");
            return RecordValues.Invalid;
        }

        public Flag YesNo(string key)
        {
            var text = Text(key);
            if (text.Length == 0)
            {
                return Flag.Blank;
            }

            switch (Normalise(StripPrefix(text)))
            {
                case "y" or "yes" or "true" or "1":
                    return Flag.Yes;
                case "n" or "no" or "false" or "0":
                    return Flag.No;
                case "unknown" or "notknown" or "notrecorded":
                    return Flag.Blank;
                default:
                    Report(key, text, CodeRule, "not yes or no (Y, N, Yes, No, \"a) Yes\", \"b) No\", Unknown)");
                    return Flag.Invalid;
            }
        }

        public AnnexAInTouch InTouch(string key)
        {
            var text = Text(key);
            if (text.Length == 0)
            {
                return AnnexAInTouch.Blank;
            }

            var result = Normalise(StripPrefix(text)) switch
            {
                "y" or "yes" => AnnexAInTouch.Yes,
                "n" or "no" => AnnexAInTouch.No,
                "died" => AnnexAInTouch.Died,
                "refu" or "refused" => AnnexAInTouch.Refused,
                "nreq" => AnnexAInTouch.NoLongerRequired,
                "rhom" => AnnexAInTouch.ReturnedHome,
                _ => AnnexAInTouch.Invalid,
            };
            if (result == AnnexAInTouch.Invalid)
            {
                Report(key, text, CodeRule, "not one of the codes: Yes, No, Died, Refu, NREQ, Rhom (\"a) Yes\" … \"f) Rhom\")");
            }

            return result;
        }

        private void Report(string key, string value, string rule, string message)
        {
            var name = columns.First(c => c.Key == key).Name;
            diagnostics.Add(new Problem(file, row.Row, $"{label}: {name}", value, message) { Rule = rule });
        }
    }

    /// <summary>A date as the template writes it, or null: dd/mm/yyyy, yyyy-mm-dd (a time after it ignored), or an Excel serial day in a workbook.</summary>
    internal static int? ParseDate(string text, bool serialDates)
    {
        var span = text.AsSpan().Trim();
        if (span.Length > 10 && (span[10] == 'T' || span[10] == ' ') && span[4] == '-')
        {
            span = span[..10];
        }

        if (span.Length > 10 && span.IndexOf(' ') is var space and >= 8 and <= 10 && span.Contains('/'))
        {
            span = span[..space];
        }

        if (DateText.TryParse(span, out var day) == DateText.Result.Ok)
        {
            return day;
        }

        // Excel's serial dates count days from 30 December 1899 (its 1900 leap-year bug included); a time of day is the fraction.
        if (serialDates && double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return ExcelEpoch.AddDays((int)Math.Floor(serial)).DayNumber;
        }

        return null;
    }

    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    [GeneratedRegex(@"^\s*list\s*[-_ ]?\s*(?<n>[0-9]{1,2})(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex ListName();

    [GeneratedRegex(@"^[a-z]{1,2}\)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CodePrefix();
}
