using System.Globalization;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Spreadsheets;
using Lodestar.Formats.Text;

namespace Lodestar.Formats.Reference;

/// <summary>
/// A setting registered with Ofsted, as the 903 rules on URNs need it: the placement types (PLACE codes) and placement
/// provider types (PLACE_PROVIDER codes) it offers, its postcode, the day its registration ended, and the council whose
/// area it is in.
/// </summary>
/// <param name="Urn">Its Ofsted unique reference number, upper case.</param>
/// <param name="PlaceCodes">The PLACE codes it offers (K2, U1 ...); empty when the list gives none.</param>
/// <param name="ProviderCodes">The PLACE_PROVIDER codes it is (PR1 ...); empty when the list gives none.</param>
/// <param name="Postcode">Its postcode, upper case without spaces, or null.</param>
/// <param name="RegistrationEnd">The day its registration ended (deregistered or closed), or null while registered.</param>
/// <param name="Council">The GSS code of the council whose area it is in, when the list gives it (la_code), else null.</param>
public sealed record OfstedProvider(string Urn, IReadOnlyList<string> PlaceCodes, IReadOnlyList<string> ProviderCodes, string? Postcode, DateOnly? RegistrationEnd, string? Council);

/// <summary>
/// Ofsted's providers of children's social care by URN, read from a CSV or an XLSX workbook's first sheet: Ofsted's own
/// list of children's homes and social care providers, or a file made for Lodestar with its column names. The header is
/// the first row with a URN cell (title rows above it are skipped); other columns are ignored. Columns, any case, spaces
/// or underscores: urn; place_codes or placement code(s) (PLACE codes, separated by '/', ',', ';' or spaces);
/// provider_codes or placement provider code(s) (PLACE_PROVIDER codes); postcode, setting postcode or setting address
/// postcode; reg_end, registration end (date), deregistration date or closed date (dd/mm/yyyy or yyyy-mm-dd, or an
/// Excel date in a workbook); la_code or local authority code (the council's GSS code or LA number). Only urn is required;
/// a row with no URN, or with words (a note) in the URN column and nothing else, is skipped;
/// the rules that need a column the file lacks say that they could not run.
/// </summary>
public sealed class OfstedProviders
{
    private static readonly string[] PlaceNames = ["place codes", "placement code", "placement codes"];
    private static readonly string[] ProviderNames = ["provider codes", "placement provider code", "placement provider codes"];
    private static readonly string[] PostcodeNames = ["postcode", "setting postcode", "setting address postcode"];
    private static readonly string[] EndNames = ["reg end", "registration end", "registration end date", "deregistration date", "closed date"];
    private static readonly string[] CouncilNames = ["la code", "local authority code"];

    private readonly Dictionary<string, OfstedProvider> _providers;

    private OfstedProviders(string source, Dictionary<string, OfstedProvider> providers, bool places, bool kinds, bool postcodes, bool ends, bool councils)
    {
        Source = source;
        _providers = providers;
        HasPlaceCodes = places;
        HasProviderCodes = kinds;
        HasPostcodes = postcodes;
        HasEndDates = ends;
        HasCouncils = councils;
    }

    /// <summary>The file it was read from (its name), for messages.</summary>
    public string Source { get; }

    /// <summary>How many providers it holds.</summary>
    public int Count => _providers.Count;

    /// <summary>Whether the file has a placement codes column.</summary>
    public bool HasPlaceCodes { get; }

    /// <summary>Whether the file has a placement provider codes column.</summary>
    public bool HasProviderCodes { get; }

    /// <summary>Whether the file has a postcode column.</summary>
    public bool HasPostcodes { get; }

    /// <summary>Whether the file has a registration end column.</summary>
    public bool HasEndDates { get; }

    /// <summary>Whether the file has a council (LA code) column.</summary>
    public bool HasCouncils { get; }

    /// <summary>The provider with URN <paramref name="urn"/> (any case), or null when the list does not hold it.</summary>
    public OfstedProvider? Find(string? urn) =>
        urn is not null && _providers.TryGetValue(urn.Trim(), out var provider) ? provider : null;

