using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Lodestar.Formats.AnnexA;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats;

/// <summary>One return and collection year of a council's files: the files in name order, each named by its file name alone.</summary>
public sealed record ReturnYear(StatutoryReturn Return, int CollectionYear, IReadOnlyList<InputFile> Files);

/// <summary>
/// One council's files, each read from the disk and parsed once (<see cref="StatutoryDataLoader.ReadCouncil"/>), grouped by
/// return and collection year as <see cref="StatutoryDataLoader.Load(IEnumerable{string}, LoadOptions?, IProgress{string}?)"/>
/// would give them, and from that one reading each year as an upload of its files is loaded (<see cref="Load"/>), a year
/// with the year before it (<see cref="LoadWithPrevious"/>) and every year merged (<see cref="Merged"/>).
/// </summary>
/// <remarks>
/// Each file's rows are kept in builders of its own, never built: a view is a new builder given the files' rows in order
/// (<see cref="Ssda903Builder.Append"/>, <see cref="CinBuilder.Append"/>), which is what reading those files into it would
/// have given. Annex A lists, and a year whose collection year is not known, are read again from their bytes for each view.
/// </remarks>
public sealed class CouncilReturns
{
    private readonly ReadLimits _limits;
    private readonly Dictionary<InputFile, StatutoryDataLoader.FileRead> _reads;

    internal CouncilReturns(string councilCode, ReadLimits limits, IReadOnlyList<Problem> refusals, IReadOnlyList<ReturnYear> years, Dictionary<InputFile, StatutoryDataLoader.FileRead> reads)
    {
        CouncilCode = councilCode;
        _limits = limits;
        Refusals = refusals;
        Years = years;
        _reads = reads;
    }

    /// <summary>The council.</summary>
    public string CouncilCode { get; }

    /// <summary>The files that could not be read, named by their paths; when there are any, <see cref="Years"/> leaves them out.</summary>
    public IReadOnlyList<Problem> Refusals { get; }

    /// <summary>Each return and collection year, by return, then year (0: not known).</summary>
    public IReadOnlyList<ReturnYear> Years { get; }

    /// <summary>
    /// The year as <see cref="StatutoryDataLoader.Load(IEnumerable{InputFile}, string, int?, ReadLimits?)"/> loads its files, with
    /// its collection year (none when it is 0).
    /// </summary>
    public LoadResult Load(ReturnYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (year.Return == StatutoryReturn.AnnexA || year.CollectionYear == 0)
        {
            return StatutoryDataLoader.Load(year.Files, CouncilCode, year.CollectionYear == 0 ? null : year.CollectionYear, _limits);
        }

        return Compose([(year, null)], keepReplaced: true);
    }

    /// <summary>
    /// The year and the one before it, as <see cref="StatutoryDataLoader.Load(string, IEnumerable{InputYear}, ReadLimits?, bool)"/>
    /// loads them, with no size limit (the files were read): the previous year's files named with <paramref name="previousPrefix"/> before them.
    /// </summary>
    public LoadResult LoadWithPrevious(ReturnYear year, ReturnYear previous, string previousPrefix)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(previousPrefix);
        if (year.Return == StatutoryReturn.AnnexA || previous.Return == StatutoryReturn.AnnexA || year.CollectionYear == 0 || previous.CollectionYear == 0)
        {
            return StatutoryDataLoader.Load(
                CouncilCode,
                [new InputYear(previous.CollectionYear, [.. previous.Files.Select(f => new InputFile(previousPrefix + f.Name, f.Content))]), new InputYear(year.CollectionYear, year.Files)],
                new ReadLimits(long.MaxValue));
        }

        return Compose([(previous, previousPrefix), (year, null)], keepReplaced: true);
    }

    /// <summary>
    /// Every year merged, as <see cref="StatutoryDataLoader.Load(string, IEnumerable{InputYear}, ReadLimits?, bool)"/> merges a
    /// council's confirmed submissions (in the order of <see cref="Years"/>), or null when there are none.
    /// </summary>
    /// <param name="keepReplaced">Whether the 903 records a later year replaced are kept apart (see that method).</param>
    public CouncilData? Merged(bool keepReplaced = false)
    {
        var read = Years.Where(y => y.Return != StatutoryReturn.AnnexA).Select(y => (y, (string?)null)).ToList();
        var data = read.Count > 0 ? Compose(read, keepReplaced).Councils.Single() : null;
        var annexA = Years.Where(y => y.Return == StatutoryReturn.AnnexA).Select(y => new InputYear(y.CollectionYear, y.Files)).ToList();
        if (annexA.Count == 0)
        {
            return data;
        }

        var lists = StatutoryDataLoader.Load(CouncilCode, annexA, new ReadLimits(long.MaxValue), keepReplaced).Councils.Single().AnnexA;
        return data is null ? new CouncilData(CouncilCode, null, null, lists) : data with { AnnexA = lists };
    }

    // The years' files, in order, into new builders (each path with its prefix), built.
    private LoadResult Compose(IReadOnlyList<(ReturnYear Year, string? Prefix)> years, bool keepReplaced)
    {
        Ssda903Builder? ssda903 = null;
        CinBuilder? cin = null;
        var diagnostics = new List<Problem>();
        var files = 0;
        foreach (var (year, prefix) in years)
        {
            foreach (var file in year.Files)
            {
                var read = _reads[file];
                files++;
                diagnostics.AddRange(prefix is null ? read.Diagnostics : read.Diagnostics.Select(p => p.File is { } name ? p with { File = prefix + name } : p));
                if (year.Return == StatutoryReturn.Ssda903)
                {
                    (ssda903 ??= new Ssda903Builder(CouncilCode)).Append(read.Ssda903, prefix);
                }
                else
                {
                    (cin ??= new CinBuilder(CouncilCode)).Append(read.Cin, prefix);
                }
            }
        }

        return new LoadResult([new CouncilData(CouncilCode, ssda903?.Build(keepReplaced), cin?.Build())], diagnostics, [], files);
    }
}

