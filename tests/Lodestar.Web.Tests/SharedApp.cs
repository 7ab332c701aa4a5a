namespace Lodestar.Web.Tests;

/// <summary>
/// One running app (no demo, its own copy of the migrated database) shared by the tests of one class, as an
/// <c>IClassFixture</c>: for tests that only read what it holds. They may sign in users of their own
/// (<see cref="RunningApp.SignedInClientAsync"/>), which no other test sees; a test that changes stored
/// data, or needs an app with no users, starts its own <see cref="RunningApp"/> instead.
/// </summary>
public class SharedApp : IAsyncLifetime
{
    private RunningApp? _app;

    public RunningApp App => _app ?? throw new InvalidOperationException("The shared app has not started.");

    public async ValueTask InitializeAsync()
    {
        _app = await RunningApp.StartAsync(Settings);
        await PrepareAsync(_app);
    }

    /// <summary>Settings the app starts with (null: none beyond the tests' defaults).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>What the tests read, stored once when the app has started.</summary>
    protected virtual Task PrepareAsync(RunningApp app) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
