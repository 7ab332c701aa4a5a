using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lodestar.Web.Security;

/// <summary>
/// Secure by default: every endpoint needs a signed-in user unless it says otherwise
/// (<c>[AllowAnonymous]</c>: sign-in, setup, health, the home page), and child-level endpoints need the
/// <see cref="Roles.ChildLevel"/> role. Accounts are ASP.NET Core Identity's (<see cref="LodestarUserManager"/>,
/// <see cref="LodestarSignInManager"/>) over Lodestar's users table; cookies are HTTP-only and same-site strict.
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
        services.AddScoped<UserAccounts>();
        services.AddScoped<TwoFactor>();
        services.AddScoped<CouncilGrants>();
        services.AddScoped<CouncilAccess>();
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddSingleton(new SetupCode(dataFolder));
        services.AddDataProtection()
            .SetApplicationName("Lodestar")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));

        // ASP.NET Core Identity over Lodestar's own users table. Registered before AddIdentityCore, whose
        // TryAdd then keeps Lodestar's validators and lookup instead of Identity's defaults.
        services.AddScoped<IUserStore<UserEntity>, LodestarUserStore>();
        services.AddScoped<IUserValidator<UserEntity>, UserNameValidator>();
        services.AddScoped<IPasswordValidator<UserEntity>, PasswordRulesValidator>();
        services.AddSingleton<ILookupNormalizer, UserNameNormalizer>();
        services.AddIdentityCore<UserEntity>(LodestarIdentity.Configure)
            .AddUserManager<LodestarUserManager>()
            .AddSignInManager<LodestarSignInManager>()
            .AddClaimsPrincipalFactory<LodestarClaimsFactory>();
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, LodestarSecurityStampValidator>());

        // Identity's security-stamp check: a cookie whose stamp is no longer the user's (disabled, roles changed,
        // password changed or reset, two-factor changed, signed out) is refused. Every request by default (one
        // primary-key query of two columns: LodestarSecurityStampValidator); Lodestar:Security:SessionCheckSeconds
        // checks at most that often, with Identity's own check.
        var checkInterval = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Lodestar:Security:SessionCheckSeconds", 0)));
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = checkInterval;
            options.TimeProvider = clock;
        });
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme })
        {
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);
        }

        services.ConfigureApplicationCookie(options =>
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
            // The JSON API answers 401/403 rather than redirecting to a page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            // A denied page answers 403: the status pages show the "no access" text (Errors/Status) under it.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "lodestar.two-factor";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddLodestarOidc(authentication, configuration);
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
