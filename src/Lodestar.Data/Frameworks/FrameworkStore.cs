using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Frameworks;

/// <summary>A framework as listed: id, title, and how many nodes and measures it has.</summary>
public sealed record FrameworkSummary(string Id, string Title, string? Owner, int Nodes, int Measures);

/// <summary>
/// Frameworks, measures, periodic values and targets in the database, and the scorecard built from
/// them. Every import is all-or-nothing: it checks first, then writes in one transaction. An import
/// gives how many things it stored, or the problems that stopped it (nothing stored).
/// </summary>
public sealed class FrameworkStore(LodestarDbContext db)
{
    /// <summary>
    /// Stores several frameworks in one transaction, all or nothing, in whatever order resolves the
    /// measures they share (a file may use measures another defines). Returns each framework's outcome,
    /// the stored ones in the order they were stored, then the refused ones; nothing is stored unless every
    /// one succeeded.
    /// </summary>
    public async Task<IReadOnlyList<(Framework Framework, Result<int> Result)>> ImportAllAsync(IReadOnlyList<Framework> frameworks, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = new List<(Framework, Result<int>)>();
        var refusedLast = new List<(Framework, Result<int>)>();
        var pending = frameworks.ToList();
        while (pending.Count > 0)
        {
            var refused = new List<Framework>();
            refusedLast.Clear();
            foreach (var framework in pending)
            {
                var result = await ImportAsync(framework, cancellationToken);
                if (result.Succeeded)
                {
                    stored.Add((framework, result));
                }
                else
                {
                    refused.Add(framework);
                    refusedLast.Add((framework, result));
                }
            }

            if (refused.Count == pending.Count)
            {
                break;
            }

            pending = refused;
        }

        if (refusedLast.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return [.. stored, .. refusedLast];
    }

    /// <summary>
    /// Stores a framework, replacing any with the same id (its tree, tag sets and intentions), and upserts
    /// the measures it defines. Refused when a node references a measure defined nowhere, a formula reads
    /// an unknown measure, or a measure id is already defined by another framework. Runs in its own
    /// transaction, or in the caller's when one is open.
    /// </summary>
    public async Task<Result<int>> ImportAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        var defined = framework.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var referenced = framework.ReferencedMeasureIds()
            .Concat(framework.Measures.Where(m => m.Source.Kind == MeasureSourceKind.Formula)
                .SelectMany(m => Formula.TryParse(m.Source.Reference, out var f, out _) ? f!.MeasureIds : []))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var elsewhere = referenced.Where(id => !defined.Contains(id)).ToList();
        var ids = defined.Concat(elsewhere).ToList();
        var stored = await db.Set<MeasureEntity>().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

        var problems = new List<Problem>();
        foreach (var id in elsewhere.Where(id => !stored.ContainsKey(id)))
        {
            problems.Add(new Problem($"measure '{id}' is used but not defined in this framework or any stored one"));
        }

        foreach (var measure in framework.Measures)
        {
            if (stored.TryGetValue(measure.Id, out var row) && row.DefinedBy != framework.Id)
            {
                problems.Add(new Problem($"measure '{measure.Id}' is already defined by framework '{row.DefinedBy}': define it once and reference it by id"));
            }

            if (measure.Source.Kind == MeasureSourceKind.Formula && !Formula.TryParse(measure.Source.Reference, out _, out var error))
            {
                problems.Add(new Problem($"measure '{measure.Id}': {error}"));
            }
        }

        if (problems.Count > 0)
        {
            return Result.Failure<int>(problems);
        }

        // Inside a caller's transaction (several files imported together), that one decides.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Set<NodeEntity>().Where(n => n.FrameworkId == framework.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<TagSetEntity>().Where(s => s.FrameworkId == framework.Id).ExecuteDeleteAsync(cancellationToken);

        for (var i = 0; i < framework.Measures.Count; i++)
        {
            var measure = framework.Measures[i];
            if (!stored.TryGetValue(measure.Id, out var row))
            {
                row = new MeasureEntity { Id = measure.Id, DefinedBy = framework.Id, Title = "", Unit = "", Polarity = "", SourceKind = "", SourceReference = "", Status = "", Tags = "" };
                db.Add(row);
            }

            Copy(measure, framework.Id, row);
            row.Position = i;
        }

        var frameworkRow = await db.Set<FrameworkEntity>().SingleOrDefaultAsync(f => f.Id == framework.Id, cancellationToken);
        if (frameworkRow is null)
        {
            frameworkRow = new FrameworkEntity { Id = framework.Id, Title = framework.Title, RagRule = "" };
            db.Add(frameworkRow);
        }

        frameworkRow.Title = framework.Title;
        frameworkRow.Owner = framework.Owner;
        frameworkRow.PeriodText = framework.PeriodText;
        frameworkRow.Source = framework.Source;
        frameworkRow.Notes = framework.Notes;
        frameworkRow.RagRule = framework.RagRule.ToString();
        db.AddRange(framework.TagSets.Select((set, i) => new TagSetEntity
        {
            FrameworkId = framework.Id,
            SetId = set.Id,
            Title = set.Title,
            Position = i,
            Tags = set.Tags.Select((t, j) => new TagEntity { TagId = t.Id, Title = t.Title, Position = j }).ToList(),
        }));
        db.AddRange(framework.Flatten().Select((placed, i) => new NodeEntity
        {
            FrameworkId = framework.Id,
            NodeId = placed.Node.Id,
            ParentNodeId = placed.ParentId,
            Depth = placed.Depth,
            Position = i,
            Kind = placed.Node.Kind,
            Title = placed.Node.Title,
            Description = placed.Node.Description,
            Measures = placed.Node.MeasureIds.Select((m, j) => new NodeMeasureEntity { MeasureId = m, Position = j }).ToList(),
            Intentions = placed.Node.Intentions.Select((x, j) => new IntentionEntity { Position = j, Text = x.Text, Tags = TagText.Write(x.Tags) }).ToList(),
        }));
        var count = await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return Result.Success(count);
    }

