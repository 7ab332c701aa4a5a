using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Cli.Actions;

/// <summary>Turns the failures a command cannot prevent (database unreachable, misconfigured, refusing a write) into one line on the standard error.</summary>
internal static class CliGuard
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // EF wraps a database's failures (a lost connection, a timeout) in an exception whose own message says
            // only that the failure is likely transient: the inner one says what it was.
            var message = (e is DbUpdateException or InvalidOperationException && e.InnerException is DbException { } inner ? $"{e.Message} {inner.Message}" : e.Message).ReplaceLineEndings(" ");
            await error.WriteLineAsync($"lodestar: {message}");
            return 2;
        }
    }
}
