using Lodestar.Application.Returns;
using Lodestar.Data;

namespace Lodestar.Web.Returns;

/// <summary>
/// Keeps this instance's models with the database when another process changes it (the CLI's
/// <c>lodestar returns confirm</c>, another instance): every <c>Lodestar:Returns:RefreshSeconds</c> it reads
/// the councils' versions (one small table, by its key) and rebuilds the councils whose version is not the
/// one their model was built from.
/// </summary>
internal sealed partial class ModelRefresh(IServiceProvider services, IConfiguration configuration, ILogger<ModelRefresh> logger) : BackgroundService
{
    /// <summary>The default seconds between polls: a change made elsewhere is served within about this long.</summary>
    public const double DefaultSeconds = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Lodestar:Returns:RefreshSeconds", DefaultSeconds);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // The store is built at first use: with migrations applied separately this may be the first.
                var store = services.GetRequiredService<StatutoryDataStore>();
                using var scope = services.CreateScope();
                var refreshed = await ConfirmedReturns.RefreshChangedAsync(scope.ServiceProvider.GetRequiredService<LodestarDbContext>(), store, stoppingToken);
                if (refreshed > 0)
                {
                    LogRefreshed(refreshed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database down for a moment: the next poll tries again, the models served meanwhile are the last good ones.
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rebuilt the models of {Councils} councils changed in the database.")]
    private partial void LogRefreshed(int councils);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not read the councils' versions; the models stay as they are until the next poll.")]
    private partial void LogFailed(Exception exception);
}
