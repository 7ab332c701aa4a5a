using System.IO.Compression;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;

namespace Lodestar.Formats;

/// <summary>
/// Opens the zip files of an upload into the files they hold, so that a council can send its return as
/// one zip. A zip is refused whole (nothing of the upload is read further) when an entry's name is
/// absolute or climbs out of the zip (<c>..</c>), when it holds another zip, too many entries, more bytes
/// than the read limit once inflated, or an entry inflating to an absurd multiple of its compressed size
/// (a zip bomb). Sizes are counted while inflating: the sizes the zip's headers claim are never trusted.
/// </summary>
public static class ZipUploads
{
    /// <summary>The most entries a zip may hold (a 903 return is 11 tables, a CIN census one file).</summary>
    public const int MaxEntries = 100;

    /// <summary>
    /// The most an entry may inflate to per compressed byte. Returns compress well (repetitive codes and
    /// dates: 5–30 times); a zip bomb is hundreds or thousands of times. Small entries are not judged by it.
    /// </summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>Entries inflating to less than this are never refused for their ratio.</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    /// <summary>Whether a file of an upload is taken as a zip: by its name.</summary>
    public static bool IsZip(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The upload with each zip replaced by its files (named by their file names alone, folders dropped,
    /// directory entries and macOS resource forks left out), the other files as they are; or the problems
    /// that refuse it, each naming the zip (File) and the entry (Value).
    /// </summary>
    public static Result<IReadOnlyList<InputFile>> Expand(IReadOnlyList<InputFile> files, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        limits ??= ReadLimits.Default;
        var expanded = new List<InputFile>();
        var problems = new List<Problem>();
        foreach (var file in files)
        {
            if (IsZip(file.Name))
            {
                problems.AddRange(Open(file, limits, expanded));
            }
            else
            {
                expanded.Add(file);
            }
        }

        return problems.Count > 0 ? Result.Failure<IReadOnlyList<InputFile>>(problems) : Result.Success<IReadOnlyList<InputFile>>(expanded);
    }

    /// <summary>
    /// Whether a zip package that is read as one document (an XLSX workbook) is safe to open: every entry is
    /// inflated and counted, refused over the size limit or at a zip bomb's ratio, as the entries of an
    /// uploaded zip are; the bytes are thrown away. Null when it is safe or not a zip at all (the reader says so).
    /// </summary>
    internal static Problem? PackageProblem(string name, byte[] content, ReadLimits limits)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > 10 * MaxEntries)
            {
                return Problem.InFile(name, $"the workbook holds {archive.Entries.Count} parts: refused");
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var inflated = Inflate(name, entry, limits.MaxFileBytes - total, limits.MaxFileBytes, out var refusal);
                if (refusal is not null)
                {
                    return refusal;
                }

                total += inflated!.Length;
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return null;
        }
    }

    private static List<Problem> Open(InputFile zip, ReadLimits limits, List<InputFile> into)
    {
        var problems = new List<Problem>();
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip.Content, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                return [Problem.InFile(zip.Name, $"the zip holds {archive.Entries.Count} entries, more than {MaxEntries}: send the return files alone")];
            }

            // Names first, before a byte is inflated: one bad name refuses the zip.
            foreach (var entry in archive.Entries)
            {
                if (NameProblem(entry.FullName) is { } problem)
                {
                    problems.Add(new Problem(zip.Name, 0, null, entry.FullName, $"entry '{entry.FullName}' {problem}"));
                }
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            long total = 0;
            var files = new List<InputFile>();
            foreach (var entry in archive.Entries)
            {
                var name = FileName(entry.FullName);
                if (name.Length == 0 || IsResourceFork(entry.FullName))
                {
                    continue;
                }

                var content = Inflate(zip.Name, entry, limits.MaxFileBytes - total, limits.MaxFileBytes, out var refusal);
                if (refusal is not null)
                {
                    return [refusal];
                }

                total += content!.Length;
                if (IsZip(name) || StartsLikeZip(content))
                {
                    return [new Problem(zip.Name, 0, null, entry.FullName, $"entry '{entry.FullName}' is itself a zip: put the return files in one zip, not zips in a zip")];
                }

                files.Add(new InputFile(name, content));
            }

            if (files.Count == 0)
            {
                return [Problem.InFile(zip.Name, "the zip holds no file")];
            }

            into.AddRange(files);
            return [];
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            // The archive's own structure (or an encrypted or unknown-method entry) cannot be read.
            return [Problem.InFile(zip.Name, "cannot be read as a zip file (damaged, encrypted or not a zip)")];
        }
    }

    // Refused names: absolute (a leading slash, a drive or a UNC root) or with a .. segment; either could
    // write outside a folder if a tool unpacked the zip, and neither is how a council's export is made.
    private static string? NameProblem(string fullName)
    {
        var name = fullName.Replace('\\', '/');
        if (name.StartsWith('/') || (name.Length >= 2 && name[1] == ':'))
        {
            return "has an absolute path: the zip's entries must be relative";
        }

        if (name.Split('/').Any(segment => segment == ".."))
        {
            return "climbs out of the zip with '..' (path traversal): refused";
        }

        return null;
    }

    private static string FileName(string fullName)
    {
        var name = fullName.Replace('\\', '/');
        return name[(name.LastIndexOf('/') + 1)..];
    }

    private static bool IsResourceFork(string fullName)
    {
        var name = fullName.Replace('\\', '/');
        return name.StartsWith("__MACOSX/", StringComparison.Ordinal) || FileName(name).StartsWith("._", StringComparison.Ordinal);
    }

    private static bool StartsLikeZip(byte[] content) =>
        content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    // Inflates one entry counting the bytes as they come: stops at the budget left or an absurd ratio,
    // whatever the entry's header says its size is.
    private static byte[]? Inflate(string zipName, ZipArchiveEntry entry, long budget, long maxBytes, out Problem? refusal)
    {
        refusal = null;
        using var input = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        var compressed = Math.Max(1, entry.CompressedLength);
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > budget)
            {
                refusal = new Problem(zipName, 0, null, entry.FullName,
                    $"entry '{entry.FullName}' takes the zip over the size limit of {Mib(maxBytes)} once unpacked: refused");
                return null;
            }

            if (output.Length > RatioFloorBytes && output.Length / compressed > MaxCompressionRatio)
            {
                refusal = new Problem(zipName, 0, null, entry.FullName,
                    $"entry '{entry.FullName}' unpacks to more than {MaxCompressionRatio} times its compressed size (a zip bomb?): refused");
                return null;
            }
        }

        return output.ToArray();
    }

    private static string Mib(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
