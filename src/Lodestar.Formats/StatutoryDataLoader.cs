using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Formats.AnnexA;
using Lodestar.Formats.Cin;
using Lodestar.Formats.Ssda903;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats;

/// <summary>A file held in memory, such as an upload: its name (no folders) and its bytes.</summary>
public sealed record InputFile(string Name, byte[] Content);

/// <summary>The files of one upload held in memory and the collection year they are for (one submission).</summary>
public sealed record InputYear(int CollectionYear, IReadOnlyList<InputFile> Files);

/// <summary>Options for <see cref="StatutoryDataLoader.Load(IEnumerable{string}, LoadOptions?, IProgress{string}?)"/>.</summary>
/// <param name="CouncilCode">The council every file belongs to; null: taken from each file's folders (see <see cref="StatutoryDataLoader"/>).</param>
/// <param name="CollectionYear">The collection year of every 903 file; null: from the file or folder name, else inferred from the dates.</param>
/// <param name="Limits">Size limits; null: <see cref="ReadLimits.Default"/>.</param>
public sealed record LoadOptions(string? CouncilCode = null, int? CollectionYear = null, ReadLimits? Limits = null)
{
    /// <summary>Whether CIN census files are read (false: recognised and passed over, as when no KPI asked for needs them).</summary>
    public bool ReadCin { get; init; } = true;

    /// <summary>Whether 903 files (CSV or XML) are read (false: recognised and passed over).</summary>
    public bool ReadSsda903 { get; init; } = true;
}

