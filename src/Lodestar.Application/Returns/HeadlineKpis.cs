using Lodestar.Data;
using Lodestar.Data.Returns;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Periods;
using Lodestar.Metrics.Kpis;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Application.Returns;

/// <summary>One headline KPI of a submission's collection year: its value before and after a step (or "now" and "if confirmed").</summary>
public sealed record HeadlineKpi(string Kpi, string Name, MeasureUnit Unit, double? Before, double? After);

/// <summary>
/// The few KPIs a person deciding on a submission looks at first, for the submission's return and
/// collection year (the reporting year ending 31 March of it): computed from a set of submissions as if
/// they were the council's confirmed ones, so "now" and "if confirmed" (or "before" and "after" a roll-back)
/// are the same engine over two sets of returns.
/// </summary>
public static class HeadlineKpis
{
    /// <summary>The SSDA903's headline KPIs.</summary>
    public static readonly IReadOnlyList<string> Ssda903 =
        ["cla_at_end", "cla_rate_per_10k", "cla_started", "cla_ceased", "cla_placements_3plus", "cla_long_term_stability"];

    /// <summary>The CIN census's headline KPIs.</summary>
    public static readonly IReadOnlyList<string> Cin =
        ["referrals", "rereferrals_12m", "cin_at_end", "cin_rate_per_10k", "cpp_at_end", "cpp_rate_per_10k", "assessments_in_45_days"];

    /// <summary>The Annex A lists' headline KPIs.</summary>
    public static readonly IReadOnlyList<string> AnnexA =
        ["annexa_contacts", "annexa_contacts_to_referral", "annexa_cin_seen_4w", "annexa_cp_visits_10wd", "annexa_cla_visits_6w", "annexa_care_leavers_in_touch"];

    /// <summary>The headline KPIs of a return.</summary>
    public static IReadOnlyList<string> Of(StatutoryReturn statutoryReturn) => statutoryReturn switch
    {
        StatutoryReturn.Ssda903 => Ssda903,
        StatutoryReturn.Cin => Cin,
        _ => AnnexA,
    };

    /// <summary>The headline KPIs computed over <paramref name="before"/> and over <paramref name="after"/>, each a set of the council's submissions.</summary>
    internal static async Task<IReadOnlyList<HeadlineKpi>> CompareAsync(
        LodestarDbContext db, KpiEngine engine, string council, StatutoryReturn statutoryReturn, int collectionYear,
        IReadOnlyCollection<long> before, IReadOnlyCollection<long> after, CancellationToken cancellationToken)
    {
        var ids = Of(statutoryReturn);
        var was = await ComputeAsync(db, engine, council, statutoryReturn, collectionYear, before, ids, cancellationToken);
        var will = await ComputeAsync(db, engine, council, statutoryReturn, collectionYear, after, ids, cancellationToken);
        return [.. ids.Select(id => new HeadlineKpi(id, KpiCatalog.Find(id)!.Name, KpiCatalog.Find(id)!.Unit, was.GetValueOrDefault(id), will.GetValueOrDefault(id)))];
    }

    /// <summary>What is recorded for a submission's steps, in headline order.</summary>
    internal static async Task<IReadOnlyDictionary<SubmissionStep, IReadOnlyList<HeadlineKpi>>> RecordedAsync(LodestarDbContext db, long submissionId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SubmissionKpiEntity>().Where(k => k.SubmissionId == submissionId).AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Step).ToDictionary(g => g.Key, g => Headlines(g));
    }

    /// <summary>What is recorded at the confirmation of each of a council's submissions, by submission id, in headline order.</summary>
    internal static async Task<IReadOnlyDictionary<long, IReadOnlyList<HeadlineKpi>>> ConfirmedOfCouncilAsync(LodestarDbContext db, string council, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SubmissionKpiEntity>()
            .Where(k => k.Step == SubmissionStep.Confirmed && db.Set<SubmissionEntity>().Any(s => s.Id == k.SubmissionId && s.CouncilCode == council))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.SubmissionId).ToDictionary(g => g.Key, g => Headlines(g));
    }

    // Recorded rows in catalogue order, named by the catalogue (a KPI since removed keeps its id as its name).
    private static IReadOnlyList<HeadlineKpi> Headlines(IEnumerable<SubmissionKpiEntity> rows) =>
        [.. rows
            .OrderBy(r => KpiCatalog.Find(r.Kpi) is null ? int.MaxValue : KpiCatalog.IndexOf(r.Kpi))
            .Select(r => KpiCatalog.Find(r.Kpi) is { } kpi
                ? new HeadlineKpi(r.Kpi, kpi.Name, kpi.Unit, r.Before, r.After)
                : new HeadlineKpi(r.Kpi, r.Kpi, MeasureUnit.Count, r.Before, r.After))];

    // Every KPI draws on one return (KpiSource), and a return's headline KPIs on that return: so only the set's
    // submissions of that return are read. A 903 confirmation used to parse the council's Annex A workbooks
    // twice over, for KPIs that never read them.
    private static async Task<Dictionary<string, double?>> ComputeAsync(
        LodestarDbContext db, KpiEngine engine, string council, StatutoryReturn statutoryReturn, int collectionYear,
        IReadOnlyCollection<long> submissions, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var loaded = await ConfirmedReturns.LoadAsync(db, council, submissions, statutoryReturn, cancellationToken);
        if (loaded.Councils.SingleOrDefault() is not { } data)
        {
            return [];
        }

        return engine.Compute(KpiDataset.Of(data), [Period.ReportingYear(collectionYear)], ids)
            .Where(r => r.Category is null)
            .ToDictionary(r => r.Kpi, r => r.Value, StringComparer.Ordinal);
    }
}
