using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Audit;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Actions;
using Lodestar.Formats.Benchmarks;
using Lodestar.Formats.Frameworks;
using Lodestar.Formats.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Imports;

/// <summary>What a benchmark import stored: figures per measure, and how many councils' neighbours.</summary>
public sealed record BenchmarkImportSummary(IReadOnlyList<BenchmarkImportCount> Counts, int NeighbourCouncils);

/// <summary>
/// A benchmark import's outcome. When <see cref="Result"/> failed, <see cref="InputUnusable"/> tells an input
/// that could not be used at all (the mapping, or the folder, a file or a column it names) from data errors
/// in files that could be read; the problems say which either way.
/// </summary>
public sealed record BenchmarkImportOutcome(Result<BenchmarkImportSummary> Result, bool InputUnusable);

/// <summary>What an actions file stored, and the targets its plan set on the frameworks' measures.</summary>
public sealed record ActionsImportSummary(ActionsDocument Document, ActionsImportResult Stored, int TargetsSet, IReadOnlyList<Problem> TargetProblems);

/// <summary>
/// Every import of Lodestar's own data — frameworks, periodic values, targets, DfE benchmarks, action
/// plans — for every host (web pages, JSON API, CLI, the demo start). Each reads the file, refuses it
/// whole with its problems, or stores it all in one transaction together with its audit entry: the same
/// file gives the same outcome and the same audit entry from any host.
/// </summary>
/// <remarks>
/// <paramref name="scorecards"/>: the web app's cache of built scorecards, emptied after every stored change
/// (the command line has none).
/// </remarks>
public sealed class Importer(LodestarDbContext db, AuditLog audit, TimeProvider clock, ScorecardCache? scorecards = null)
{
    /// <summary>Frameworks from YAML files, imported together in whatever order resolves the measures they share; given back in that order.</summary>
    public async Task<Result<IReadOnlyList<Framework>>> FrameworksAsync(string actor, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var read = paths.Select(p => (Path: p, Result: FrameworkYaml.ReadFile(p))).ToList();
        if (read.Any(r => !r.Result.Succeeded))
        {
            return Result.Failure<IReadOnlyList<Framework>>(read.SelectMany(r => r.Result.Problems));
        }

        var frameworks = read.Select(r => r.Result.Value).ToList();
        var entries = frameworks.Select(f => audit.Add(actor, AuditActions.Import, $"framework {f.Id}", $"{f.Measures.Count} measures defined")).ToList();
        var outcomes = await new FrameworkStore(db).ImportAllAsync(frameworks, cancellationToken);
        var refused = outcomes.Where(o => !o.Result.Succeeded).ToList();
        if (refused.Count > 0)
        {
            Forget(entries);
            return Result.Failure<IReadOnlyList<Framework>>(refused.SelectMany(o =>
                o.Result.Problems.Select(p => p with { File = Path.GetFileName(read.First(r => r.Result.Value == o.Framework).Path) })));
        }

        scorecards?.Invalidate();
        // In the order they were stored: a framework before those that use its measures.
        return Result.Success<IReadOnlyList<Framework>>([.. outcomes.Select(o => o.Framework)]);
    }

    /// <summary>
    /// Periodic values from a CSV or XLSX file (by its name's extension); a value for the same measure, council
    /// and period is replaced. <paramref name="allowed"/>: the councils (DfE codes) the actor may enter values
    /// for; a row for another is refused as one for an unknown council. Null: every council.
    /// </summary>
    public async Task<Result<int>> ValuesAsync(string actor, string fileName, Stream content, IReadOnlySet<string>? allowed = null, CancellationToken cancellationToken = default)
    {
        var file = Path.GetFileName(fileName);
        var rows = SheetRows.Read(file, content);
        if (!rows.Succeeded)
        {
            return Result.Failure<int>(rows.Problems);
        }

        var store = new FrameworkStore(db);
        var measures = await store.MeasuresAsync(cancellationToken: cancellationToken);
        var councils = await store.CouncilCodesAsync(cancellationToken);
        var read = PeriodicValuesFile.Validate(
            file, rows.Value, measures.ContainsKey,
            c => councils.GetValueOrDefault(c) is { } code && (allowed is null || allowed.Contains(code)) ? code : null,
            actor, clock.GetUtcNow());
        if (!read.Succeeded)
        {
            return Result.Failure<int>(read.Problems);
        }

        var entry = audit.Add(actor, AuditActions.Import, $"values {file}", $"{read.Value.Count} values");
        return Audited(entry, await store.ImportValuesAsync(read.Value, cancellationToken), file);
    }

