using Lodestar.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

// Scaffolds a migration for every provider, as `dotnet ef migrations add` would:
//   dotnet run --project tools/Lodestar.DbTool -- add-migration NAME
// The model has no pending change when both providers report "no changes".
if (args is not ["add-migration", var name] && args is not ["check"])
{
    Console.Error.WriteLine("usage: Lodestar.DbTool add-migration NAME | check");
    return 2;
}

var dataProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Lodestar.Data"));
var contexts = new (string Folder, DatabaseOptions Options)[]
{
    ("Sqlite", new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=:memory:")),
    ("Postgres", new DatabaseOptions(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=design_time")),
};

var pending = false;
foreach (var (folder, options) in contexts)
{
    using var context = options.CreateContext();
    var reporter = new OperationReporter(new OperationReportHandler(
        Console.Error.WriteLine, Console.Error.WriteLine, Console.WriteLine, _ => { }));
    var assembly = typeof(LodestarDbContext).Assembly;
    var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, [])
        .Build(context);
    using var scope = services.CreateScope();
    var scaffolder = scope.ServiceProvider.GetRequiredService<IMigrationsScaffolder>();
    if (args[0] == "check")
    {
        var hasChanges = context.Database.HasPendingModelChanges();
        Console.WriteLine($"{folder}: {(hasChanges ? "model has changes without a migration" : "no changes")}");
        pending |= hasChanges;
        continue;
    }

    var migration = scaffolder.ScaffoldMigration(args[1], "Lodestar.Data", $"Migrations.{folder}", "C#");
    var files = scaffolder.Save(dataProject, migration, Path.Combine(dataProject, "Migrations", folder));
    // The repository builds with nullable on everywhere: drop the scaffolder's directive turning it off.
    foreach (var file in new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile })
    {
        if (file is not null)
        {
            File.WriteAllLines(file, File.ReadAllLines(file).Where(line => !IsNullableOff(line)));
        }
    }

    Console.WriteLine($"{folder}: {Path.GetRelativePath(dataProject, files.MigrationFile!)}");
}

return pending ? 1 : 0;

static bool IsNullableOff(string line) =>
    line.TrimStart().StartsWith("#nullable", StringComparison.Ordinal) && line.TrimEnd().EndsWith("disable", StringComparison.Ordinal);
