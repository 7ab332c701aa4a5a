using System.Security.Claims;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lodestar.Web.Security;

/// <summary>
/// Identity's sign-in manager for Lodestar: a disabled user cannot sign in, and their cookie stops working at
/// the next security-stamp check even if the stamp were unchanged. The password itself is checked by
/// <see cref="UserAccounts.SignInAsync"/> (which counts failures for unknown names too); this issues the cookie,
/// or the two-factor step's cookie when the user has two-factor on.
/// </summary>
internal sealed class LodestarSignInManager(
    UserManager<UserEntity> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<UserEntity> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<UserEntity>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserEntity> confirmation)
    : SignInManager<UserEntity>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>After the password was right: signs in, or starts the two-factor step (the result says which).</summary>
    public Task<SignInResult> PasswordVerifiedAsync(UserEntity user) => SignInOrTwoFactorAsync(user, isPersistent: false);

    /// <summary>
    /// Identity's recovery-code sign-in, with the checks its base method leaves out: a disabled or locked-out user
    /// is refused before the code is looked at, and a wrong code counts towards the lockout as a wrong password
    /// or authenticator code does.
    /// </summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        if (await GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return SignInResult.Failed;
        }

        if (await PreSignInCheck(user) is { } refused)
        {
            return refused;
        }

        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded)
        {
            return result;
        }

        await UserManager.AccessFailedAsync(user);
        return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
    }

    public override async Task<bool> CanSignInAsync(UserEntity user) => user is { IsActive: true } && await base.CanSignInAsync(user);

    public override async Task<UserEntity?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsActive: true } user ? user : null;
}

/// <summary>The cookie's claims: Identity's (id, user name, security stamp) with the user's roles and display name.</summary>
internal sealed class LodestarClaimsFactory(UserManager<UserEntity> userManager, IOptions<IdentityOptions> optionsAccessor)
    : UserClaimsPrincipalFactory<UserEntity>(userManager, optionsAccessor)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserEntity user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        }

        return identity;
    }
}