/// <summary>What loading gave: one dataset per council, the findings made while reading, and the files refused.</summary>
public sealed record LoadResult(
    IReadOnlyList<CouncilData> Councils,
    IReadOnlyList<Problem> Diagnostics,
    IReadOnlyList<Problem> Refusals,
    int FilesRead)
{
    /// <summary>
    /// Files recognised as not being returns and left aside without complaint: DfE "explore education
    /// statistics" CSVs (header starting time_period,time_identifier), such as the population.csv that
    /// `lodestar generate` writes beside the returns, and reference lists (a postcode lookup whose header starts
    /// with pcds or another ONSPD postcode column, a provider list whose header starts with URN), such as the two
    /// it writes under DIR/reference.
    /// </summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

/// <summary>
/// Loads statutory returns from files and folders: folders are searched recursively for .csv and .xml
/// files; every file is identified by its content (a 903 table by its CSV header row, 903 XML by its
/// EXPSSDA903 root, the CIN census by its Message root), never by its name.
/// </summary>
/// <remarks>
/// <para>Council: <see cref="LoadOptions.CouncilCode"/> when given; otherwise the nearest folder above
/// the file named like a council code (E06000001, E10000003 …, or a three-digit LA number such as 873,
/// but not a folder named 903);
/// otherwise "unknown". Files of different councils are never mixed.</para>
/// <para>Collection year of a 903 file: <see cref="LoadOptions.CollectionYear"/>; otherwise a year in
/// the file's name or its folders' names (2025, or 2024-25 meaning 2025); otherwise inferred from the
/// latest date in the Episodes file of the same folder (a date from April on belongs to the next year's
/// return). A CIN file's year is its Header's Year.</para>
/// </remarks>
public static partial class StatutoryDataLoader
{
    public const string UnknownCouncil = "unknown";

    public static LoadResult Load(IEnumerable<string> paths, LoadOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new LoadOptions();
        var limits = options.Limits ?? ReadLimits.Default;
        var state = new LoadState { Limits = limits, ReadCin = options.ReadCin, ReadSsda903 = options.ReadSsda903 };
        foreach (var path in Expand(paths, state.Refusals))
        {
            progress?.Report(path);
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
            var council = options.CouncilCode ?? CouncilFromFolders(path);
            var year = options.CollectionYear ?? YearFromName(path);
            byte[] bytes;
            try
            {
                // An XML file is read as it streams from the disk, never whole into memory (a CIN census is the bulk of a council's returns).
                if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && TryStreamXml(state, path, council, year, folder))
                {
                    continue;
                }

                // So is a 903 table in CSV, decoded as it is read.
                if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && TryStreamCsv(state, path, council, year, folder))
                {
                    continue;
                }

                bytes = TextInput.ReadBytes(path, limits);
            }
            catch (UnreadableFileException e)
            {
                state.Refusals.Add(Problem.InFile(path, e.Message));
                continue;
            }
            catch (IOException e)
            {
                // The disk failed while the file streamed in.
                state.Refusals.Add(Problem.InFile(path, $"cannot be read ({e.GetType().Name})"));
                continue;
            }

            ReadFile(state, path, bytes, council, year, folder);
        }

        return state.Finish();
    }

    /// <summary>
    /// The files the paths hold, grouped by the council <see cref="Load(IEnumerable{string}, LoadOptions?, IProgress{string}?)"/>
    /// would give each (its folders' council code, else the options', else <see cref="UnknownCouncil"/>), councils
    /// in code order, with a refusal for each path that does not exist. Loading each group on its own gives
    /// that council's data exactly as one load of every path does (a 903 year is only ever inferred within a
    /// folder), holding one council at a time.
    /// </summary>
    public static (IReadOnlyList<(string Council, IReadOnlyList<string> Files)> Councils, IReadOnlyList<Problem> Refusals) GroupByCouncil(
        IEnumerable<string> paths, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var refusals = new List<Problem>();
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in Expand(paths, refusals))
        {
            var council = options?.CouncilCode ?? CouncilFromFolders(path);
            if (!groups.TryGetValue(council, out var files))
            {
                groups[council] = files = [];
            }

            files.Add(path);
        }

        return ([.. groups.Select(g => (g.Key, (IReadOnlyList<string>)g.Value))], refusals);
    }

    /// <summary>
    /// Loads files held in memory (an upload) for one council: each named by its file name alone, which is
    /// what the problems name and where a collection year may be read from; all of them count as one folder
    /// when a 903 year is inferred from the dates. The same identification by content, limits and refusals
    /// as <see cref="Load(IEnumerable{string}, LoadOptions?, IProgress{string}?)"/>.
    /// </summary>
    public static LoadResult Load(IEnumerable<InputFile> files, string councilCode, int? collectionYear = null, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(councilCode);
        limits ??= ReadLimits.Default;
        var state = new LoadState { Limits = limits };
        foreach (var file in files)
        {
            if (file.Content.Length > limits.MaxFileBytes)
            {
                state.Refusals.Add(Problem.InFile(file.Name, $"file is {file.Content.Length:N0} bytes, over the limit of {limits.MaxFileBytes:N0}"));
                continue;
            }

            ReadFile(state, file.Name, file.Content, councilCode, collectionYear ?? YearInName(file.Name), string.Empty);
        }

        return state.Finish();
    }

    /// <summary>
    /// Loads several uploads of one council held in memory, each with its collection year (a council's
    /// confirmed submissions): read as <see cref="Load(IEnumerable{InputFile}, string, int?, ReadLimits?)"/>
    /// reads one, into one dataset per return, merging the years by the builders' rule (a record in a later
    /// collection year's file replaces the same record in an earlier one's), as a folder of years is merged.
    /// </summary>
    /// <param name="councilCode">The council.</param>
    /// <param name="uploads">Each upload's files, with its collection year.</param>
    /// <param name="limits">The read limits; null: the defaults.</param>
    /// <param name="keepReplaced">Whether the 903 records a later year replaced are kept apart (<see cref="Ssda903Data.Replaced"/>)
    /// for the validation rules that compare a return with last year's; false for data that is never validated (the KPI
    /// engine's model), which then holds nothing it does not use.</param>
    public static LoadResult Load(string councilCode, IEnumerable<InputYear> uploads, ReadLimits? limits = null, bool keepReplaced = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(councilCode);
        ArgumentNullException.ThrowIfNull(uploads);
        limits ??= ReadLimits.Default;
        var state = new LoadState { Limits = limits, KeepReplaced = keepReplaced };
        var index = 0;
        foreach (var upload in uploads)
        {
            // Each upload is a folder of its own, so no year is ever inferred across two of them.
            var folder = $"#{index++}";
            foreach (var file in upload.Files)
            {
                if (file.Content.Length > limits.MaxFileBytes)
                {
                    state.Refusals.Add(Problem.InFile(file.Name, $"file is {file.Content.Length:N0} bytes, over the limit of {limits.MaxFileBytes:N0}"));
                    continue;
                }

                ReadFile(state, file.Name, file.Content, councilCode, upload.CollectionYear, folder);
            }
        }

        return state.Finish();
    }

    // Reads an XML file from its stream when its first 64 KB say it is XML (false: not XML, read it as any other file).
    private static bool TryStreamXml(LoadState state, string path, string council, int? yearFromName, string folder)
    {
        using var stream = TextInput.OpenRead(path, state.Limits);
        var head = new byte[(int)Math.Min(stream.Length, 64 * 1024)];
        stream.ReadExactly(head);
        if (TextInput.LooksBinary(head))
        {
            state.Refusals.Add(Problem.InFile(path, "binary file, not text"));
            return true;
        }

        if (!LooksLikeXml(head))
        {
            return false;
        }

        stream.Position = 0;
        ReadXml(state, path, stream, BuildersOf(state, council), yearFromName, folder);
        return true;
    }

    // Reads a CSV file as it streams when it is not an Annex A list by its name, nor XML (false: read it whole, as any other file).
    // The same checks, in the same order, as ReadFile makes of a whole file's bytes and text.
    private static bool TryStreamCsv(LoadState state, string path, string council, int? yearFromName, string folder)
    {
        if (AnnexAReader.ListOfName(Path.GetFileName(path)) is not null)
        {
            return false;
        }

        using var stream = TextInput.OpenRead(path, state.Limits, unbuffered: true);
        var builders = BuildersOf(state, council);
        var head = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var read = stream.ReadAtLeast(head.AsSpan(0, 64 * 1024), 64 * 1024, throwOnEndOfStream: false);
            var start = head.AsSpan(0, read);
            if (TextInput.LooksBinary(start))
            {
                state.Refusals.Add(Problem.InFile(path, "binary file, not text"));
                return true;
            }

            if (LooksLikeXml(start))
            {
                return false;
            }

            if (IsLeftAsideCsv(start))
            {
                state.Skipped.Add(path);
                return true;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }

        if (!state.ReadSsda903)
        {
            return true;
        }

        stream.Position = 0;
        var result = Ssda903CsvReader.Read(path, stream, builders.Ssda903, yearFromName ?? 0, state.Diagnostics);
        var isEpisodes = result.Refusal is null && builders.Ssda903.Files[result.File].Kind.Contains("Episodes", StringComparison.Ordinal);
        Add903(state, builders.Files, result, folder, isEpisodes, yearFromName);
        return true;
    }

    private static (Ssda903Builder Ssda903, CinBuilder Cin, AnnexABuilder AnnexA, List<(int File, string Folder, int LatestDay, bool Episodes, bool YearKnown)> Files) BuildersOf(
        LoadState state, string council)
    {
        if (!state.Councils.TryGetValue(council, out var builders))
        {
            builders = (new Ssda903Builder(council), new CinBuilder(council), new AnnexABuilder(council), []);
            state.Councils[council] = builders;
        }

        return builders;
    }

    private static void ReadFile(LoadState state, string path, byte[] bytes, string council, int? yearFromName, string folder)
    {
        var builders = BuildersOf(state, council);

        // An XLSX workbook is taken as Ofsted's Annex A lists: the returns are never workbooks.
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            AddAnnexA(state, AnnexAReader.ReadWorkbook(path, bytes, builders.AnnexA, yearFromName ?? 0, state.Diagnostics, state.Limits), builders.AnnexA, yearFromName);
            return;
        }

        if (TextInput.LooksBinary(bytes))
        {
            state.Refusals.Add(Problem.InFile(path, "binary file, not text"));
            return;
        }

        var diagnostics = state.Diagnostics;
        var refusals = state.Refusals;

        if (LooksLikeXml(bytes))
        {
            using var stream = new MemoryStream(bytes, writable: false);
            ReadXml(state, path, stream, builders, yearFromName, folder);
            return;
        }

        string text;
        try
        {
            text = TextInput.Decode(bytes);
        }
        catch (UnreadableFileException e)
        {
            refusals.Add(Problem.InFile(path, e.Message));
            return;
        }

        if (IsLeftAsideCsv(text))
        {
            state.Skipped.Add(path);
            return;
        }

        if (AnnexAReader.IsListCsv(Path.GetFileName(path), text))
        {
            AddAnnexA(state, AnnexAReader.ReadCsv(path, text, builders.AnnexA, yearFromName ?? 0, diagnostics), builders.AnnexA, yearFromName);
            return;
        }

        if (!state.ReadSsda903)
        {
            return;
        }

        var result = Ssda903CsvReader.Read(path, text, builders.Ssda903, yearFromName ?? 0, diagnostics);
        var isEpisodes = result.Refusal is null && builders.Ssda903.Files[result.File].Kind.Contains("Episodes", StringComparison.Ordinal);
        Add903(state, builders.Files, result, folder, isEpisodes, yearFromName);
    }

    // A file known to be XML, from its stream (a file's, or an upload's bytes): a CIN census or a 903 return by its root element.
    private static void ReadXml(
        LoadState state,
        string path,
        Stream stream,
        (Ssda903Builder Ssda903, CinBuilder Cin, AnnexABuilder AnnexA, List<(int File, string Folder, int LatestDay, bool Episodes, bool YearKnown)> Files) builders,
        int? yearFromName,
        string folder)
    {
        var refusals = state.Refusals;
        var root = RootOf(stream);
        stream.Position = 0;
        if (root.Refusal is not null)
        {
            refusals.Add(Problem.InFile(path, root.Refusal));
            return;
        }

        if (root.Name == CinXmlReader.RootElement)
        {
            if (!state.ReadCin)
            {
                return;
            }

            var read = CinXmlReader.Read(path, stream, builders.Cin, state.Diagnostics);
            if (read.Refusal is null)
            {
                state.Read++;
                var cinYear = builders.Cin.Files[read.File].CollectionYear;
                if (cinYear == 0)
                {
                    builders.Cin.SetCollectionYear(read.File, yearFromName ?? YearOf(read.LatestDay));
                }
            }
            else
            {
                refusals.Add(read.Refusal);
            }

            return;
        }

        if (root.Name != Ssda903XmlReader.RootElement)
        {
            refusals.Add(Problem.InFile(path, $"unrecognised XML: the root element is {root.Name}, neither EXPSSDA903 (903) nor Message (CIN census)"));
            return;
        }

        if (!state.ReadSsda903)
        {
            return;
        }

        Add903(state, builders.Files, Ssda903XmlReader.Read(path, stream, builders.Ssda903, yearFromName ?? 0, state.Diagnostics), folder, true, yearFromName);
    }

    private static void Add903(
        LoadState state, List<(int File, string Folder, int LatestDay, bool Episodes, bool YearKnown)> files, FileReadResult result, string folder, bool isEpisodes, int? yearFromName)
    {
        if (result.Refusal is not null)
        {
            state.Refusals.Add(result.Refusal);
            return;
        }

        state.Read++;
        files.Add((result.File, folder, result.LatestDay, isEpisodes, yearFromName is not null));
    }

    // An Annex A file's collection year: the name's, else the year of its latest date (lists run to the day they are made).
    private static void AddAnnexA(LoadState state, FileReadResult result, AnnexABuilder builder, int? yearFromName)
    {
        if (result.Refusal is not null)
        {
            state.Refusals.Add(result.Refusal);
            return;
        }

        state.Read++;
        if (yearFromName is null)
        {
            builder.SetCollectionYear(result.File, YearOf(result.LatestDay));
        }
    }

    /// <summary>What a load gathers as it reads file after file.</summary>
    private sealed class LoadState
    {
        public ReadLimits Limits { get; init; } = ReadLimits.Default;

        public bool ReadCin { get; init; } = true;

        public bool ReadSsda903 { get; init; } = true;

        public bool KeepReplaced { get; init; } = true;

        public List<Problem> Diagnostics { get; } = [];

        public List<Problem> Refusals { get; } = [];

        public List<string> Skipped { get; } = [];

        public SortedDictionary<string, (Ssda903Builder Ssda903, CinBuilder Cin, AnnexABuilder AnnexA, List<(int File, string Folder, int LatestDay, bool Episodes, bool YearKnown)> Files)> Councils { get; } = new(StringComparer.Ordinal);

        public int Read { get; set; }

        public LoadResult Finish()
        {
            var datasets = new List<CouncilData>();
            foreach (var (code, builders) in Councils)
            {
                InferYears(builders.Ssda903, builders.Files);
                var ssda903 = builders.Ssda903.Files.Count > 0 ? builders.Ssda903.Build(KeepReplaced) : null;
                var cin = builders.Cin.Files.Count > 0 ? builders.Cin.Build() : null;
                var annexA = builders.AnnexA.Files.Count > 0 ? builders.AnnexA.Build() : null;
                if (ssda903 is not null || cin is not null || annexA is not null)
                {
                    datasets.Add(new CouncilData(code, ssda903, cin, annexA));
                }
            }

            return new LoadResult(datasets, Diagnostics, Refusals, Read) { Skipped = Skipped };
        }
    }

    /// <summary>
    /// A CSV that is not a return and is left aside: a DfE "explore education statistics" CSV (its header starts
    /// time_period,time_identifier), or a reference list the 903 rules read (docs/validation.md, "Issue 12, reference lists"):
    /// a postcode lookup whose header starts with a postcode column (pcds, pcd, pcd2, pcd7, pcd8), or a provider list whose
    /// header starts with URN, as `lodestar generate` writes them (DIR/reference/generated-postcodes.csv and
    /// generated-providers.csv). A return's CSV tables start with CHILD.
    /// </summary>
    private static bool IsLeftAsideCsv(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        if (text.StartsWith("time_period,time_identifier,", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var comma = text.IndexOfAny(',', '\n', '\r');
        var first = (comma < 0 ? text : text[..comma]).Trim().Trim('"');
        return first.Equals("pcds", StringComparison.OrdinalIgnoreCase) || first.Equals("pcd", StringComparison.OrdinalIgnoreCase)
            || first.Equals("pcd2", StringComparison.OrdinalIgnoreCase) || first.Equals("pcd7", StringComparison.OrdinalIgnoreCase)
            || first.Equals("pcd8", StringComparison.OrdinalIgnoreCase) || first.Equals("urn", StringComparison.OrdinalIgnoreCase);
    }

    // The same test on a file's first bytes, decoded as TextInput.Decode would (UTF-8 without its BOM, else Latin-1).
    private static bool IsLeftAsideCsv(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        head = head[..Math.Min(head.Length, 512)];
        Span<char> text = stackalloc char[512];
        try
        {
            return IsLeftAsideCsv(text[..TextInput.StrictUtf8.GetChars(head, text)]);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8 (or a character cut at the 512th byte): the test's ASCII reads the same in Latin-1.
            return IsLeftAsideCsv(text[..Encoding.Latin1.GetChars(head, text)]);
        }
    }

    /// <summary>The collection year a date falls in: 1 April Y-1 to 31 March Y is year Y; 0 for no date.</summary>
    public static int YearOf(int day) =>
        RecordValues.Date(day) is { } date ? Period.ReportingYearOf(date) : 0;

    private static void InferYears(Ssda903Builder builder, List<(int File, string Folder, int LatestDay, bool Episodes, bool YearKnown)> files)
    {
        foreach (var folder in files.Where(f => !f.YearKnown).GroupBy(f => f.Folder, StringComparer.Ordinal))
        {
            var latest = folder.Where(f => f.Episodes).Select(f => f.LatestDay).DefaultIfEmpty(RecordValues.Blank).Max();
            if (latest == RecordValues.Blank)
            {
                latest = folder.Select(f => f.LatestDay).Max();
            }

            var year = YearOf(latest);
            foreach (var file in folder)
            {
                builder.SetCollectionYear(file.File, year);
            }
        }
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths, List<Problem> refusals)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory
                    .EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = true })
                    .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                refusals.Add(Problem.InFile(path, "no such file or folder"));
            }
        }
    }

    private static string CouncilFromFolders(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        while (!string.IsNullOrEmpty(folder))
        {
            var name = Path.GetFileName(folder);
            if (CouncilCodePattern().IsMatch(name) && name != "903")
            {
                return name.ToUpperInvariant();
            }

            folder = Path.GetDirectoryName(folder);
        }

        return UnknownCouncil;
    }

    /// <summary>The collection year a file's name gives (episodes_2025.csv, cin_2024-25.xml: 2025), or null.</summary>
    public static int? YearInName(string name)
    {
        var match = YearPattern().Match(name);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups["next"].Success && int.Parse(match.Groups["next"].Value, System.Globalization.CultureInfo.InvariantCulture) == (year + 1) % 100
            ? year + 1
            : year;
    }

    private static int? YearFromName(string path)
    {
        var full = Path.GetFullPath(path);
        var part = Path.GetFileName(full);
        var folder = Path.GetDirectoryName(full);
        for (var depth = 0; depth < 4 && !string.IsNullOrEmpty(part); depth++)
        {
            if (YearInName(part) is { } year)
            {
                return year;
            }

            part = Path.GetFileName(folder);
            folder = Path.GetDirectoryName(folder);
        }

        return null;
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'<';
        }

        return false;
    }

    private static (string? Name, string? Refusal) RootOf(Stream stream)
    {
        try
        {
            using var xml = new XmlCursor(stream);
            return (xml.ReadRoot(), null);
        }
        catch (UnreadableFileException e)
        {
            return (null, e.Message);
        }
    }

    [GeneratedRegex("^(E0[6-9]|E10)[0-9]{6}$|^[0-9]{3}$", RegexOptions.IgnoreCase)]
    private static partial Regex CouncilCodePattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<year>(19|20)[0-9]{2})([-_ ]?(?<next>[0-9]{2}))?(?![0-9A-Za-z])")]
    private static partial Regex YearPattern();
}