public static partial class StatutoryDataLoader
{
    /// <summary>
    /// Reads one council's files (files, or folders searched recursively, as <see cref="Load(IEnumerable{string}, LoadOptions?, IProgress{string}?)"/>
    /// finds them), each from the disk once and parsed once from its bytes, as an upload's files are: each file's return and
    /// collection year as that load gives them (a 903 year inferred from the dates within a folder, a CIN census's from its
    /// Header), the files grouped by return and year, each group's files in name order. DfE statistics CSVs are passed over.
    /// </summary>
    /// <param name="councilCode">The council every file belongs to.</param>
    /// <param name="paths">Its files and folders.</param>
    /// <param name="limits">The largest file read; null: the defaults.</param>
    public static CouncilReturns ReadCouncil(string councilCode, IEnumerable<string> paths, ReadLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(councilCode);
        ArgumentNullException.ThrowIfNull(paths);
        limits ??= ReadLimits.Default;
        var refusals = new List<Problem>();
        var reads = new List<(InputFile File, FileRead Read, StatutoryReturn Return, string Folder, int LatestDay, bool Episodes, bool YearKnown)>();
        foreach (var path in Expand(paths, refusals))
        {
            var name = Path.GetFileName(path);
            byte[] bytes;
            try
            {
                bytes = TextInput.ReadBytes(path, limits);
            }
            catch (UnreadableFileException e)
            {
                refusals.Add(Problem.InFile(path, e.Message));
                continue;
            }
            catch (IOException e)
            {
                refusals.Add(Problem.InFile(path, $"cannot be read ({e.GetType().Name})"));
                continue;
            }

            // Each file into builders of its own, named as an upload's file is (its name alone), so that its rows and findings
            // are those an upload of it gives; its year as a load of the folders gives it.
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
            var state = new LoadState { Limits = limits };
            ReadFile(state, name, bytes, councilCode, YearFromName(path), folder);
            refusals.AddRange(state.Refusals.Select(p => p.File == name ? p with { File = path } : p));
            if (state.Refusals.Count > 0 || state.Skipped.Count > 0)
            {
                continue;
            }

            var builders = state.Councils[councilCode];
            var read = new FileRead(builders.Ssda903, builders.Cin, builders.AnnexA, state.Diagnostics);
            var file = new InputFile(name, bytes);
            if (builders.Ssda903.Files.Count > 0)
            {
                var (_, _, latest, episodes, known) = builders.Files.Single();
                reads.Add((file, read, StatutoryReturn.Ssda903, folder, latest, episodes, known));
            }
            else if (builders.Cin.Files.Count > 0)
            {
                reads.Add((file, read, StatutoryReturn.Cin, folder, 0, false, true));
            }
            else if (builders.AnnexA.Files.Count > 0)
            {
                reads.Add((file, read, StatutoryReturn.AnnexA, folder, 0, false, true));
            }
        }

        // A 903 year not in the names: the latest date of the folder's Episodes (else of any of its tables), as Load infers it.
        foreach (var folder in reads.Where(r => !r.YearKnown).GroupBy(r => r.Folder, StringComparer.Ordinal))
        {
            var latest = folder.Where(f => f.Episodes).Select(f => f.LatestDay).DefaultIfEmpty(RecordValues.Blank).Max();
            if (latest == RecordValues.Blank)
            {
                latest = folder.Select(f => f.LatestDay).Max();
            }

            foreach (var file in folder)
            {
                file.Read.Ssda903.SetCollectionYear(0, YearOf(latest));
            }
        }

        var years = reads
            .GroupBy(r => (r.Return, Year: YearOfRead(r.Return, r.Read)))
            .OrderBy(g => g.Key.Return).ThenBy(g => g.Key.Year)
            .Select(g => new ReturnYear(g.Key.Return, g.Key.Year, [.. g.Select(r => r.File).OrderBy(f => f.Name, StringComparer.Ordinal)]))
            .ToList();
        return new CouncilReturns(councilCode, limits, refusals, refusals.Count > 0 ? [] : years, reads.ToDictionary<(InputFile File, FileRead Read, StatutoryReturn Return, string Folder, int LatestDay, bool Episodes, bool YearKnown), InputFile, FileRead>(r => r.File, r => r.Read, ReferenceEqualityComparer.Instance));

        static int YearOfRead(StatutoryReturn kind, FileRead read) => kind switch
        {
            StatutoryReturn.Ssda903 => read.Ssda903.Files[0].CollectionYear,
            StatutoryReturn.Cin => read.Cin.Files[0].CollectionYear,
            _ => read.AnnexA.Files[0].CollectionYear,
        };
    }

    /// <summary>One file read into builders of its own (only one of them holds it), and the findings made reading it.</summary>
    internal sealed record FileRead(Ssda903Builder Ssda903, CinBuilder Cin, AnnexABuilder AnnexA, IReadOnlyList<Problem> Diagnostics);
}
