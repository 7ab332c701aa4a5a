using Lodestar.Metrics.Records;

namespace Lodestar.Formats;

/// <summary>How serious a finding is: an error fails the return; a warning asks for a check.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// One finding about the data, placed exactly: the file, the 1-based line, the column (CSV header
/// name or XML element name) and the value as written. The value may be child-level data: show it to
/// the user who owns the file, never write it to a log.
/// </summary>
public sealed record Diagnostic(
    string File,
    int Line,
    string? Column,
    string? Value,
    string Rule,
    Severity Severity,
    string Message);

/// <summary>A file that could not be read at all, with the one-line reason (no child-level data in it).</summary>
public sealed record FileRefusal(string File, string Message);

/// <summary>What reading one file gave: the refusal when it could not be read, else its index in the builder's files and the latest date in it.</summary>
public sealed record FileReadResult(FileRefusal? Refusal, int File, int LatestDay)
{
    internal static FileReadResult Refused(string path, string message) => new(new FileRefusal(path, message), -1, RecordValues.Blank);
}
