using System.Globalization;
using System.Text.RegularExpressions;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Frameworks;

namespace Lodestar.Application.Imports;

/// <summary>The readers' problems as <see cref="Problem"/>s.</summary>
internal static partial class ImportProblems
{
    public static IEnumerable<Problem> From(IEnumerable<FileProblem> problems) => problems.Select(p =>
        RowAndColumn().Match(p.Location) is { Success: true } m
            ? new Problem(p.File, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Success ? m.Groups[2].Value : null, null, p.Message)
            : new Problem(p.File, 0, null, null, p.Location.Length == 0 ? p.Message : $"{p.Location}: {p.Message}"));

    [GeneratedRegex(@"^row (\d+)(?:, column (.+))?$")]
    private static partial Regex RowAndColumn();
}
