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
            var message = (e is DbUpdateException { InnerException: { } inner } ? inner.Message : e.Message).ReplaceLineEndings(" ");
            await error.WriteLineAsync($"lodestar: {message}");
            return 2;
        }
    }
}
