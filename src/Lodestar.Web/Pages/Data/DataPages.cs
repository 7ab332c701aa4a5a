using System.Globalization;
using Lodestar.Data.Returns;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Lodestar.Web.Security;

namespace Lodestar.Web.Pages.Data;

/// <summary>What the Data pages share: the council boundary, and how statuses, returns and problems read.</summary>
internal static class DataPages
{
    /// <summary>The council of a Data route when it exists and the user may see it; null (so 404) otherwise.</summary>
    public static async Task<Council?> CouncilAsync(CouncilAccess access, string code, CancellationToken cancellationToken) =>
        CouncilList.Find(code) is { } council && string.Equals(council.Code, code, StringComparison.OrdinalIgnoreCase)
            && await access.AllowsAsync(council.Code, cancellationToken)
            ? council
            : null;

    public static string Address(string council) => $"/councils/{council}/data";

    public static string Address(string council, long submission) => $"/councils/{council}/data/submissions/{submission}";

    public static string Return(StatutoryReturn statutoryReturn) => statutoryReturn.Label();

    public static string Status(SubmissionStatus status) => status switch
    {
        SubmissionStatus.RolledBack => "Rolled back",
        _ => status.ToString(),
    };

    /// <summary>The GOV.UK tag colour of a status.</summary>
    public static string StatusTag(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Checked => "govuk-tag--blue",
        SubmissionStatus.Confirmed => "govuk-tag--green",
        SubmissionStatus.Superseded => "govuk-tag--grey",
        SubmissionStatus.RolledBack => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };

    public static string When(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };

    /// <summary>A refusal as one line of the error summary: file, line, column and value, then the message.</summary>
    public static string Describe(Problem problem)
    {
        var where = string.Join(", ", new[]
        {
            problem.File,
            problem.Line > 0 ? $"line {problem.Line.ToString(CultureInfo.InvariantCulture)}" : null,
            problem.Column is { Length: > 0 } column ? $"column {column}" : null,
            problem.Value is { Length: > 0 } value ? $"value '{(value.Length > 80 ? value[..80] + "…" : value)}'" : null,
        }.OfType<string>());
        return where.Length > 0 ? $"{where}: {problem.Message}" : problem.Message;
    }
}
