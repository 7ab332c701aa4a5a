using System.Security.Claims;
using System.Text.Encodings.Web;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Lodestar.Web.Api;

/// <summary>
/// The <c>Authorization: Bearer lsp_…</c> scheme of the JSON API: a personal access token
/// (<see cref="ApiTokens"/>) signs the request in as the token's owner with the owner's roles now; council
/// grants are asked of the database per request as for a cookie. Checked on every request, so a revoked or
/// expired token, or a disabled owner, answers 401 at once. Only /api/v1 accepts it; pages stay cookie-only.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var owner = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (owner is null)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired, or its owner is disabled.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, owner.UserName) };
        claims.AddRange(owner.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
