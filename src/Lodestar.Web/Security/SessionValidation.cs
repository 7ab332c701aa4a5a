using System.Globalization;
using System.Security.Claims;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Lodestar.Web.Security;

/// <summary>
/// Checks a sign-in cookie against the database, so access is revocable at once: the user still exists and
/// is active, the cookie's security stamp is the stored one (it changes on disable, role change, password
/// change or reset and sign-out) and its roles are the stored roles. A cookie that fails is rejected and
/// deleted: the request is treated as signed out. Checked on every request by default (one indexed query,
/// as the council grants are); <c>Lodestar:Security:SessionCheckSeconds</c> checks at most that often per
/// cookie instead.
/// </summary>
internal static class SessionValidation
{
    public const string StampClaim = "lodestar_stamp";
    private const string CheckedAtKey = "lodestar.checked";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var interval = services.GetRequiredService<SessionCheckOptions>().Interval;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (interval > TimeSpan.Zero
            && context.Properties.Items.TryGetValue(CheckedAtKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            && now - checkedAt < interval && checkedAt <= now)
        {
            return;
        }

        var principal = context.Principal;
        var session = principal?.Identity?.Name is { } name
            ? await services.GetRequiredService<UserAccounts>().SessionAsync(name, context.HttpContext.RequestAborted)
            : null;
        if (session is null || principal is null
            || principal.FindFirstValue(StampClaim) != session.SecurityStamp
            || !principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal).SetEquals(session.Roles))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (interval > TimeSpan.Zero)
        {
            context.Properties.Items[CheckedAtKey] = now.ToString("O", CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
        }
    }
}

/// <summary>How often a sign-in cookie is checked against the database (zero: on every request).</summary>
internal sealed record SessionCheckOptions(TimeSpan Interval);
