using System.Text;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Ssda903;

/// <summary>
/// Reads one SSDA903 table from CSV. The table is identified by its header row, not the file name;
/// columns may come in any order; fields are trimmed; a UTF-8 BOM, CRLF and quoted fields are accepted;
/// dates are dd/mm/yyyy.
/// </summary>
public static class Ssda903CsvReader
{
    public const string ChildBlankRule = "CHILD-BLANK";
    public const string ColumnMissingRule = "COLUMN-MISSING";
    public const string ColumnUnknownRule = "COLUMN-UNKNOWN";
    public const string RowWidthRule = "ROW-WIDTH";

    /// <summary>The DfE name of the 903 table a CSV header row belongs to (e.g. "Episodes"), or null when it is none of them.</summary>
    public static string? IdentifyTable(IEnumerable<string> header) =>
        Ssda903Schema.Identify(Normalise(header))?.Name;

    /// <summary>Reads the file at <paramref name="path"/> into <paramref name="builder"/>, as it streams from the disk.</summary>
    public static FileReadResult Read(string path, Ssda903Builder builder, int collectionYear, List<Problem> diagnostics, ReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(diagnostics);
        try
        {
            using var stream = TextInput.OpenRead(path, limits ?? ReadLimits.Default, unbuffered: true);
            if (TextInput.LooksBinary(stream))
            {
                return FileReadResult.Refused(path, "binary file, not text");
            }

            return Read(path, stream, builder, collectionYear, diagnostics);
        }
        catch (UnreadableFileException e)
        {
            return FileReadResult.Refused(path, e.Message);
        }
    }

    /// <summary>
    /// Reads CSV from <paramref name="stream"/> (seekable, at its start, already known not to be binary) into
    /// <paramref name="builder"/>, as the file <paramref name="path"/>: decoded as UTF-8 as it is read, or, when
    /// the bytes are not UTF-8, read again from the start as Latin-1 (byte for byte, nothing lost), as
    /// <see cref="TextInput.Decode"/> decodes a whole file.
    /// </summary>
    internal static FileReadResult Read(string path, Stream stream, Ssda903Builder builder, int collectionYear, List<Problem> diagnostics)
    {
        var bom = SkipBom(stream);
        try
        {
            using var cursor = new CsvCursor(stream, TextInput.StrictUtf8);
            return Read(path, cursor, builder, collectionYear, diagnostics);
        }
        catch (DecoderFallbackException)
        {
            stream.Position = bom;
            using var cursor = new CsvCursor(stream, Encoding.Latin1);
            return Read(path, cursor, builder, collectionYear, diagnostics);
        }
        catch (IOException e)
        {
            // The disk failed part-way: the reader has already given back what it had added.
            return FileReadResult.Refused(path, $"cannot be read ({e.GetType().Name})");
        }
    }

    private static int SkipBom(Stream stream)
    {
        Span<byte> start = stackalloc byte[3];
        var read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        var bom = read == 3 && start.SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        stream.Position = bom;
        return bom;
    }

    /// <summary>Reads CSV <paramref name="text"/> (already decoded) into <paramref name="builder"/>, as the file <paramref name="path"/>.</summary>
    public static FileReadResult Read(string path, string text, Ssda903Builder builder, int collectionYear, List<Problem> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var cursor = new CsvCursor(text);
        return Read(path, cursor, builder, collectionYear, diagnostics);
    }

    private static FileReadResult Read(string path, CsvCursor cursor, Ssda903Builder builder, int collectionYear, List<Problem> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var found = new List<Problem>();
        var file = -1;
        try
        {
            if (!cursor.Next())
            {
                return FileReadResult.Refused(path, "empty file");
            }

            var header = new string[cursor.FieldCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = cursor[i].Trim().ToString().ToUpperInvariant();
            }

            var table = Ssda903Schema.Identify(header);
            if (table is null)
            {
                return FileReadResult.Refused(path, $"unrecognised table: the header row ({Shorten(string.Join(',', header))}) is none of the SSDA903 tables");
            }

            var parser = new FieldParser(builder.Codes, found, path, "dd/mm/yyyy");
            var childColumn = Array.IndexOf(header, "CHILD");
            var map = MapColumns(header, table, parser);
            file = builder.AddFile(new SourceFile(path, $"903 {table.Name} CSV", collectionYear));
            var sink = table.Open(builder, parser);
            while (cursor.Next())
            {
                if (cursor.FieldCount != header.Length)
                {
                    parser.Report(cursor.Line, null, default, RowWidthRule, $"the row has {cursor.FieldCount} fields; the header has {header.Length}");
                }

                var childId = childColumn < cursor.FieldCount ? cursor[childColumn].Trim() : default;
                if (childId.IsEmpty)
                {
                    parser.Report(cursor.Line, "CHILD", default, ChildBlankRule, "CHILD is blank: the row cannot be placed and was not read");
                    continue;
                }

                sink.Begin();
                var fields = Math.Min(cursor.FieldCount, map.Length);
                for (var i = 0; i < fields; i++)
                {
                    if (map[i] >= 0)
                    {
                        sink.Set(map[i], cursor[i], cursor.Line, header[i]);
                    }
                }

                sink.End(builder.ChildNumber(childId), new SourceLocation(file, cursor.Line));
            }

            diagnostics.AddRange(found);
            return new FileReadResult(null, file, parser.LatestDay);
        }
        catch (UnreadableFileException e)
        {
            if (file >= 0)
            {
                builder.DiscardLastFile();
            }

            return FileReadResult.Refused(path, e.Message);
        }
        catch (Exception e) when (e is DecoderFallbackException or IOException)
        {
            // Not UTF-8 after all (read again as Latin-1 by the caller), or the disk failed: no half-read file is kept.
            if (file >= 0)
            {
                builder.DiscardLastFile();
            }

            throw;
        }
    }

    private static int[] MapColumns(string[] header, ISsda903Table table, FieldParser parser)
    {
        var map = new int[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            map[i] = Array.IndexOf(header, header[i]) < i ? -1 : table.FieldIndex(header[i]);
            if (map[i] < 0 && header[i] != "CHILD")
            {
                parser.Report(1, header[i], default, ColumnUnknownRule, $"column {header[i]} is not part of the {table.Name} table (or is repeated) and was ignored", Severity.Warning);
            }
        }

        foreach (var column in table.Columns)
        {
            if (!header.Contains(column) && !table.IsOptional(column))
            {
                parser.Report(1, column, default, ColumnMissingRule, $"the {table.Name} table has no {column} column: every value is taken as blank", Severity.Warning);
            }
        }

        return map;
    }

    private static string[] Normalise(IEnumerable<string> header) =>
        [.. header.Select(h => h.Trim().ToUpperInvariant())];

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
