using Lodestar.Data.Councils;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Tests.Councils;

public sealed class CouncilStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Initialize_FreshDatabase_LoadsEveryEnglishCouncil(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        // 153 councils reported to the DfE in 2024 (the DfE population file's local-authority rows).
        Assert.Equal(153, await db.Councils.CountAsync(Cancel));
        var cambridgeshire = await db.Councils.SingleAsync(c => c.LaNumber == "873", Cancel);
        Assert.Equal(("E10000003", "Cambridgeshire", "East of England"), (cambridgeshire.Code, cambridgeshire.Name, cambridgeshire.Region));
    }

    [Theory]
    [AllDatabases]
    public async Task Initialize_FreshDatabase_LoadsNoFormerCouncil(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        // samples/councils.tsv lists Cumbria (909) and Northamptonshire (928) as former councils: not reference data.
        Assert.False(await db.Councils.AnyAsync(c => c.LaNumber == "909" || c.LaNumber == "928", Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task Initialize_RunTwice_LeavesOneCopyOfEachCouncil(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var again = database.CreateContext())
        {
            DatabaseInitializer.Initialize(again);
        }

        await using var db = database.CreateContext();
        Assert.Equal(153, await db.Councils.CountAsync(Cancel));
    }

    [Theory]
    [AllDatabases]
    public async Task SaveChanges_DuplicateCode_IsRefusedAndStoredDataStays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            db.Councils.Add(new CouncilEntity { Code = "E10000003", LaNumber = "999", Name = "A copy", Region = "Nowhere" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
        }

        await using var check = database.CreateContext();
        Assert.Equal("Cambridgeshire", (await check.Councils.SingleAsync(c => c.Code == "E10000003", Cancel)).Name);
        Assert.False(await check.Councils.AnyAsync(c => c.LaNumber == "999", Cancel));
    }
}
