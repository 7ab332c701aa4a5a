using System.Security.Claims;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lodestar.Web.Security;

/// <summary>
/// Secure by default: every endpoint needs a signed-in user unless it says otherwise
/// (<c>[AllowAnonymous]</c>: sign-in, setup, health, the home page), and child-level endpoints need the
/// <see cref="Roles.ChildLevel"/> role. Cookies are HTTP-only and same-site strict.
/// </summary>
internal static class SecurityServices
{
    public const string ChildLevelPolicy = "child-level";
    public const string EditorPolicy = "editor";
    public const string ManagerPolicy = "manager";
    public const string AdminPolicy = "admin";

    public static void AddLodestarSecurity(this IServiceCollection services, string dataFolder, IConfiguration configuration)
    {
        // A test may have registered a fake clock first.
        services.TryAddSingleton(TimeProvider.System);
        // One per process: failed sign-ins are counted across requests, for known and unknown names alike.
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(new SessionCheckOptions(TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Lodestar:Security:SessionCheckSeconds", 0)))));
        services.AddScoped<UserAccounts>();
        services.AddScoped<CouncilGrants>();
        services.AddScoped<CouncilAccess>();
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddSingleton(new SetupCode(dataFolder));
        services.AddDataProtection()
            .SetApplicationName("Lodestar")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/sign-in";
                options.LogoutPath = "/account/sign-out";
                options.AccessDeniedPath = "/account/denied";
                options.Cookie.Name = "lodestar";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // Access is revocable at once: each request's cookie is checked against the stored user.
                options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                // The JSON API answers 401/403 rather than redirecting to a page.
                options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                // A denied page answers 403: the status pages show the "no access" text (Errors/Status) under it.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ChildLevelPolicy, p => p.RequireRole(Roles.ChildLevel))
            .AddPolicy(EditorPolicy, p => p.RequireRole(Roles.Editor))
            .AddPolicy(ManagerPolicy, p => p.RequireRole(Roles.Manager))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Opens setup when the database has no user yet.</summary>
    public static void OpenSetupIfNoUsers(this WebApplication app, LodestarDbContext db)
    {
        if (db.Set<UserEntity>().Any())
        {
            return;
        }

        var setup = app.Services.GetRequiredService<SetupCode>();
        setup.Open();
        app.Logger.LogWarning(
            "Lodestar has no users yet. Open /setup and enter the one-time setup code from {SetupCodeFile} to create the first administrator.",
            setup.FilePath);
    }

    /// <summary>Signs a user in with a cookie carrying their name, roles and security stamp (checked on each request: <see cref="SessionValidation"/>).</summary>
    public static Task SignInAsync(HttpContext context, UserEntity user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new("display_name", user.DisplayName),
            new(SessionValidation.StampClaim, user.SecurityStamp),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.Role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    }

    /// <summary>Plain security headers for every response; the pages load no inline script.</summary>
    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
}