    public async Task<IReadOnlyList<FrameworkSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var frameworks = await db.Set<FrameworkEntity>().AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.Title, f.Owner, Nodes = f.Nodes.Count, Measures = f.Nodes.SelectMany(n => n.Measures).Select(m => m.MeasureId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return frameworks.Select(f => new FrameworkSummary(f.Id, f.Title, f.Owner, f.Nodes, f.Measures)).ToList();
    }

    /// <summary>The framework as imported, with the measures it defines; null when there is none with that id.</summary>
    public async Task<Framework?> LoadAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<FrameworkEntity>().AsNoTracking().AsSplitQuery()
            .Include(f => f.TagSets).ThenInclude(s => s.Tags)
            .Include(f => f.Nodes).ThenInclude(n => n.Measures)
            .Include(f => f.Nodes).ThenInclude(n => n.Intentions)
            .SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var measures = await db.Set<MeasureEntity>().AsNoTracking().Where(m => m.DefinedBy == id).ToListAsync(cancellationToken);
        var children = row.Nodes.OrderBy(n => n.Position).ToLookup(n => n.ParentNodeId ?? "");

        FrameworkNode NodeOf(NodeEntity n) => new()
        {
            Id = n.NodeId,
            Kind = n.Kind,
            Title = n.Title,
            Description = n.Description,
            MeasureIds = n.Measures.OrderBy(m => m.Position).Select(m => m.MeasureId).ToList(),
            Intentions = n.Intentions.OrderBy(i => i.Position).Select(i => new CommissioningIntention(i.Text, TagText.Read(i.Tags))).ToList(),
            Children = children[n.NodeId].Where(c => c.ParentNodeId is not null).Select(NodeOf).ToList(),
        };

