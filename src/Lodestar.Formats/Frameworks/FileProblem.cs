namespace Lodestar.Formats.Frameworks;

/// <summary>
/// Something wrong in a file, where it is and what it is, e.g.
/// "leics.yaml: line 12, column 5: unknown key 'titel'" or "values.csv: row 3, column value: 'abc' is not a number".
/// </summary>
public sealed record FileProblem(string File, string Location, string Message)
{
    public override string ToString() => Location.Length == 0 ? $"{File}: {Message}" : $"{File}: {Location}: {Message}";
}
