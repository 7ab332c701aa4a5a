using Lodestar.Domain.Problems;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats;

/// <summary>What reading one file gave: the refusal (a problem naming the file) when it could not be read, else its index in the builder's files and the latest date in it.</summary>
public sealed record FileReadResult(Problem? Refusal, int File, int LatestDay)
{
    internal static FileReadResult Refused(string path, string message) => new(Problem.InFile(path, message), -1, RecordValues.Blank);
}
