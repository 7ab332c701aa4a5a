using System.Text;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Data.DesignTime;

/// <summary>
/// Found by <c>dotnet ef</c> in this (startup) project, so that scaffolded migrations look like the
/// rest of the code: <see cref="NullableMigrationsGenerator"/> writes them and
/// <see cref="Utf8MigrationsScaffolder"/> saves them.
/// </summary>
/// <remarks>
/// Only the EF tools load these types. Microsoft.EntityFrameworkCore.Design is a private, design-time
/// reference, so the hosts and tests do not have it, and these types cannot load there; EF's scan of
/// this assembly for entity configurations skips types that cannot load.
/// </remarks>
internal sealed class MigrationsDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection services)
    {
        services.AddSingleton<IMigrationsCodeGenerator, NullableMigrationsGenerator>();
        services.AddScoped<IMigrationsScaffolder, Utf8MigrationsScaffolder>();
    }
}

/// <summary>
/// EF's C# migrations generator without the directive it writes at the top of every file to turn
/// nullable reference types off: the repository builds with nullable on everywhere (docs/development.md, "Migrations").
/// </summary>
internal sealed class NullableMigrationsGenerator(
    MigrationsCodeGeneratorDependencies dependencies,
    CSharpMigrationsGeneratorDependencies csharpDependencies)
    : CSharpMigrationsGenerator(dependencies, csharpDependencies)
{
    public override string GenerateMigration(
        string? migrationNamespace,
        string migrationName,
        IReadOnlyList<MigrationOperation> upOperations,
        IReadOnlyList<MigrationOperation> downOperations) =>
        WithoutNullableOff(base.GenerateMigration(migrationNamespace, migrationName, upOperations, downOperations));

    public override string GenerateMetadata(
        string? migrationNamespace,
        Type contextType,
        string migrationName,
        string migrationId,
        IModel targetModel) =>
        WithoutNullableOff(base.GenerateMetadata(migrationNamespace, contextType, migrationName, migrationId, targetModel));

    public override string GenerateSnapshot(
        string? modelSnapshotNamespace,
        Type contextType,
        string modelSnapshotName,
        IModel model) =>
        WithoutNullableOff(base.GenerateSnapshot(modelSnapshotNamespace, contextType, modelSnapshotName, model));

    /// <summary>Drops each line that is exactly the nullable-off directive; every other line is kept as generated.</summary>
    private static string WithoutNullableOff(string code) =>
        string.Join('\n', code.Split('\n').Where(line => !IsNullableOff(line)));

    /// <summary>The directive by its shape, <c>#nullable</c> followed by its "off" setting, and nothing else on the line.</summary>
    private static bool IsNullableOff(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is ["#nullable", "disable"];
}

/// <summary>
/// EF's migrations scaffolder, saving files as UTF-8 without a byte order mark (.editorconfig
/// <c>charset = utf-8</c>); EF itself writes one, and a snapshot would otherwise flip on every change.
/// </summary>
internal sealed class Utf8MigrationsScaffolder(MigrationsScaffolderDependencies dependencies)
    : MigrationsScaffolder(dependencies)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public override MigrationFiles Save(string projectDir, ScaffoldedMigration migration, string? outputDir, bool dryRun)
    {
        var files = base.Save(projectDir, migration, outputDir, dryRun);
        if (!dryRun)
        {
            Rewrite(files.MigrationFile);
            Rewrite(files.MetadataFile);
            Rewrite(files.SnapshotFile);
        }

        return files;
    }

    public override MigrationFiles RemoveMigration(
        string projectDir, string? rootNamespace, bool force, string? language, bool dryRun)
    {
        // EF rewrites the snapshot without reporting where, so find it first (it is the file named after its class).
        var snapshot = Dependencies.MigrationsAssembly.ModelSnapshot?.GetType().Name;
        var snapshotFile = snapshot is null ? null : TryGetProjectFile(projectDir, snapshot + ".cs");
        var files = base.RemoveMigration(projectDir, rootNamespace, force, language, dryRun);
        if (!dryRun)
        {
            Rewrite(snapshotFile);
        }

        return files;
    }

    private static void Rewrite(string? file)
    {
        if (file is not null && File.Exists(file))
        {
            File.WriteAllText(file, File.ReadAllText(file), Utf8);
        }
    }
}
