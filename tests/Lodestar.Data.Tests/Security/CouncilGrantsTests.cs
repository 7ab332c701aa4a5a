using Lodestar.Data.Audit;
using Lodestar.Data.Security;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Security;

public sealed class CouncilGrantsTests
{
    private const string GoodPassword = "correct horse battery";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Grant_CodesAndLaNumbers_AreStoredAsCodesAllowedAndAuditedInTheSameSave(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new UserAccounts(db, TimeProvider.System).CreateAsync("ann", "", GoodPassword, [Roles.Viewer], Cancel);
        var grants = new CouncilGrants(db, TimeProvider.System);

        var granted = await grants.GrantAsync("root", "Ann", ["E10000003", "873", "e10000015"], Cancel);

        Assert.Equal(new UserCouncils("ann", false, ["E10000003", "E10000015"]), granted.Value, new UserCouncilsComparer());
        await using var check = database.CreateContext();
        var checkGrants = new CouncilGrants(check, TimeProvider.System);
        Assert.True(await checkGrants.AllowsAsync("ann", "E10000003", Cancel));
        Assert.True(await checkGrants.AllowsAsync("ann", "873", Cancel));
        Assert.False(await checkGrants.AllowsAsync("ann", "E06000001", Cancel));
        Assert.False(await checkGrants.AllowsAsync("ann", "E99999999", Cancel));
        Assert.Equal(["E10000003", "E10000015"], (await checkGrants.AllowedAsync("ann", Cancel)).Order());
        var entry = await check.Set<AuditEventEntity>().SingleAsync(Cancel);
        Assert.Equal(("root", AuditActions.CouncilsGranted, "user ann", "E10000003,E10000015"), (entry.Actor, entry.Action, entry.Subject, entry.Details));
    }

    [Theory]
    [AllDatabases]
    public async Task Revoke_AGrantedCouncil_IsNoLongerAllowedAndIsAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new UserAccounts(db, TimeProvider.System).CreateAsync("ann", "", GoodPassword, [Roles.Viewer], Cancel);
        var grants = new CouncilGrants(db, TimeProvider.System);
        await grants.GrantAsync("root", "ann", ["E10000003", "E10000015"], Cancel);

        var revoked = await grants.RevokeAsync("root", "ann", ["E10000003", "E06000001"], Cancel);

        Assert.Equal(["E10000015"], revoked.Value.Councils);
        await using var check = database.CreateContext();
        Assert.False(await new CouncilGrants(check, TimeProvider.System).AllowsAsync("ann", "E10000003", Cancel));
        Assert.Equal(["E10000015"], await check.Set<CouncilGrantEntity>().Select(g => g.Council).ToListAsync(Cancel));
        var entries = await check.Set<AuditEventEntity>().OrderBy(e => e.Id).Select(e => new { e.Action, e.Details }).ToListAsync(Cancel);
        Assert.Equal([(AuditActions.CouncilsGranted, "E10000003,E10000015"), (AuditActions.CouncilsRevoked, "E10000003")], entries.Select(e => (e.Action, e.Details)));
    }

    [Theory]
    [AllDatabases]
    public async Task AllCouncils_AllowsEveryKnownCouncilButNoUnknownOne_AndNoRoleImpliesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var accounts = new UserAccounts(db, TimeProvider.System);
        await accounts.CreateAsync("reg", "", GoodPassword, [Roles.Viewer], Cancel);
        await accounts.CreateAsync("boss", "", GoodPassword, Roles.All, Cancel);
        var grants = new CouncilGrants(db, TimeProvider.System);

        await grants.SetAllCouncilsAsync("root", "reg", allCouncils: true, Cancel);

        Assert.True(await grants.AllowsAsync("reg", "E06000001", Cancel));
        Assert.False(await grants.AllowsAsync("reg", "E99999999", Cancel));
        Assert.Equal(Lodestar.Domain.Councils.CouncilList.All.Count, (await grants.AllowedAsync("reg", Cancel)).Count);
        Assert.False(await grants.AllowsAsync("boss", "E06000001", Cancel));
        Assert.Empty(await grants.AllowedAsync("boss", Cancel));
        Assert.Equal(
            [new UserCouncils("boss", false, []), new UserCouncils("reg", true, [])],
            await grants.ListAsync(Cancel), new UserCouncilsComparer());
        var entry = await db.Set<AuditEventEntity>().SingleAsync(Cancel);
        Assert.Equal((AuditActions.CouncilsGranted, "user reg", "all councils"), (entry.Action, entry.Subject, entry.Details));
    }

    [Theory]
    [AllDatabases]
    public async Task Allows_ARoleTheUserLacksOrADeactivatedUser_IsFalse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new UserAccounts(db, TimeProvider.System).CreateAsync("ann", "", GoodPassword, [Roles.Viewer, Roles.Editor], Cancel);
        var grants = new CouncilGrants(db, TimeProvider.System);
        await grants.GrantAsync("root", "ann", ["E10000003"], Cancel);

        Assert.True(await grants.AllowsAsync("ann", "E10000003", Roles.Editor, Cancel));
        Assert.False(await grants.AllowsAsync("ann", "E10000003", Roles.Manager, Cancel));
        var user = await db.Set<UserEntity>().SingleAsync(Cancel);
        user.IsActive = false;
        await db.SaveChangesAsync(Cancel);
        Assert.False(await grants.AllowsAsync("ann", "E10000003", Cancel));
        Assert.Empty(await grants.AllowedAsync("ann", Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task DeletingAUser_DeletesTheirGrants(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await new UserAccounts(db, TimeProvider.System).CreateAsync("ann", "", GoodPassword, [Roles.Viewer], Cancel);
        await new CouncilGrants(db, TimeProvider.System).GrantAsync("root", "ann", ["E10000003"], Cancel);

        await db.Set<UserEntity>().Where(u => u.UserName == "ann").ExecuteDeleteAsync(Cancel);

        Assert.Empty(await db.Set<CouncilGrantEntity>().ToListAsync(Cancel));
    }

    [Fact]
    public async Task Grant_UnknownUserOrCouncil_IsRefusedNamingEachAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var grants = new CouncilGrants(db, TimeProvider.System);

        var refused = await grants.GrantAsync("root", "nobody", ["E10000003", "nowhere"], Cancel);

        Assert.Equal(["No user 'nobody'.", "No council with code or LA number 'nowhere'."], refused.Problems.Select(p => p.Message));
        Assert.Empty(await db.Set<AuditEventEntity>().ToListAsync(Cancel));
    }

    /// <summary>Records holding lists compare by reference; these compare by content.</summary>
    private sealed class UserCouncilsComparer : IEqualityComparer<UserCouncils>
    {
        public bool Equals(UserCouncils? x, UserCouncils? y) =>
            x is not null && y is not null && (x.UserName, x.AllCouncils) == (y.UserName, y.AllCouncils) && x.Councils.SequenceEqual(y.Councils);

        public int GetHashCode(UserCouncils obj) => obj.UserName.GetHashCode(StringComparison.Ordinal);
    }
}
