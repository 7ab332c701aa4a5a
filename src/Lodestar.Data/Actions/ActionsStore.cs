using Lodestar.Data.Benefits;
using Lodestar.Data.Savings;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Benefits;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Actions;

/// <summary>What an import changed.</summary>
public sealed record ActionsImportResult(bool PlanCreated, int HistoryAdded, bool SavingsCreated, bool RegisterCreated);

/// <summary>
/// Stores and loads action plans, savings plans and benefits registers. An import is an upsert by id in one
/// transaction (all or nothing): a plan's outcomes, workstreams, deliverables and targets are replaced by the
/// file's; its progress updates and overrides, and a register's realised values, are history — entries not
/// already stored are added, and stored ones are never changed or removed.
/// </summary>
public static class ActionsStore
{
    private const char ListSeparator = '\n';

    public static async Task<ActionsImportResult> ImportAsync(
        LodestarDbContext db, ActionPlan? plan, SavingsPlan? savings, BenefitsRegister? register, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (planCreated, historyAdded) = plan is null ? (false, 0) : await UpsertPlanAsync(db, plan, cancellationToken);
            var savingsCreated = savings is not null && await UpsertSavingsAsync(db, savings, plan?.Id, cancellationToken);
            var (registerCreated, realisedAdded) = register is null ? (false, 0) : await UpsertRegisterAsync(db, register, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ActionsImportResult(planCreated, historyAdded + realisedAdded, savingsCreated, registerCreated);
        });
    }

    private static async Task<(bool Created, int HistoryAdded)> UpsertPlanAsync(LodestarDbContext db, ActionPlan plan, CancellationToken cancellationToken)
    {
        var record = await db.Set<ActionPlanEntity>()
            .Include(p => p.Items).Include(p => p.Targets).Include(p => p.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.PlanId == plan.Id, cancellationToken);
        var created = record is null;
        if (record is null)
        {
            record = new ActionPlanEntity { PlanId = plan.Id, Title = plan.Title };
            db.Add(record);
        }

        record.Title = plan.Title;
        record.Council = plan.Council;
        record.Source = plan.Source;
        record.AsAt = plan.AsAt;
        record.WarningWindowDays = plan.WarningWindowDays;
        record.Notes = plan.Notes;
        db.RemoveRange(record.Items);
        db.RemoveRange(record.Targets);
        record.Items.Clear();
        record.Targets.Clear();
        record.Targets.AddRange(plan.Targets.Select((t, i) => new ActionPlanTargetEntity
        {
            Position = i, MeasureId = t.MeasureId, CouncilCode = t.CouncilCode, Date = t.Date, Value = t.Value,
        }));

        var history = new HistoryMerger(record.History);
        var position = 0;
        foreach (var outcome in plan.Outcomes)
        {
            record.Items.Add(new ActionItemEntity { Position = position++, Kind = ActionItemKind.Outcome, Number = outcome.Number, Title = outcome.Title });
            foreach (var w in outcome.Workstreams)
            {
                record.Items.Add(new ActionItemEntity
                {
                    Position = position++,
                    Kind = ActionItemKind.Workstream,
                    Number = w.Number,
                    Title = w.Title,
                    Description = w.Description,
                    Leads = JoinList(w.Leads),
                    TargetAgeGroup = w.TargetAgeGroup,
                    Priority = w.Priority,
                    ImpactObjective = w.ImpactObjective,
                    ExpectedImpact = w.ExpectedImpact,
                    HowMeasured = w.HowMeasured,
                    TargetSavingK = w.TargetSavingK,
                    TargetReduction52Wk = w.TargetReduction52Wk,
                    RecordedRag = w.RecordedRag,
                });
                history.AddProgress(ActionItemKind.Workstream, w.Number, w.Progress);
                foreach (var d in w.Deliverables)
                {
                    record.Items.Add(new ActionItemEntity
                    {
                        Position = position++,
                        Kind = ActionItemKind.Deliverable,
                        Number = d.Number,
                        Title = d.Text,
                        ImpactObjective = d.ImpactObjective,
                        ExpectedImpact = d.ExpectedImpact,
                        HowMeasured = d.HowMeasured,
                        TargetSavingK = d.TargetSavingK,
                        TargetReduction52Wk = d.TargetReduction52Wk,
                        RecordedRag = d.RecordedRag,
                        TargetEnd = d.TargetEnd,
                        RevisedEnd = d.RevisedEnd,
                        Completed = d.Completed,
                        Measures = JoinList(d.Measures),
                    });
                    history.AddProgress(ActionItemKind.Deliverable, d.Number, d.Progress);
                    history.AddOverrides(d.Number, d.Overrides);
                }
            }
        }

        return (created, history.Added);
    }

    /// <summary>Adds the file's history entries that are not stored yet, after the stored ones.</summary>
    private sealed class HistoryMerger(List<ActionHistoryEntity> stored)
    {
        private readonly HashSet<(ActionItemKind, string, ActionHistoryKind, DateOnly, string, string, ActionRag?)> _known =
            [.. stored.Select(h => (h.ItemKind, h.ItemNumber, h.Kind, h.Date, h.By, h.Text, h.Rag))];

        private int _sequence = stored.Count == 0 ? 0 : stored.Max(h => h.Sequence) + 1;

        public int Added { get; private set; }

        public void AddProgress(ActionItemKind kind, string number, IEnumerable<ProgressUpdate> progress)
        {
            foreach (var p in progress)
            {
                Add(kind, number, ActionHistoryKind.Progress, p.Date, p.By, p.Text, p.Rag);
            }
        }

        public void AddOverrides(string number, IEnumerable<RagOverride> overrides)
        {
            foreach (var o in overrides)
            {
                Add(ActionItemKind.Deliverable, number, ActionHistoryKind.Override, o.Date, o.By, o.Reason, o.Rag);
            }
        }

        private void Add(ActionItemKind itemKind, string number, ActionHistoryKind kind, DateOnly date, string by, string text, ActionRag? rag)
        {
            if (_known.Add((itemKind, number, kind, date, by, text, rag)))
            {
                stored.Add(new ActionHistoryEntity
                {
                    ItemKind = itemKind, ItemNumber = number, Kind = kind, Sequence = _sequence++, Date = date, By = by, Text = text, Rag = rag,
                });
                Added++;
            }
        }
    }

    /// <summary>The stored plan with its whole history (each item's entries by date, then in the order recorded); null when there is none.</summary>
    public static async Task<ActionPlan?> LoadPlanAsync(LodestarDbContext db, string planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var record = await db.Set<ActionPlanEntity>().AsNoTracking()
            .Include(p => p.Items).Include(p => p.Targets).Include(p => p.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.PlanId == planId, cancellationToken);
        return record is null ? null : ToPlan(record);
    }

    /// <summary>
    /// The council a savings plan is for: its action plan's (<paramref name="savingsPlanId"/> as
    /// <see cref="LoadSavingsAsync"/> takes it); null for a plan tied to no council or no such plan.
    /// </summary>
    public static async Task<string?> SavingsPlanCouncilAsync(LodestarDbContext db, string savingsPlanId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actionPlanId = await db.Set<SavingsPlanEntity>().AsNoTracking()
            .Where(p => p.PlanId == savingsPlanId || p.ActionPlanId == savingsPlanId)
            .OrderBy(p => p.PlanId == savingsPlanId ? 0 : 1).ThenBy(p => p.PlanId)
            .Select(p => p.ActionPlanId).FirstOrDefaultAsync(cancellationToken);
        return actionPlanId is null ? null
            : await db.Set<ActionPlanEntity>().AsNoTracking().Where(p => p.PlanId == actionPlanId).Select(p => p.Council).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Each stored action plan's council (null for a plan tied to none), by action plan id.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> PlanCouncilsAsync(LodestarDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<ActionPlanEntity>().AsNoTracking().ToDictionaryAsync(p => p.PlanId, p => p.Council, StringComparer.Ordinal, cancellationToken);
    }

    public static async Task<IReadOnlyList<string>> ListPlanIdsAsync(LodestarDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<ActionPlanEntity>().OrderBy(p => p.PlanId).Select(p => p.PlanId).ToListAsync(cancellationToken);
    }

    private static ActionPlan ToPlan(ActionPlanEntity record)
    {
        var history = record.History
            .OrderBy(h => h.Date).ThenBy(h => h.Sequence)
            .ToLookup(h => (h.ItemKind, h.ItemNumber));
        List<ProgressUpdate> Progress(ActionItemKind kind, string number) =>
            [.. history[(kind, number)].Where(h => h.Kind == ActionHistoryKind.Progress).Select(h => new ProgressUpdate(h.Date, h.By, h.Text, h.Rag))];

        var outcomes = new List<Outcome>();
        List<Workstream>? workstreams = null;
        List<Deliverable>? deliverables = null;
        Outcome? outcome = null;
        Workstream? workstream = null;

        void CloseWorkstream()
        {
            if (workstream is not null)
            {
                workstreams!.Add(workstream with { Deliverables = deliverables! });
                workstream = null;
            }
        }

        void CloseOutcome()
        {
            CloseWorkstream();
            if (outcome is not null)
            {
                outcomes.Add(outcome with { Workstreams = workstreams! });
                outcome = null;
            }
        }

        foreach (var item in record.Items.OrderBy(i => i.Position))
        {
            switch (item.Kind)
            {
                case ActionItemKind.Outcome:
                    CloseOutcome();
                    outcome = new Outcome { Number = item.Number, Title = item.Title };
                    workstreams = [];
                    break;
                case ActionItemKind.Workstream:
                    CloseWorkstream();
                    workstream = new Workstream
                    {
                        Number = item.Number,
                        Title = item.Title,
                        Description = item.Description,
                        Leads = SplitList(item.Leads),
                        TargetAgeGroup = item.TargetAgeGroup,
                        Priority = item.Priority,
                        ImpactObjective = item.ImpactObjective,
                        ExpectedImpact = item.ExpectedImpact,
                        HowMeasured = item.HowMeasured,
                        TargetSavingK = item.TargetSavingK,
                        TargetReduction52Wk = item.TargetReduction52Wk,
                        RecordedRag = item.RecordedRag,
                        Progress = Progress(ActionItemKind.Workstream, item.Number),
                    };
                    deliverables = [];
                    break;
                case ActionItemKind.Deliverable:
                    deliverables!.Add(new Deliverable
                    {
                        Number = item.Number,
                        Text = item.Title,
                        TargetEnd = item.TargetEnd,
                        RevisedEnd = item.RevisedEnd,
                        Completed = item.Completed,
                        ImpactObjective = item.ImpactObjective,
                        ExpectedImpact = item.ExpectedImpact,
                        HowMeasured = item.HowMeasured,
                        Measures = SplitList(item.Measures),
                        TargetSavingK = item.TargetSavingK,
                        TargetReduction52Wk = item.TargetReduction52Wk,
                        RecordedRag = item.RecordedRag,
                        Progress = Progress(ActionItemKind.Deliverable, item.Number),
                        Overrides = [.. history[(ActionItemKind.Deliverable, item.Number)]
                            .Where(h => h.Kind == ActionHistoryKind.Override)
                            .Select(h => new RagOverride(h.Date, h.By, h.Rag, h.Text))],
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Unknown action item kind {item.Kind}.");
            }
        }

        CloseOutcome();
        return new ActionPlan
        {
            Id = record.PlanId,
            Title = record.Title,
            Council = record.Council,
            Source = record.Source,
            AsAt = record.AsAt,
            WarningWindowDays = record.WarningWindowDays,
            Notes = record.Notes,
            Targets = [.. record.Targets.OrderBy(t => t.Position).Select(t => new MeasureTarget(t.MeasureId, t.CouncilCode, t.Date, t.Value))],
            Outcomes = outcomes,
        };
    }

    private static async Task<bool> UpsertSavingsAsync(LodestarDbContext db, SavingsPlan savings, string? actionPlanId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<SavingsPlanEntity>().SingleOrDefaultAsync(p => p.PlanId == savings.Id, cancellationToken);
        if (existing is not null)
        {
            db.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.Add(new SavingsPlanEntity
        {
            PlanId = savings.Id,
            ActionPlanId = actionPlanId,
            Title = savings.Title,
            Years = [.. savings.Years],
            PlacementYear = savings.PlacementYear,
            Notes = savings.Notes,
            StatedPlacementBpSavingsK = savings.StatedPlacementTotal?.BpSavingsK,
            StatedPlacementBudgetTransfersK = savings.StatedPlacementTotal?.BudgetTransfersK,
            StatedPlacementTotalK = savings.StatedPlacementTotal?.TotalK,
            Objectives = [.. savings.ByObjective.Select((o, i) => new SavingsObjectiveEntity
            {
                Position = i,
                Objective = o.Objective,
                BpReference = o.BpReference,
                PlacementTypes = JoinList(o.PlacementTypes.Select(p => p.ToString())),
                Values = [.. o.ValuesK.Select(v => new SavingsObjectiveValueEntity { Year = v.Key, ValueK = v.Value })],
            })],
            StatedTotals = [.. savings.StatedTotalsK.Select(t => new SavingsStatedTotalEntity { Year = t.Key, ValueK = t.Value })],
            PlacementLines = [.. savings.ByPlacementType.Select((p, i) => new SavingsPlacementLineEntity
            {
                Position = i, PlacementType = p.PlacementType, Label = p.Label, BpSavingsK = p.BpSavingsK, BudgetTransfersK = p.BudgetTransfersK, UnsplitK = p.UnsplitK,
            })],
        });
        return existing is null;
    }

    /// <summary>The savings plan with this id, or else the one imported with the action plan of this id; null when there is none.</summary>
    public static async Task<SavingsPlan?> LoadSavingsAsync(LodestarDbContext db, string planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<SavingsPlanEntity>().AsNoTracking()
            .Include(p => p.Objectives).ThenInclude(o => o.Values)
            .Include(p => p.StatedTotals).Include(p => p.PlacementLines)
            .AsSplitQuery();
        var record = await query.SingleOrDefaultAsync(p => p.PlanId == planId, cancellationToken)
            ?? await query.OrderBy(p => p.PlanId).FirstOrDefaultAsync(p => p.ActionPlanId == planId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var years = record.Years;
        return new SavingsPlan
        {
            Id = record.PlanId,
            Title = record.Title,
            Years = years,
            PlacementYear = record.PlacementYear,
            Notes = record.Notes,
            ByObjective = [.. record.Objectives.OrderBy(o => o.Position).Select(o => new ObjectiveSavings
            {
                Objective = o.Objective,
                BpReference = o.BpReference,
                PlacementTypes = [.. SplitList(o.PlacementTypes).Select(Enum.Parse<PlacementCategory>)],
                ValuesK = InYearOrder(years, o.Values.Select(v => (v.Year, v.ValueK))),
            })],
            StatedTotalsK = InYearOrder(years, record.StatedTotals.Select(t => (t.Year, t.ValueK))),
            ByPlacementType = [.. record.PlacementLines.OrderBy(l => l.Position).Select(l => new PlacementTypeSavings
            {
                PlacementType = l.PlacementType, Label = l.Label, BpSavingsK = l.BpSavingsK, BudgetTransfersK = l.BudgetTransfersK, UnsplitK = l.UnsplitK,
            })],
            StatedPlacementTotal = record is { StatedPlacementBpSavingsK: null, StatedPlacementBudgetTransfersK: null, StatedPlacementTotalK: null }
                ? null
                : new PlacementTotals(record.StatedPlacementBpSavingsK, record.StatedPlacementBudgetTransfersK, record.StatedPlacementTotalK),
        };
    }

    private static Dictionary<Period, decimal> InYearOrder(List<Period> years, IEnumerable<(Period Year, decimal Value)> values) =>
        values.OrderBy(v => years.IndexOf(v.Year) is var i and >= 0 ? i : int.MaxValue).ToDictionary(v => v.Year, v => v.Value);

    private static async Task<(bool Created, int RealisedAdded)> UpsertRegisterAsync(LodestarDbContext db, BenefitsRegister register, CancellationToken cancellationToken)
    {
        var record = await db.Set<BenefitsRegisterEntity>()
            .Include(r => r.Benefits).Include(r => r.Realised)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.RegisterId == register.Id, cancellationToken);
        var created = record is null;
        if (record is null)
        {
            record = new BenefitsRegisterEntity { RegisterId = register.Id, Title = register.Title };
            db.Add(record);
        }

        record.Title = register.Title;
        record.Source = register.Source;
        record.Notes = register.Notes;
        db.RemoveRange(record.Benefits);
        record.Benefits.Clear();
        record.Benefits.AddRange(register.Benefits.Select((b, i) => new BenefitEntity
        {
            Position = i,
            BenefitId = b.Id,
            Description = b.Description,
            Financial = b.Financial,
            Timing = b.Timing,
            HowMeasured = b.HowMeasured,
            Baseline = b.Baseline,
            BaselineValue = b.BaselineValue,
            Target = b.Target,
            ValuePerYear = b.ValuePerYear,
            ConfidencePercent = b.ConfidencePercent,
            Measures = JoinList(b.Measures),
        }));

        var known = record.Realised.Select(r => (r.BenefitId, r.Date, r.Value, r.Note)).ToHashSet();
        var sequence = record.Realised.Count == 0 ? 0 : record.Realised.Max(r => r.Sequence) + 1;
        var added = 0;
        foreach (var benefit in register.Benefits)
        {
            foreach (var realised in benefit.Realised.Where(r => known.Add((benefit.Id, r.Date, r.Value, r.Note))))
            {
                record.Realised.Add(new BenefitRealisedEntity { BenefitId = benefit.Id, Sequence = sequence++, Date = realised.Date, Value = realised.Value, Note = realised.Note });
                added++;
            }
        }

        return (created, added);
    }

    /// <summary>Every stored benefits register, by id, with all realised values.</summary>
    public static async Task<IReadOnlyList<BenefitsRegister>> LoadRegistersAsync(LodestarDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = await db.Set<BenefitsRegisterEntity>().AsNoTracking()
            .Include(r => r.Benefits).Include(r => r.Realised)
            .AsSplitQuery()
            .OrderBy(r => r.RegisterId)
            .ToListAsync(cancellationToken);
        return [.. records.Select(r =>
        {
            var realised = r.Realised.OrderBy(v => v.Date).ThenBy(v => v.Sequence).ToLookup(v => v.BenefitId, StringComparer.Ordinal);
            return new BenefitsRegister
            {
                Id = r.RegisterId,
                Title = r.Title,
                Source = r.Source,
                Notes = r.Notes,
                Benefits = [.. r.Benefits.OrderBy(b => b.Position).Select(b => new Benefit
                {
                    Id = b.BenefitId,
                    Description = b.Description,
                    Financial = b.Financial,
                    Timing = b.Timing,
                    HowMeasured = b.HowMeasured,
                    Baseline = b.Baseline,
                    BaselineValue = b.BaselineValue,
                    Target = b.Target,
                    ValuePerYear = b.ValuePerYear,
                    ConfidencePercent = b.ConfidencePercent,
                    Measures = SplitList(b.Measures),
                    Realised = [.. realised[b.BenefitId].Select(v => new RealisedValue(v.Date, v.Value, v.Note))],
                })],
            };
        })];
    }

    private static string? JoinList(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : string.Join(ListSeparator, list);
    }

    private static List<string> SplitList(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : [.. joined.Split(ListSeparator)];
}
