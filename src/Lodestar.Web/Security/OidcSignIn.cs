using System.Security.Claims;
using Lodestar.Data.Security;
using Lodestar.Domain.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Lodestar.Web.Security;

/// <summary>
/// Optional sign-in with an OpenID Connect provider (Microsoft Entra ID is what most councils use), on only when
/// <c>Lodestar:Security:Oidc:Authority</c> and <c>ClientId</c> are set. The provider says who the person is; Lodestar
/// decides what they may do: the identity is mapped to an enabled local user by one claim
/// (<c>Lodestar:Security:Oidc:UserClaim</c>, default <c>preferred_username</c>), and that user's roles and council
/// grants apply. An identity with no enabled local user is refused (docs/web.md, "Accounts").
/// </summary>
internal sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret, string UserClaim, string DisplayName)
{
    public const string Scheme = "oidc";
    public const string Section = "Lodestar:Security:Oidc";

    /// <summary>The settings, or null when OIDC is not configured (no Authority or no ClientId).</summary>
    public static OidcSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var authority = section["Authority"];
        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(authority) || string.IsNullOrWhiteSpace(clientId))
        {
            return null;
        }

        return new OidcSettings(
            authority.Trim(),
            clientId.Trim(),
            string.IsNullOrWhiteSpace(section["ClientSecret"]) ? null : section["ClientSecret"],
            string.IsNullOrWhiteSpace(section["UserClaim"]) ? "preferred_username" : section["UserClaim"]!.Trim(),
            string.IsNullOrWhiteSpace(section["DisplayName"]) ? "your organisation's account" : section["DisplayName"]!.Trim());
    }
}

internal static class OidcSignIn
{
    /// <summary>Registers the OIDC scheme when configured; with no configuration nothing is registered.</summary>
    public static void AddLodestarOidc(this IServiceCollection services, AuthenticationBuilder authentication, IConfiguration configuration)
    {
        if (OidcSettings.From(configuration) is not { } settings)
        {
            return;
        }

        services.AddSingleton(settings);
        authentication.AddOpenIdConnect(OidcSettings.Scheme, settings.DisplayName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
            // Claims keep the provider's names (preferred_username, email), the names UserClaim is given in.
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.CallbackPath = "/signin-oidc";
        });
    }

    /// <summary>
    /// The enabled local user an OIDC identity maps to, by <paramref name="userClaim"/>, or a refusal naming why
    /// (the claim is missing, is not a valid user name, or no enabled user has it). Roles and council grants are
    /// the local user's: nothing from the provider's token is trusted beyond the name.
    /// </summary>
    public static async Task<Result<UserEntity>> FindLocalUserAsync(ClaimsPrincipal external, string userClaim, UserManager<UserEntity> users)
    {
        ArgumentNullException.ThrowIfNull(external);
        ArgumentNullException.ThrowIfNull(users);
        var value = external.FindFirst(userClaim)?.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Refused($"Your organisation's sign-in did not say who you are (no '{userClaim}' claim): ask an administrator.");
        }

        var name = UserNames.Normalise(value);
        if (UserNames.Problem(name) is not null)
        {
            return Refused("Your organisation's account name is not one Lodestar can use: ask an administrator.");
        }

        var user = await users.FindByNameAsync(name);
        return user is { IsActive: true }
            ? Result.Success(user)
            : Refused($"There is no Lodestar account for {name}, or it is disabled: ask an administrator to add or enable it.");
    }

    private static Result<UserEntity> Refused(string message) => Result.Failure<UserEntity>([new Problem(null, 0, "oidc", null, message)]);
}