    /// <summary>Reads the file at <paramref name="path"/> (.xlsx as a workbook, else CSV): every bad row is a problem with its file, row, column and value, and any problem refuses the file.</summary>
    public static Result<OfstedProviders> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFileName(path);
        var rows = SheetRows.Read(path);
        return rows.Succeeded ? Read(file, rows.Value, workbook: file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) : Result.Failure<OfstedProviders>(rows.Problems);
    }

    /// <summary>Reads CSV text; <paramref name="file"/> names it in problems.</summary>
    public static Result<OfstedProviders> Parse(string file, string text)
    {
        var rows = SheetRows.ReadCsv(file, text);
        return rows.Succeeded ? Read(file, rows.Value, workbook: false) : Result.Failure<OfstedProviders>(rows.Problems);
    }

    private static Result<OfstedProviders> Read(string file, IReadOnlyList<(int Row, string[] Cells)> rows, bool workbook)
    {
        var headerAt = -1;
        for (var i = 0; i < rows.Count && headerAt < 0; i++)
        {
            if (rows[i].Cells.Any(c => Name(c) == "urn"))
            {
                headerAt = i;
            }
        }

        if (headerAt < 0)
        {
            return Result.Failure<OfstedProviders>(Problem.InFile(file, "no header row with a URN column"));
        }

        var header = rows[headerAt].Cells.Select(Name).ToArray();
        (int Index, string Name) Column(params string[] names)
        {
            var at = Array.FindIndex(header, h => names.Contains(h));
            return (at, at < 0 ? "" : rows[headerAt].Cells[at].Trim());
        }

        var urn = Column("urn");
        var place = Column(PlaceNames);
        var kind = Column(ProviderNames);
        var postcode = Column(PostcodeNames);
        var end = Column(EndNames);
        var council = Column(CouncilNames);
        var problems = new Problems(file);
        var providers = new Dictionary<string, OfstedProvider>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, cells) in rows.Skip(headerAt + 1))
        {
            string Cell(int column) => column >= 0 && column < cells.Length ? cells[column].Trim() : "";
            var id = Cell(urn.Index);
            var note = id.Contains(' ', StringComparison.Ordinal) && cells.Where((_, i) => i != urn.Index).All(string.IsNullOrWhiteSpace);
            if (id.Length == 0 || note)
            {
                // Ofsted's workbooks end with notes under the table: a row without a URN, or with words in the URN column and
                // nothing else, is not a provider.
                continue;
            }

            if (id.Length > 20 || !id.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add(row, urn.Name, id, "not a URN (letters and digits)");
                continue;
            }

            var places = Codes(Cell(place.Index), row, place.Name, problems);
            var kinds = Codes(Cell(kind.Index), row, kind.Name, problems);
            var code = Cell(postcode.Index);
            var normalised = code.Length == 0 ? null : PostcodeLookup.Normalise(code);
            if (code.Length > 0 && normalised is null)
            {
                problems.Add(row, postcode.Name, code, "not a postcode");
            }

            var ended = Date(Cell(end.Index), workbook, row, end.Name, problems);
            var area = Council(Cell(council.Index), row, council.Name, problems);
            if (!providers.TryAdd(id, new OfstedProvider(id.ToUpperInvariant(), places, kinds, normalised, ended, area)))
            {
                problems.Add(row, urn.Name, id, "the URN is given twice");
            }
        }

        return problems.Count > 0
            ? Result.Failure<OfstedProviders>(problems.All)
            : Result.Success(new OfstedProviders(file, providers, place.Index >= 0, kind.Index >= 0, postcode.Index >= 0, end.Index >= 0, council.Index >= 0));
    }

    // A header cell as the names above are written: lower case, words separated by one space ("Placement_Code" is "placement code").
    private static string Name(string cell) =>
        string.Join(' ', cell.Trim().ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyList<string> Codes(string text, int row, string column, Problems problems)
    {
        var codes = text.Split(['/', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        foreach (var code in codes)
        {
            if (code.Length > 4 || !code.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add(row, column, text, $"'{code}' is not a code (up to 4 letters and digits, such as K2 or PR4)");
                return [];
            }
        }

        return [.. codes.Select(c => c.ToUpperInvariant())];
    }

    private static DateOnly? Date(string text, bool workbook, int row, string column, Problems problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        // A workbook holds a date as its serial number, days from 30 December 1899.
        if (workbook && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 100_000)
        {
            return new DateOnly(1899, 12, 30).AddDays((int)serial);
        }

        if (DateText.TryParse(text, out var day) == DateText.Result.Ok)
        {
            return DateOnly.FromDayNumber(day);
        }

        problems.Add(row, column, text, "not a date (dd/mm/yyyy or yyyy-mm-dd)");
        return null;
    }

    private static string? Council(string text, int row, string column, Problems problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (CouncilList.Find(text) is { } council)
        {
            return council.Code;
        }

        if (PostcodeLookup.IsGssCode(text))
        {
            return text.ToUpperInvariant();
        }

        problems.Add(row, column, text, "not a council's GSS code or LA number");
        return null;
    }
}
