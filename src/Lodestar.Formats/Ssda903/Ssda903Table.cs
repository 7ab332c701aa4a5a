using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Ssda903;

internal delegate void FieldSetter<TRow>(ref TRow row, int value);

internal delegate void RowAdder<TRow>(Ssda903Builder builder, int child, in TRow row, SourceLocation at);

/// <summary>One column of a 903 table. An optional column (the Header's UASC) may be left out of a file without a warning.</summary>
internal sealed record Ssda903Field<TRow>(string Name, FieldKind Kind, FieldSetter<TRow> Set, bool Optional = false);

/// <summary>One 903 table as files hold it: its DfE name, the columns that identify it, its XML element names and its fields.</summary>
internal interface ISsda903Table
{
    string Name { get; }

    IReadOnlyList<string> Signature { get; }

    IReadOnlyList<string> XmlNames { get; }

    IReadOnlyList<string> Columns { get; }

    int FieldIndex(string column);

    /// <summary>Whether <paramref name="column"/> may be left out of a file without a warning.</summary>
    bool IsOptional(string column);

    ISsda903RowSink Open(Ssda903Builder builder, FieldParser parser);
}

/// <summary>Receives one row's fields, then adds the row.</summary>
internal interface ISsda903RowSink
{
    void Begin();

    void Set(int field, ReadOnlySpan<char> text, int line, string column);

    void End(int child, SourceLocation at);
}

internal sealed class Ssda903Table<TRow>(
    string name,
    string[] signature,
    string[] xmlNames,
    TRow empty,
    RowAdder<TRow> add,
    Ssda903Field<TRow>[] fields,
    FieldSetter<TRow>? setYear) : ISsda903Table
    where TRow : struct
{
    public string Name => name;

    public IReadOnlyList<string> Signature => signature;

    public IReadOnlyList<string> XmlNames => xmlNames;

    public IReadOnlyList<string> Columns { get; } = ["CHILD", .. fields.Select(f => f.Name)];

    /// <summary>Sets the row's collection year (OC2, OC3); null for tables without one.</summary>
    public FieldSetter<TRow>? SetYear => setYear;

    public TRow Empty => empty;

    public Ssda903Field<TRow>[] Fields => fields;

    public int FieldIndex(string column) => Array.FindIndex(fields, f => f.Name == column);

    public bool IsOptional(string column) => Array.Exists(fields, f => f.Name == column && f.Optional);

    public ISsda903RowSink Open(Ssda903Builder builder, FieldParser parser) => new Sink(this, builder, parser);

    private sealed class Sink(Ssda903Table<TRow> table, Ssda903Builder builder, FieldParser parser) : ISsda903RowSink
    {
        private TRow _row;

        private readonly Ssda903Field<TRow>[] _fields = table.Fields;

        public void Begin() => _row = table.Empty;

        public void Set(int field, ReadOnlySpan<char> text, int line, string column)
        {
            var spec = _fields[field];
            spec.Set(ref _row, parser.Parse(spec.Kind, text, line, column));
        }

        public void End(int child, SourceLocation at) => table.Add(builder, child, _row, at);
    }

    private void Add(Ssda903Builder builder, int child, in TRow row, SourceLocation at) => add(builder, child, row, at);
}
