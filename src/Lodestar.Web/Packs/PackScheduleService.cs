using Lodestar.Application.Packs;

namespace Lodestar.Web.Packs;

/// <summary>
/// Builds the scheduled board packs that are due (docs/packs.md): at start and then every
/// <c>Lodestar:Packs:ScheduleMinutes</c> minutes (15 by default; 0 switches it off), in a scope of its own,
/// with the app's <see cref="TimeProvider"/> so a test can move the clock. A failure is logged (no figures,
/// no names) and the next round tries again.
/// </summary>
internal sealed partial class PackScheduleService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<PackScheduleService> logger) : BackgroundService
{
    public const double DefaultMinutes = 15;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Lodestar:Packs:ScheduleMinutes", DefaultMinutes);
        if (minutes <= 0)
        {
            return;
        }

        // Off the start's path: the first round waits a moment so the app is serving first.
        await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var built = await scope.ServiceProvider.GetRequiredService<PackScheduler>().RunDueAsync(stoppingToken);
                if (built > 0)
                {
                    LogBuilt(built);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(exception.GetType().Name);
            }

            await Task.Delay(TimeSpan.FromMinutes(minutes), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Built {Schedules} scheduled board packs.")]
    private partial void LogBuilt(int schedules);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Building the scheduled board packs failed ({Error}); the next round tries again.")]
    private partial void LogFailed(string error);
}

/// <summary>The scheduler and its background service.</summary>
internal static class PackScheduleServices
{
    public static void AddPackSchedules(this IServiceCollection services)
    {
        services.AddScoped<PackScheduler>();
        services.AddHostedService<PackScheduleService>();
    }
}
