using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Formats;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lodestar.Cli.Tests.Returns;

/// <summary>
/// A confirmation whose process dies half-way: the real <c>lodestar returns confirm</c> runs in its own
/// process against PostgreSQL; the test holds the council's version row locked, so the confirmation has
/// already superseded the confirmed submission and confirmed the new one (uncommitted) when it waits on the
/// lock; the test then kills the process. The database must still hold the earlier confirmation.
/// </summary>
public sealed class ConfirmationKilledTests
{
    private const string Council = "E10000003";
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2012,WBRI,A123456789012,,\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Confirm_ProcessKilledMidTransaction_LeavesThePreviousConfirmationIntact()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        long first, second;
        await using (var db = database.CreateContext())
        {
            var clock = TimeProvider.System;
            var submissions = new Submissions(db, new AuditLog(db, clock), clock);
            first = (await submissions.CheckAsync("ann", Council, [File("header_2025.csv", Header)], cancellationToken: Cancel)).Value.Submission.Id;
            Assert.True((await submissions.ConfirmAsync("ann", first, Cancel)).Succeeded);
            await TestUsers.AddAsync(db, "mia", [Council], Lodestar.Data.Security.Roles.Manager);
            second = (await submissions.CheckAsync("ann", Council, [File("header_2025.csv", Header + "C2,2,02/02/2013,WBRI,B123456789012,,\n")], cancellationToken: Cancel)).Value.Submission.Id;
        }

        await using var locker = new NpgsqlConnection(database.Options.ConnectionString);
        await locker.OpenAsync(Cancel);
        await using var hold = await locker.BeginTransactionAsync(Cancel);
        // pg_stat_activity is a snapshot for the length of a transaction: the watching is done on its own connection.
        await using var watcher = new NpgsqlConnection(database.Options.ConnectionString);
        await watcher.OpenAsync(Cancel);
        await Execute(locker, $"SELECT \"Version\" FROM council_versions WHERE \"CouncilCode\" = '{Council}' FOR UPDATE");

        using var process = Start(database.Options.ConnectionString, "returns", "confirm", second.ToString(CultureInfo.InvariantCulture), "--user", "mia");
        try
        {
            // The confirmation's statements up to the version bump have run when its backend waits on the lock.
            await WaitUntilAsync(async () =>
            {
                if (process.HasExited)
                {
                    Assert.Fail($"lodestar returns confirm ended (exit {process.ExitCode}) before it reached the lock: {await process.StandardOutput.ReadToEndAsync(Cancel)} {await process.StandardError.ReadToEndAsync(Cancel)}");
                }

                return await Scalar(watcher, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%council_versions%'") > 0;
            });
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Cancel);
        }

        await hold.RollbackAsync(Cancel);
        // PostgreSQL ends the killed client's session (and its transaction) once it notices the closed socket.
        await WaitUntilAsync(async () => await Scalar(watcher, $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'") == 0);

        await using var read = database.CreateContext();
        var statuses = await read.Set<SubmissionEntity>().OrderBy(s => s.Id).Select(s => s.Status).ToListAsync(Cancel);
        Assert.Equal([SubmissionStatus.Confirmed, SubmissionStatus.Checked], statuses);
        Assert.DoesNotContain(await read.Set<AuditEventEntity>().Select(a => a.Details).ToListAsync(Cancel), d => d != null && d.Contains("superseding", StringComparison.Ordinal));
        Assert.Equal(1, await read.Set<CouncilVersionEntity>().Where(v => v.CouncilCode == Council).Select(v => v.Version).SingleAsync(Cancel));
    }

    private static Process Start(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lodestar.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Lodestar__Database__Provider"] = "postgres";
        start.Environment["Lodestar__Database__ConnectionString"] = connectionString;
        return Process.Start(start)!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 60 seconds.");
            await Task.Delay(50, Cancel);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), CultureInfo.InvariantCulture);
    }

    private static InputFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
}
