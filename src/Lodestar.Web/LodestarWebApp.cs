using Lodestar.Data;
using Lodestar.Web.Api.V1;
using Lodestar.Web.Demo;
using Lodestar.Web.Forecast;
using Lodestar.Web.Frameworks;
using Lodestar.Web.Health;
using Lodestar.Web.Packs;
using Lodestar.Application.Returns;
using Lodestar.Web.Returns;
using Lodestar.Web.Security;

namespace Lodestar.Web;

/// <summary>Builds the web application: one place shared by <c>Program</c>, the CLI's serve and the tests.</summary>
internal static class LodestarWebApp
{
    /// <summary>
    /// Builds the app. The content root is the folder the app was built to (where its pages' static
    /// files are copied); the data folder is resolved against the working directory.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(LodestarWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var dataFolder = Path.GetFullPath(builder.Configuration["Lodestar:DataFolder"] ?? "data", Environment.CurrentDirectory);
        var database = DatabaseOptions.FromConfiguration(builder.Configuration, dataFolder);
        builder.Services.AddLodestarDatabase(database);
        builder.Services.AddHealthChecks().AddDbContextCheck<LodestarDbContext>("database");
        builder.Services.AddLodestarSecurity(dataFolder, builder.Configuration);
        builder.Services.AddStatutoryData(builder.Configuration, dataFolder);
        builder.Services.AddFrameworks();
        builder.Services.AddPackSchedules();
        builder.Services.AddForecast();
        builder.Services.AddRazorPages();
        builder.Services.AddProblemDetails();
        builder.Services.AddApiV1();

        var app = builder.Build();
        // Errors: one ProblemDetails handler for every /api route (unhandled exceptions and every error
        // status without a body, as application/problem+json), a plain page for people; never a stack
        // trace or an exception's text.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
                ExceptionHandlingPath = "/error/500",
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseSecurityHeaders();
        app.UseDataUploadLimit();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapRazorPages();
        app.MapFrameworksApi();
        app.MapApiV1();

        // Migrations are applied at start unless an operator applies them separately.
        if (app.Configuration.GetValue("Lodestar:Database:MigrateAtStart", true))
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LodestarDbContext>();
            DatabaseInitializer.Initialize(db);
            app.OpenSetupIfNoUsers(db);
            if (app.Configuration.GetValue("Lodestar:Demo:Enabled", false))
            {
                DemoContent.LoadAsync(db, DemoContent.SamplesFolder, app.Logger).GetAwaiter().GetResult();
            }

            // The engine's model from the confirmed submissions (the returns folder taken in first): now, not on the first page.
            _ = app.Services.GetRequiredService<StatutoryDataStore>();
        }

        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
