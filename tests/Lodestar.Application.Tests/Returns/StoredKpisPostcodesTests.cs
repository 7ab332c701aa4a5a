using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Formats;
using Lodestar.Formats.Reference;
using Lodestar.Metrics.Kpis;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Tests.Returns;

/// <summary>
/// Stored results of cla_placed_20_miles computed with the host's postcode lookup, and brought up to date when the lookup
/// configured changes (<see cref="StoredKpis.RefreshStaleAsync"/>), worked by hand on two children.
/// </summary>
public sealed class StoredKpisPostcodesTests
{
    private const string Council = "E10000003";

    // AB1 1AB is 32,190 m north of AB1 1AA (20.0019 miles, PL_DISTANCE 20.0: not more than 20); AB1 1AD 32,400 m (20.1324, 20.1).
    private const string Lookup = "pcd,oseast1m,osnrth1m\nAB1 1AA,500000,200000\nAB1 1AB,500000,232190\nAB1 1AD,500000,232400\n";

    // The same, with AB1 1AB moved to AB1 1AD's distance: both children more than 20 miles away.
    private const string Moved = "pcd,oseast1m,osnrth1m\nAB1 1AA,500000,200000\nAB1 1AB,500000,232400\nAB1 1AD,500000,232400\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Confirm_WithALookup_StoresPlaced20MilesAndTheLookupItWasComputedWith(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var lookup = PostcodeLookup.Parse("postcodes.csv", Lookup).Value;
        var submissions = Use(db, lookup);

        var id = (await submissions.CheckAsync("ann", Council, Return903(), 2025, Cancel)).Value.Submission.Id;
        Assert.True((await submissions.ConfirmAsync("bob", id, Cancel)).Succeeded);

