using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Ssda903;

/// <summary>
/// Reads an SSDA903 return in XML: <c>EXPSSDA903/CHILD</c>, each CHILD holding a HEADER and repeated
/// EPISODE, REVIEW, UASC, OC2, OC3, AD1, PLACED_ADOPTION, PREV_PERM, MISSING and SW_EPISODE elements
/// (directly, or inside a wrapper such as EPISODES). Field elements are named as the CSV columns,
/// except CHILDID for CHILD and PL for PLACE. Dates dd/mm/yyyy (yyyy-mm-dd is read too).
/// </summary>
internal static class Ssda903XmlReader
{
    public const string RootElement = "EXPSSDA903";
    public const string ElementUnknownRule = "ELEMENT-UNKNOWN";

    // EXPSSDA903 (0) / CHILD (1) / wrapper such as EPISODES (2) / row (3): deeper wrappers are not read.
    private const int MaxWrapperDepth = 3;

    public static FileReadResult Read(string path, Ssda903Builder builder, int collectionYear, List<Problem> diagnostics, ReadLimits? limits = null)
    {
        byte[] bytes;
        try
        {
            bytes = TextInput.ReadBytes(path, limits ?? ReadLimits.Default);
            if (TextInput.LooksBinary(bytes))
            {
                return FileReadResult.Refused(path, "binary file, not text");
            }
        }
        catch (UnreadableFileException e)
        {
            return FileReadResult.Refused(path, e.Message);
        }

        using var stream = new MemoryStream(bytes, writable: false);
        return Read(path, stream, builder, collectionYear, diagnostics);
    }

    public static FileReadResult Read(string path, Stream stream, Ssda903Builder builder, int collectionYear, List<Problem> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var found = new List<Problem>();
        var file = -1;
        try
        {
            using var xml = new XmlCursor(stream);
            var root = xml.ReadRoot();
            if (root != RootElement)
            {
                return FileReadResult.Refused(path, $"unrecognised XML: the root element is {root}, not {RootElement}");
            }

            file = builder.AddFile(new SourceFile(path, "903 XML", collectionYear));
            var parser = new FieldParser(builder.Codes, found, path, "dd/mm/yyyy");
            var sinks = new Dictionary<ISsda903Table, ISsda903RowSink>();
            var pending = new List<PendingRow>();
            var rootEmpty = xml.IsEmpty;
            while (xml.NextChild(0, rootEmpty))
            {
                if (xml.Name != "CHILD")
                {
                    parser.Report(xml.Line, xml.Name, default, ElementUnknownRule, $"element {xml.Name} is not part of the 903 XML and was ignored", Severity.Warning);
                    xml.Skip();
                    continue;
                }

                ReadChild(xml, builder, parser, sinks, pending, file);
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
    }

    private sealed record PendingRow(ISsda903Table Table, int Line, List<(int Field, string Text, string Column)> Fields);

    private static void ReadChild(
        XmlCursor xml,
        Ssda903Builder builder,
        FieldParser parser,
        Dictionary<ISsda903Table, ISsda903RowSink> sinks,
        List<PendingRow> pending,
        int file)
    {
        var childLine = xml.Line;
        var depth = xml.Depth;
        var empty = xml.IsEmpty;
        string? childId = null;
        pending.Clear();
        ReadRows(depth, empty);

        if (string.IsNullOrEmpty(childId))
        {
            parser.Report(childLine, "CHILDID", default, Ssda903CsvReader.ChildBlankRule, "CHILD has no CHILDID: its records cannot be placed and were not read");
            return;
        }

        var child = builder.ChildNumber(childId);
        foreach (var row in pending)
        {
            if (!sinks.TryGetValue(row.Table, out var sink))
            {
                sink = sinks[row.Table] = row.Table.Open(builder, parser);
            }

            sink.Begin();
            foreach (var (field, text, column) in row.Fields)
            {
                sink.Set(field, text, row.Line, column);
            }

            sink.End(child, new SourceLocation(file, row.Line));
        }

        void ReadRows(int parentDepth, bool parentEmpty)
        {
            while (xml.NextChild(parentDepth, parentEmpty))
            {
                var table = Ssda903Schema.ForXmlElement(xml.Name);
                var elementDepth = xml.Depth;
                var elementEmpty = xml.IsEmpty;
                if (table is null)
                {
                    if (elementDepth >= MaxWrapperDepth)
                    {
                        // Bounded so that hostile nesting cannot exhaust the stack.
                        parser.Report(xml.Line, xml.Name, default, ElementUnknownRule, $"element {xml.Name} is not part of the 903 XML and was ignored", Severity.Warning);
                        xml.Skip();
                        continue;
                    }

                    // A wrapper such as EPISODES: its children are the rows.
                    ReadRows(elementDepth, elementEmpty);
                    continue;
                }

                var row = new PendingRow(table, xml.Line, []);
                while (xml.NextChild(elementDepth, elementEmpty))
                {
                    var column = xml.Name.ToUpperInvariant();
                    var line = xml.Line;
                    var text = xml.ReadLeaf().ToString();
                    if (column is "CHILDID" or "CHILD")
                    {
                        childId ??= text;
                        continue;
                    }

                    var field = table.FieldIndex(column == "PL" ? "PLACE" : column);
                    if (field < 0)
                    {
                        parser.Report(line, xml.Name, default, ElementUnknownRule, $"element {xml.Name} is not part of the {table.Name} table and was ignored", Severity.Warning);
                        continue;
                    }

                    row.Fields.Add((field, text, column));
                }

                pending.Add(row);
            }
        }
    }
}