        return new Framework
        {
            Id = row.Id,
            Title = row.Title,
            Owner = row.Owner,
            PeriodText = row.PeriodText,
            Source = row.Source,
            Notes = row.Notes,
            RagRule = Enum.Parse<RagRule>(row.RagRule),
            TagSets = row.TagSets.OrderBy(s => s.Position).Select(s => new TagSet(s.SetId, s.Title, s.Tags.OrderBy(t => t.Position).Select(t => new Tag(t.TagId, t.Title)).ToList())).ToList(),
            Measures = measures.OrderBy(m => m.Position).ThenBy(m => m.Id, StringComparer.Ordinal).Select(ToMeasure).ToList(),
            Nodes = children[""].Select(NodeOf).ToList(),
        };
    }

    /// <summary>The measures with these ids (all measures when null).</summary>
    public async Task<IReadOnlyDictionary<string, Measure>> MeasuresAsync(IEnumerable<string>? ids = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<MeasureEntity>().AsNoTracking();
        if (ids is not null)
        {
            var list = ids.ToList();
            query = query.Where(m => list.Contains(m.Id));
        }

        return (await query.ToListAsync(cancellationToken)).Select(ToMeasure).ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>Maps a council's DfE code or LA number to its code, for every council.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CouncilCodesAsync(CancellationToken cancellationToken = default)
    {
        var councils = await db.Councils.AsNoTracking().Select(c => new { c.Code, c.LaNumber }).ToListAsync(cancellationToken);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in councils)
        {
            map[c.Code] = c.Code;
            map[c.LaNumber] = c.Code;
        }

        return map;
    }

    /// <summary>Stores values, replacing any for the same measure, council and dates; all or nothing.</summary>
    public async Task<Result<int>> ImportValuesAsync(IReadOnlyList<PeriodicValue> values, CancellationToken cancellationToken = default)
    {
        var problems = await CheckReferencesAsync(values.Select(v => (v.MeasureId, v.Council)), cancellationToken);
        if (problems.Count > 0)
        {
            return Result.Failure<int>(problems);
        }

        var measureIds = values.Select(x => x.MeasureId).Distinct().ToList();
        var councils = values.Select(x => x.Council).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = (await db.Set<PeriodicValueEntity>().Where(x => measureIds.Contains(x.MeasureId) && councils.Contains(x.Council)).ToListAsync(cancellationToken))
            .ToDictionary(x => (x.MeasureId, x.Council, x.PeriodStart, x.PeriodEnd));
        foreach (var value in values)
        {
            var row = existing.GetValueOrDefault((value.MeasureId, value.Council, value.Period.Start, value.Period.End));
            if (row is null)
            {
                row = new PeriodicValueEntity { MeasureId = value.MeasureId, Council = value.Council, PeriodKind = "" };
                db.Add(row);
                existing[(value.MeasureId, value.Council, value.Period.Start, value.Period.End)] = row;
            }

            row.PeriodStart = value.Period.Start;
            row.PeriodEnd = value.Period.End;
            row.PeriodKind = value.Period.Kind.ToString();
            row.Value = value.Value;
            row.Numerator = value.Numerator;
            row.Denominator = value.Denominator;
            row.Note = value.Note;
            row.EnteredBy = value.EnteredBy;
            row.EnteredAt = value.EnteredAt;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return Result.Success(values.Count);
    }

    /// <summary>Stores targets, replacing any for the same measure, council and dates; all or nothing.</summary>
    public async Task<Result<int>> SetTargetsAsync(IReadOnlyList<Target> targets, CancellationToken cancellationToken = default)
    {
        var problems = await CheckReferencesAsync(targets.Select(t => (t.MeasureId, t.Council)), cancellationToken);
        if (problems.Count > 0)
        {
            return Result.Failure<int>(problems);
        }

        var measureIds = targets.Select(x => x.MeasureId).Distinct().ToList();
        var councils = targets.Select(x => x.Council).Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = (await db.Set<TargetEntity>().Where(x => measureIds.Contains(x.MeasureId) && councils.Contains(x.Council)).ToListAsync(cancellationToken))
            .ToDictionary(x => (x.MeasureId, x.Council, x.PeriodStart, x.PeriodEnd));
        foreach (var target in targets)
        {
            var row = existing.GetValueOrDefault((target.MeasureId, target.Council, target.Period.Start, target.Period.End));
            if (row is null)
            {
                row = new TargetEntity { MeasureId = target.MeasureId, Council = target.Council, PeriodKind = "", Profile = "" };
                db.Add(row);
                existing[(target.MeasureId, target.Council, target.Period.Start, target.Period.End)] = row;
            }

            row.PeriodStart = target.Period.Start;
            row.PeriodEnd = target.Period.End;
            row.PeriodKind = target.Period.Kind.ToString();
            row.Value = target.Value;
            row.ToleranceAmount = target.Tolerance?.Amount;
            row.ToleranceKind = target.Tolerance?.Kind.ToString();
            row.Profile = target.Profile.ToString();
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return Result.Success(targets.Count);
    }

    /// <summary>Every stored value for the council, for these measures (all measures when null).</summary>
    public async Task<IReadOnlyList<PeriodicValue>> ValuesAsync(string council, IEnumerable<string>? measureIds = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<PeriodicValueEntity>().AsNoTracking().Where(v => v.Council == council);
        if (measureIds is not null)
        {
            var ids = measureIds.ToList();
            query = query.Where(v => ids.Contains(v.MeasureId));
        }

        return await ValuesOfAsync(query, cancellationToken);
    }

    /// <summary>Every stored value for these measures, of every council (a national view), in council then measure order.</summary>
    public async Task<IReadOnlyList<PeriodicValue>> ValuesOfEveryCouncilAsync(IEnumerable<string> measureIds, CancellationToken cancellationToken = default)
    {
        var ids = measureIds.ToList();
        return [.. (await ValuesOfAsync(db.Set<PeriodicValueEntity>().AsNoTracking().Where(v => ids.Contains(v.MeasureId)), cancellationToken)).OrderBy(v => v.Council, StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<PeriodicValue>> ValuesOfAsync(IQueryable<PeriodicValueEntity> query, CancellationToken cancellationToken) =>
        (await query.ToListAsync(cancellationToken)).Select(v => new PeriodicValue
        {
            MeasureId = v.MeasureId,
            Council = v.Council,
            Period = new Period(v.PeriodStart, v.PeriodEnd, Enum.Parse<PeriodKind>(v.PeriodKind)),
            Value = v.Value,
            Numerator = v.Numerator,
            Denominator = v.Denominator,
            Note = v.Note,
            EnteredBy = v.EnteredBy,
            EnteredAt = v.EnteredAt,
        }).OrderBy(v => v.MeasureId, StringComparer.Ordinal).ThenBy(v => v.Period.Start).ThenBy(v => v.Period.End).ToList();

    /// <summary>Every stored target for the council, for these measures (all measures when null).</summary>
    public async Task<IReadOnlyList<Target>> TargetsAsync(string council, IEnumerable<string>? measureIds = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<TargetEntity>().AsNoTracking().Where(t => t.Council == council);
        if (measureIds is not null)
        {
            var ids = measureIds.ToList();
            query = query.Where(t => ids.Contains(t.MeasureId));
        }

        return await TargetsOfAsync(query, cancellationToken);
    }

    /// <summary>Every stored target for these measures, of every council (a national view), in council then measure order.</summary>
    public async Task<IReadOnlyList<Target>> TargetsOfEveryCouncilAsync(IEnumerable<string> measureIds, CancellationToken cancellationToken = default)
    {
        var ids = measureIds.ToList();
        return [.. (await TargetsOfAsync(db.Set<TargetEntity>().AsNoTracking().Where(t => ids.Contains(t.MeasureId)), cancellationToken)).OrderBy(t => t.Council, StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<Target>> TargetsOfAsync(IQueryable<TargetEntity> query, CancellationToken cancellationToken) =>
        (await query.ToListAsync(cancellationToken)).Select(t => new Target
        {
            MeasureId = t.MeasureId,
            Council = t.Council,
            Period = new Period(t.PeriodStart, t.PeriodEnd, Enum.Parse<PeriodKind>(t.PeriodKind)),
            Value = t.Value,
            Tolerance = t.ToleranceAmount is { } amount ? new Tolerance(amount, Enum.Parse<ToleranceKind>(t.ToleranceKind!)) : null,
            Profile = Enum.Parse<TargetProfile>(t.Profile),
        }).OrderBy(t => t.MeasureId, StringComparer.Ordinal).ThenBy(t => t.Period.Start).ToList();

    /// <summary>The framework's measures, and those its formulas read, transitively, by id.</summary>
    public async Task<Dictionary<string, Measure>> MeasuresOfAsync(Framework framework, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var measures = new Dictionary<string, Measure>(StringComparer.Ordinal);
        var wanted = framework.ReferencedMeasureIds().ToList();
        while (wanted.Count > 0)
        {
            var found = await MeasuresAsync(wanted, cancellationToken);
            foreach (var (id, measure) in found)
            {
                measures[id] = measure;
            }

            wanted = found.Values
                .Where(m => m.Source.Kind == MeasureSourceKind.Formula && Formula.TryParse(m.Source.Reference, out _, out _))
                .SelectMany(m => Formula.Parse(m.Source.Reference).MeasureIds)
                .Where(id => !measures.ContainsKey(id))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        return measures;
    }

    /// <summary>
    /// The scorecard for a framework, council (code or LA number) and period — the one call the web app,
    /// the API and the CLI make. Null when the framework or council is unknown.
    /// </summary>
    public async Task<Scorecard?> ScorecardAsync(
        string frameworkId,
        string council,
        Period period,
        Func<string, string, Period, MeasureValue?>? kpis = null,
        Func<Measure, string, Period, IReadOnlyList<BenchmarkFigure>>? benchmarks = null,
        CancellationToken cancellationToken = default)
    {
        var framework = await LoadAsync(frameworkId, cancellationToken);
        if (framework is null || !(await CouncilCodesAsync(cancellationToken)).TryGetValue(council, out var code))
        {
            return null;
        }

        var measures = await MeasuresOfAsync(framework, cancellationToken);

        return Scorecard.Build(new ScorecardRequest
        {
            Framework = framework,
            Measures = measures,
            Council = code,
            Period = period,
            Values = await ValuesAsync(code, measures.Keys, cancellationToken),
            Targets = await TargetsAsync(code, measures.Keys, cancellationToken),
            Kpis = kpis,
            Benchmarks = benchmarks,
        });
    }

    private async Task<List<Problem>> CheckReferencesAsync(IEnumerable<(string MeasureId, string Council)> items, CancellationToken cancellationToken)
    {
        var list = items.ToList();
        var measureIds = list.Select(i => i.MeasureId).Distinct().ToList();
        var councils = list.Select(i => i.Council).Distinct().ToList();
        var knownMeasures = await db.Set<MeasureEntity>().Where(m => measureIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        var knownCouncils = await db.Councils.Where(c => councils.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);
        return measureIds.Except(knownMeasures).Select(m => new Problem($"unknown measure '{m}'"))
            .Concat(councils.Except(knownCouncils).Select(c => new Problem($"unknown council '{c}'")))
            .ToList();
    }

    private static void Copy(Measure measure, string frameworkId, MeasureEntity row)
    {
        row.DefinedBy = frameworkId;
        row.Title = measure.Title;
        row.Number = measure.Number;
        row.Group = measure.Group;
        row.Unit = measure.Unit.ToString();
        row.Polarity = measure.Polarity.ToString();
        row.Decimals = measure.Decimals;
        row.SourceKind = measure.Source.Kind.ToString();
        row.SourceReference = measure.Source.Reference;
        row.Frequency = measure.Frequency?.ToString();
        row.Forum = measure.Forum;
        row.Contractual = measure.Contractual?.ToString();
        row.Responsibility = measure.Responsibility?.ToString();
        row.Status = measure.Status.ToString();
        row.Owner = measure.Owner;
        row.Why = measure.Why;
        row.Tags = TagText.Write(measure.Tags);
    }

    private static Measure ToMeasure(MeasureEntity row) => new()
    {
        Id = row.Id,
        Title = row.Title,
        Number = row.Number,
        Group = row.Group,
        Unit = Enum.Parse<MeasureUnit>(row.Unit),
        Polarity = Enum.Parse<Polarity>(row.Polarity),
        Decimals = row.Decimals,
        Source = new MeasureSource(Enum.Parse<MeasureSourceKind>(row.SourceKind), row.SourceReference),
        Frequency = row.Frequency is null ? null : Enum.Parse<MeasureFrequency>(row.Frequency),
        Forum = row.Forum,
        Contractual = row.Contractual is null ? null : Enum.Parse<ContractualStatus>(row.Contractual),
        Responsibility = row.Responsibility is null ? null : Enum.Parse<Responsibility>(row.Responsibility),
        Status = Enum.Parse<MeasureStatus>(row.Status),
        Owner = row.Owner,
        Why = row.Why,
        Tags = TagText.Read(row.Tags),
    };
}

/// <summary>Tags stored as text: "continuum:PREVENT;priority:safer-communities".</summary>
internal static class TagText
{
    public static string Write(IReadOnlyList<TagRef> tags) => string.Join(";", tags.Select(t => $"{t.SetId}:{t.TagId}"));

    public static IReadOnlyList<TagRef> Read(string text) => text.Length == 0
        ? []
        : text.Split(';').Select(t => t.Split(':', 2)).Select(p => new TagRef(p[0], p[1])).ToList();
}