        // C1 (20.1 miles) of C1 and C2 (20.0 miles).
        Assert.Equal((1.0, 2.0, 50.0), await Placed20MilesAsync(db));
        var set = await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(Cancel);
        Assert.Equal("postcodes " + lookup.Distances.Source, set.Inputs);
    }

    [Theory]
    [AllDatabases]
    public async Task RefreshStale_TheLookupChangesOrGoes_RecomputesAndOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var first = PostcodeLookup.Parse("postcodes.csv", Lookup).Value;
        var submissions = Use(db, first);
        var id = (await submissions.CheckAsync("ann", Council, Return903(), 2025, Cancel)).Value.Submission.Id;
        Assert.True((await submissions.ConfirmAsync("bob", id, Cancel)).Succeeded);

        // The same lookup read again (as a restart reads it): nothing to do.
        Assert.Empty(await Use(db, PostcodeLookup.Parse("renamed.csv", Lookup).Value).RefreshStaleResultsAsync(Cancel));
        // A new lookup placing AB1 1AB further: both children are more than 20 miles away.
        Assert.Equal([Council], await Use(db, PostcodeLookup.Parse("postcodes.csv", Moved).Value).RefreshStaleResultsAsync(Cancel));
        Assert.Equal((2.0, 2.0, 100.0), await Placed20MilesAsync(db));
        Assert.Empty(await Use(db, PostcodeLookup.Parse("postcodes.csv", Moved).Value).RefreshStaleResultsAsync(Cancel));
        // The setting taken away: no value, not the last lookup's.
        Assert.Equal([Council], await Use(db, null).RefreshStaleResultsAsync(Cancel));
        Assert.Equal((null, null, null), await Placed20MilesAsync(db));
        Assert.Equal("", (await db.Set<KpiResultSetEntity>().AsNoTracking().SingleAsync(Cancel)).Inputs);
    }

    [Theory]
    [AllDatabases]
    public async Task FolderImport_NoReturnsFolder_StillRefreshesResultsOfAnotherLookup(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var submissions = Use(db, null);
        var id = (await submissions.CheckAsync("ann", Council, Return903(), 2025, Cancel)).Value.Submission.Id;
        Assert.True((await submissions.ConfirmAsync("bob", id, Cancel)).Succeeded);
        Assert.Equal((null, null, null), await Placed20MilesAsync(db));

        // A start with the lookup configured and no returns folder (the returns came by `lodestar returns load`).
        var none = Path.Combine(Path.GetTempPath(), "lodestar-no-folder-" + Guid.NewGuid().ToString("N"));
        _ = await ReturnsFolderImport.ImportAsync(db, Use(db, PostcodeLookup.Parse("postcodes.csv", Lookup).Value), none, "returns-folder", Cancel);

        Assert.Equal((1.0, 2.0, 50.0), await Placed20MilesAsync(db));
    }

    [Theory]
    [AllDatabases]
    public async Task RefreshStale_ThePopulationChanges_RecomputesTheRatesAndOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var id = (await UsePopulation(db, Population(10_000)).CheckAsync("ann", Council, Return903(), 2025, Cancel)).Value.Submission.Id;
        Assert.True((await UsePopulation(db, Population(10_000)).ConfirmAsync("bob", id, Cancel)).Succeeded);
        // C1 and C2 looked after at 31 March 2025, of 10,000 children (mid-2024): 2 per 10,000.
        Assert.Equal(2.0, await ClaRateAsync(db));

        // The same estimates read again (a restart): nothing to do. New ones: recomputed, once.
        Assert.Empty(await UsePopulation(db, Population(10_000)).RefreshStaleResultsAsync(Cancel));
        Assert.Equal([Council], await UsePopulation(db, Population(20_000)).RefreshStaleResultsAsync(Cancel));
        Assert.Equal(1.0, await ClaRateAsync(db));
        Assert.Empty(await UsePopulation(db, Population(20_000)).RefreshStaleResultsAsync(Cancel));
    }

    private static PopulationEstimates Population(long children) => new PopulationEstimates().Add(Council, 2024, children);

    private static async Task<double?> ClaRateAsync(LodestarDbContext db) =>
        (await db.Set<KpiResultEntity>().AsNoTracking()
            .SingleAsync(r => r.CouncilCode == Council && r.Kpi == "cla_rate_per_10k" && r.PeriodStart == new DateOnly(2024, 4, 1) && r.PeriodEnd == new DateOnly(2025, 3, 31), Cancel)).Value;

    // A host computing with these population estimates and no postcode lookup.
    private static Submissions UsePopulation(LodestarDbContext db, PopulationEstimates population)
    {
        var clock = TimeProvider.System;
        return new Submissions(db, new AuditLog(db, clock), clock, engine: new KpiEngine(new KpiOptions { Population = population }));
    }

    private static async Task<(double?, double?, double?)> Placed20MilesAsync(LodestarDbContext db)
    {
        var row = await db.Set<KpiResultEntity>().AsNoTracking()
            .SingleAsync(r => r.CouncilCode == Council && r.Kpi == "cla_placed_20_miles" && r.PeriodStart == new DateOnly(2024, 4, 1) && r.PeriodEnd == new DateOnly(2025, 3, 31), Cancel);
        return (row.Numerator, row.Denominator, row.Value);
    }

    // A host computing with this lookup (or none), as the web app's store and the command line's engine do.
    private static Submissions Use(LodestarDbContext db, PostcodeLookup? lookup)
    {
        var clock = TimeProvider.System;
        return new Submissions(db, new AuditLog(db, clock), clock, engine: new KpiEngine(new KpiOptions { Distances = lookup?.Distances }));
    }

    // C1 placed at AB1 1AD, C2 at AB1 1AB, both from AB1 1AA, looked after from 1 May 2024 to the end of the year.
    private static List<InputFile> Return903() =>
    [
        new("header.csv", Encoding.UTF8.GetBytes("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2012,WBRI,A123456789012,,\nC2,2,01/01/2013,WBRI,B123456789012,,\n")),
        new("episodes.csv", Encoding.UTF8.GetBytes(
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
            + "C1,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 1AA,AB1 1AD,SC123456\n"
            + "C2,01/05/2024,S,C2,N1,U4,PR1,,,,AB1 1AA,AB1 1AB,SC123456\n")),
    ];
}
