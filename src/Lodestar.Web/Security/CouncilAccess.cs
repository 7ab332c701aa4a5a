using Lodestar.Domain.Councils;

namespace Lodestar.Web.Security;

/// <summary>
/// Which councils the signed-in user may see. STUB until per-user council grants arrive (issue 11):
/// every council Lodestar knows (<see cref="CouncilList"/>) is allowed. Pages call it on every
/// council's route and answer 404 when it refuses, exactly as for an unknown council.
/// </summary>
internal sealed class CouncilAccess
{
    private static readonly IReadOnlySet<string> Known = CouncilList.All.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    public Task<bool> AllowsAsync(string councilCode, CancellationToken cancellationToken) =>
        Task.FromResult(Known.Contains(councilCode));

    public Task<IReadOnlySet<string>> AllowedAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Known);
}
