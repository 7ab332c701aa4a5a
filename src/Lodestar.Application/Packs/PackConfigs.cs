using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Data.Packs;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Packs;

namespace Lodestar.Application.Packs;

/// <summary>Configured packs (samples/packs, docs/packs.md): read from a file and checked against the framework, stored, loaded by id.</summary>
public static class PackConfigs
{
    /// <summary>Reads and checks a configuration file: problems name the file, line and column, or the section.</summary>
    public static async Task<Result<PackConfig>> ReadAsync(LodestarDbContext db, string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = Path.GetFileName(file);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result.Failure<PackConfig>(Problem.InFile(name, $"cannot be read: {e.Message}"));
        }

        if (text.Length > PackSchedules.MaxConfigLength)
        {
            return Result.Failure<PackConfig>(Problem.InFile(name, $"is {text.Length} characters; a pack configuration may have at most {PackSchedules.MaxConfigLength}."));
        }

        return await CheckAsync(db, PackConfigYaml.Read(text, name), name, cancellationToken);
    }

    /// <summary>Reads, checks and stores a configuration file (replacing one with its id), audited.</summary>
    public static async Task<Result<PackConfig>> ImportAsync(
        LodestarDbContext db, AuditLog audit, TimeProvider clock, string actor, string file, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync(db, file, cancellationToken);
        if (read.Succeeded)
        {
            var config = read.Value;
            await PackSchedules.SaveConfigAsync(db, audit, clock, actor, config.Id, config.Title, config.Framework, config.Source, cancellationToken);
        }

        return read;
    }

    /// <summary>A stored configuration by id; null when there is none.</summary>
    public static async Task<PackConfig?> LoadAsync(LodestarDbContext db, string id, CancellationToken cancellationToken = default)
    {
        var row = await PackSchedules.ConfigAsync(db, id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var read = PackConfigYaml.Read(row.Source, $"{row.Id}.yaml");
        return read.Succeeded ? read.Value : throw new InvalidOperationException($"The stored pack configuration '{id}' no longer reads: {read.Problems[0]}");
    }

    private static async Task<Result<PackConfig>> CheckAsync(LodestarDbContext db, Result<PackConfig> read, string name, CancellationToken cancellationToken)
    {
        if (!read.Succeeded)
        {
            return read;
        }

        var framework = await new FrameworkStore(db).LoadAsync(read.Value.Framework, cancellationToken);
        var problems = BoardPackBuilder.Check(read.Value, framework, name);
        return problems.Count == 0 ? read : Result.Failure<PackConfig>(problems);
    }
}