    /// <summary>One value entered by hand on a measure's page; replaces the value for the same measure, council and period.</summary>
    public async Task<Result<int>> ValueAsync(string actor, PeriodicValue value, CancellationToken cancellationToken = default)
    {
        var entry = audit.Add(actor, AuditActions.Edit, $"value {value.MeasureId} {value.Council} {value.Period}", value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Audited(entry, await new FrameworkStore(db).ImportValuesAsync([value], cancellationToken), null);
    }

    /// <summary>Targets from a CSV or XLSX file; a target for the same measure, council and period is replaced.</summary>
    public async Task<Result<int>> TargetsAsync(string actor, string path, CancellationToken cancellationToken = default)
    {
        var file = Path.GetFileName(path);
        var store = new FrameworkStore(db);
        var measures = await store.MeasuresAsync(cancellationToken: cancellationToken);
        var councils = await store.CouncilCodesAsync(cancellationToken);
        var read = TargetsFile.Read(path, measures.ContainsKey, c => councils.GetValueOrDefault(c));
        if (!read.Succeeded)
        {
            return Result.Failure<int>(read.Problems);
        }

        var entry = audit.Add(actor, AuditActions.Import, $"targets {file}", $"{read.Value.Count} targets");
        return Audited(entry, await store.SetTargetsAsync(read.Value, cancellationToken), file);
    }

    /// <summary>
    /// The DfE's published figures: the CSVs in a folder read through the mapping; a measure-year already
    /// stored is replaced. A mapping that cannot be read or is invalid, and a folder, file or column it names
    /// that is missing, are an unusable input; bad cells are data errors (<see cref="BenchmarkImportOutcome"/>).
    /// </summary>
    public async Task<BenchmarkImportOutcome> BenchmarksAsync(string actor, string folder, string mappingPath, CancellationToken cancellationToken = default)
    {
        var mapping = BenchmarkMapping.Load(mappingPath);
        if (!mapping.Succeeded)
        {
            return new(Result.Failure<BenchmarkImportSummary>(mapping.Problems), InputUnusable: true);
        }

        var read = DfeBenchmarkReader.Read(folder, mapping.Value);
        if (!read.Succeeded)
        {
            return new(Result.Failure<BenchmarkImportSummary>(read.Problems), read.InputUnusable);
        }

        var entry = audit.Add(actor, AuditActions.Import, $"benchmarks {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}", $"{read.Import.Observations.Count} figures");
        try
        {
            var counts = await new BenchmarkStore(db).ImportAsync(read.Import, cancellationToken);
            scorecards?.Invalidate();
            return new(Result.Success(new BenchmarkImportSummary(counts, read.Import.Neighbours.Select(n => n.CouncilCode).Distinct().Count())), InputUnusable: false);
        }
        catch (DbUpdateException e)
        {
            Forget([entry]);
            return new(Result.Failure<BenchmarkImportSummary>(new Problem($"the database refused the figures ({e.InnerException?.Message ?? e.Message})")), InputUnusable: false);
        }
    }

    /// <summary>
    /// An action plan, savings plan and benefits register file (any of the three); the plan's targets on
    /// measures are set on the frameworks' measures too (their problems are reported, not fatal).
    /// </summary>
    public async Task<Result<ActionsImportSummary>> ActionsAsync(string actor, string path, CancellationToken cancellationToken = default)
    {
        var read = ActionsYamlReader.ReadFile(path);
        if (!read.Succeeded)
        {
            return Result.Failure<ActionsImportSummary>(read.Problems);
        }

        var document = read.Value;
        var ids = new[] { document.Plan?.Id, document.Savings?.Id, document.Benefits?.Id }.OfType<string>();
        audit.Add(actor, AuditActions.Import, $"actions {Path.GetFileName(path)}", string.Join(", ", ids));
        var stored = await ActionsStore.ImportAsync(db, document.Plan, document.Savings, document.Benefits, cancellationToken);
        var (set, problems) = (0, (IReadOnlyList<Problem>)[]);
        if (document.Plan is { } plan)
        {
            var targets = await ActionPlanTargets.StoreAsync(db, plan, cancellationToken);
            (set, problems) = (targets.Succeeded ? targets.Value : 0, targets.Problems);
            scorecards?.Invalidate();
        }

        return Result.Success(new ActionsImportSummary(document, stored, set, problems));
    }

    /// <summary>A store's outcome; when it refused the change, its audit entry goes too, and its problems name the file.</summary>
    private Result<int> Audited(AuditEventEntity entry, Result<int> stored, string? file)
    {
        if (stored.Succeeded)
        {
            scorecards?.Invalidate();
            return stored;
        }

        Forget([entry]);
        return Result.Failure<int>(stored.Problems.Select(p => file is null || p.File is not null ? p : p with { File = file }));
    }

    /// <summary>Audit entries added for a change that was then refused: they must not be saved with a later change.</summary>
    private void Forget(IEnumerable<AuditEventEntity> entries)
    {
        foreach (var entry in entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }
    }
}
