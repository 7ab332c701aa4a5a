using System.Security.Cryptography;
using System.Text;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Security;

public sealed class ApiTokensTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Create_StoresOnlyTheSha256_AndTheTokenActsAsItsOwnerUntilExpiryOrDisable(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new StepClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var db = database.CreateContext();
        await new UserAccounts(db, clock).CreateAsync("ann", "", "correct horse battery", [Roles.Viewer, Roles.Editor], Cancel);

        var token = (await new ApiTokens(db, clock).CreateAsync("root", "ann", "report", 2, Cancel)).Value.Token;

        await using var check = database.CreateContext();
        var row = await check.Set<ApiTokenEntity>().SingleAsync(Cancel);
        // The SHA-256 of the token's UTF-8 text, worked here independently, and nothing holding the token.
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant(), row.Hash);
        Assert.DoesNotContain(token[4..], row.Hash + row.Name, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 1, 7, 9, 0, 0, TimeSpan.Zero), row.ExpiresAt);
        var tokens = new ApiTokens(check, clock);
        var owner = await tokens.AuthenticateAsync(token, Cancel);
        Assert.Equal("ann", owner?.UserName);
        Assert.Equal(["editor", "viewer"], owner!.Roles.Order(StringComparer.Ordinal));
        Assert.Null(await tokens.AuthenticateAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), Cancel));

        clock.Now = clock.Now.AddDays(2);
        Assert.Null(await tokens.AuthenticateAsync(token, Cancel));

        clock.Now = clock.Now.AddDays(-1);
        Assert.NotNull(await tokens.AuthenticateAsync(token, Cancel));
        await new UserAccounts(check, clock).SetActiveAsync("root", "ann", false, Cancel);
        Assert.Null(await tokens.AuthenticateAsync(token, Cancel));
    }

    private sealed class StepClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
