using System.IO.Compression;
using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Formats.Text;
using Lodestar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Tests.Returns;

/// <summary>A return sent as one zip: its files are the submission's; a hostile zip is refused and nothing stored.</summary>
public sealed class ZipSubmissionsTests
{
    private const string Council = "E10000003";
    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2012,WBRI,A123456789012,,\n";
    private const string Episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        + "C1,01/04/2024,S,C2,N1,U4,PR1,,,,AB1 2CD,EF3 4GH,SC123456\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [AllDatabases]
    public async Task Check_ZipOfTwo903Files_StoresTheFilesByTheirNamesAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var zip = Zip(("903/header_2025.csv", Encoding.UTF8.GetBytes(Header)), ("903/episodes_2025.csv", Encoding.UTF8.GetBytes(Episodes)), ("903/", []));
        await using (var db = database.CreateContext())
        {
            var check = await Submissions(db).CheckAsync("ann", Council, [new InputFile("return.zip", zip)], cancellationToken: Cancel);
            Assert.True(check.Succeeded, string.Join("; ", check.Problems));
        }

        await using var read = database.CreateContext();
        var stored = await read.Set<SubmissionEntity>().Include(s => s.Files).SingleAsync(Cancel);
        Assert.Equal(["header_2025.csv", "episodes_2025.csv"], stored.Files.OrderBy(f => f.Position).Select(f => f.Name));
        Assert.Equal(Encoding.UTF8.GetBytes(Header), stored.Files.Single(f => f.Name == "header_2025.csv").Content);
        Assert.Equal(2025, stored.CollectionYear);
    }

    [Theory]
    [AllDatabases]
    public async Task Check_ZipWithPathTraversal_IsRefusedNamingTheEntryAndStoresNothing(DatabaseProvider provider)
    {
        var zip = Zip(("header_2025.csv", Encoding.UTF8.GetBytes(Header)), ("../../etc/episodes_2025.csv", Encoding.UTF8.GetBytes(Episodes)));

        var problem = Assert.Single(await RefusedAsync(provider, new InputFile("return.zip", zip)));

        Assert.Equal(("return.zip", "../../etc/episodes_2025.csv"), (problem.File, problem.Value));
        Assert.Contains("path traversal", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task Check_ZipWithAbsoluteEntry_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        var zip = Zip(("/tmp/header_2025.csv", Encoding.UTF8.GetBytes(Header)));

        var problem = Assert.Single(await RefusedAsync(provider, new InputFile("return.zip", zip)));

        Assert.Contains("absolute path", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task Check_ZipBomb_IsRefusedWhileInflatingAndStoresNothing(DatabaseProvider provider)
    {
        // 20 MiB of zeros compress to about 20 KiB: a ratio of about 1,000.
        var zip = Zip(("episodes_2025.csv", new byte[20 * 1024 * 1024]));

        var problem = Assert.Single(await RefusedAsync(provider, new InputFile("bomb.zip", zip)));

        Assert.Equal(("bomb.zip", "episodes_2025.csv"), (problem.File, problem.Value));
        Assert.Contains("zip bomb", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task Check_ZipOverTheReadLimitOnceUnpacked_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        // Each entry is under the limit alone; together they are over it.
        var zip = Zip(("header_2025.csv", Encoding.UTF8.GetBytes(Header)), ("episodes_2025.csv", Encoding.UTF8.GetBytes(Episodes)));

        var problem = Assert.Single(await RefusedAsync(provider, new InputFile("return.zip", zip), new ReadLimits(Header.Length + 10)));

        Assert.Equal("episodes_2025.csv", problem.Value);
        Assert.Contains("size limit", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task Check_ZipInAZip_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        var inner = Zip(("header_2025.csv", Encoding.UTF8.GetBytes(Header)));
        var zip = Zip(("inner.zip", inner));

        var problem = Assert.Single(await RefusedAsync(provider, new InputFile("outer.zip", zip)));

        Assert.Equal(("outer.zip", "inner.zip"), (problem.File, problem.Value));
        Assert.Contains("itself a zip", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task Check_ZipOfTooManyEntries_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        var zip = Zip([.. Enumerable.Range(0, ZipUploads.MaxEntries + 1).Select(i => ($"f{i}.csv", Encoding.UTF8.GetBytes(Header)))]);

        var problem = Assert.Single(await RefusedAsync(provider, new InputFile("many.zip", zip)));

        Assert.Contains($"more than {ZipUploads.MaxEntries}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [AllDatabases]
    public async Task Check_FileNamedZipThatIsNot_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        var problem = Assert.Single(await RefusedAsync(provider, new InputFile("return.zip", Encoding.UTF8.GetBytes(Header))));

        Assert.Equal("return.zip", problem.File);
        Assert.Contains("cannot be read as a zip", problem.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Problem>> RefusedAsync(DatabaseProvider provider, InputFile upload, ReadLimits? limits = null)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var result = await Submissions(db, limits).CheckAsync("ann", Council, [upload], 2025, Cancel);
        Assert.False(result.Succeeded);
        Assert.Equal(0, await db.Set<SubmissionEntity>().CountAsync(Cancel));
        Assert.Equal(0, await db.Set<SubmissionFileEntity>().CountAsync(Cancel));
        Assert.Equal(0, await db.Set<AuditEventEntity>().CountAsync(Cancel));
        return result.Problems;
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    private static Submissions Submissions(LodestarDbContext db, ReadLimits? limits = null) =>
        new(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, limits);
}
