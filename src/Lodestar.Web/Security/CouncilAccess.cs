using Lodestar.Data.Security;

namespace Lodestar.Web.Security;

/// <summary>
/// The signed-in user's council grants, for one request (registered scoped): the rule is
/// <see cref="CouncilGrants"/>, the one the command line asks too, read from the database on every
/// request so a revocation counts from the next one (never from the cookie). A council the user may not
/// see is answered as an unknown one: 404.
/// </summary>
internal sealed class CouncilAccess(CouncilGrants grants, IHttpContextAccessor http)
{
    private IReadOnlySet<string>? _allowed;

    private string? UserName => http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    /// <summary>true when the signed-in user may see this council (a grant for it, or all councils). Unknown council: false.</summary>
    public Task<bool> AllowsAsync(string councilCode, CancellationToken cancellationToken) =>
        grants.AllowsAsync(UserName, councilCode, cancellationToken);

    /// <summary>the council codes the user may see, for pickers and lists (all known councils when "all councils").</summary>
    public async Task<IReadOnlySet<string>> AllowedAsync(CancellationToken cancellationToken) =>
        _allowed ??= await grants.AllowedAsync(UserName, cancellationToken);
}
