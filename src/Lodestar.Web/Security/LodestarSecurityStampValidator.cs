using System.Globalization;
using System.Security.Claims;
using Lodestar.Data;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lodestar.Web.Security;

/// <summary>
/// Identity's security-stamp check of the sign-in cookie, made cheap enough for every request. Checking every
/// request (<c>Lodestar:Security:SessionCheckSeconds</c> 0, the default), the cookie is compared with the user's
/// row by one query of two columns — the stamp and whether the user is active — instead of Identity's load of the
/// whole user with their roles, followed by a new principal and a re-issued cookie on every request. Nothing is
/// lost: the stamp changes whenever access does (disabled, roles, password, two-factor, sign-out), so a cookie
/// whose stamp still matches holds the user's current roles. With an interval (60 s, say) Identity's own check
/// runs as before, and refreshes the cookie, because the interval is counted from the cookie's issue time.
/// </summary>
internal sealed class LodestarSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<UserEntity> signInManager,
    ILoggerFactory logger,
    LodestarDbContext db,
    IOptions<IdentityOptions> identity)
    : SecurityStampValidator<UserEntity>(options, signInManager, logger)
{
    private bool EveryRequest => Options.ValidationInterval <= TimeSpan.Zero;

    protected override async Task<UserEntity?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        if (!EveryRequest)
        {
            return await base.VerifySecurityStamp(principal);
        }

        var claims = identity.Value.ClaimsIdentity;
        if (principal?.FindFirstValue(claims.UserIdClaimType) is not { } idText
            || !int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var stored = await db.Set<UserEntity>().AsNoTracking()
            .Where(u => u.Id == id && u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.SecurityStamp })
            .SingleOrDefaultAsync();
        // As Identity compares them: the same stamp, or neither has one.
        return stored is not null && stored.SecurityStamp == principal.FindFirstValue(claims.SecurityStampClaimType)
            // Only a sign that the check passed: nothing reads its password hash, which is left out of the query.
            ? new UserEntity { Id = stored.Id, UserName = stored.UserName, DisplayName = stored.DisplayName, PasswordHash = "", SecurityStamp = stored.SecurityStamp }
            : null;
    }

    // Checking every request, the principal is kept as the cookie has it (see the class summary); with an
    // interval, Identity rebuilds it and renews the cookie, which restarts the interval.
    protected override Task SecurityStampVerified(UserEntity user, CookieValidatePrincipalContext context) =>
        EveryRequest ? Task.CompletedTask : base.SecurityStampVerified(user, context);
}
