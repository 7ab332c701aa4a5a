using System.Text;

namespace Lodestar.Domain.Problems;

/// <summary>How serious a problem is: an error stops the operation (or fails the return); a warning asks for a check.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// An expected failure, placed as exactly as its source allows: the file, the 1-based line (a text
/// file's line or a sheet's row; 0 when there is none), the column (a CSV header, an XML element, a
/// sheet column name, a YAML column number) and the value as written. Validation findings also carry
/// the rule id and may be warnings. The value may be child-level data: show it to the user who owns
/// the file, never write it to a log.
/// </summary>
/// <param name="File">The file's name or path, or null when the problem is not in a file.</param>
/// <param name="Line">The 1-based line or row, or 0 when there is none.</param>
/// <param name="Column">The column's name, or null.</param>
/// <param name="Value">The value as written, or null.</param>
/// <param name="Message">What is wrong, in words for the person who can fix it.</param>
public sealed record Problem(string? File, int Line, string? Column, string? Value, string Message)
{
    /// <summary>A problem that is not in a file (for example a measure another framework already defines).</summary>
    public Problem(string message)
        : this(null, 0, null, null, message)
    {
    }

    /// <summary>The validation rule that found it, for validation findings; else null.</summary>
    public string? Rule { get; init; }

    /// <summary>Error unless said otherwise.</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>A problem with a whole file, such as one that cannot be read.</summary>
    public static Problem InFile(string file, string message) => new(file, 0, null, null, message);

    /// <summary>Reads like "episodes.csv, line 12, column DECOM, value '2025-13-01': not a date".</summary>
    public override string ToString()
    {
        var place = new StringBuilder();
        void Part(string text) => place.Append(place.Length == 0 ? text : ", " + text);
        if (!string.IsNullOrEmpty(File))
        {
            Part(File);
        }

        if (Line > 0)
        {
            Part($"line {Line}");
        }

        if (!string.IsNullOrEmpty(Column))
        {
            Part($"column {Column}");
        }

        if (Value is not null)
        {
            Part($"value '{Value}'");
        }

        return place.Length == 0 ? Message : $"{place}: {Message}";
    }
}
