using Lodestar.Data;
using Lodestar.Data.Returns;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Returns;
using Lodestar.Formats;
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

    /// <summary>
    /// The headline KPIs computed over <paramref name="before"/> and over <paramref name="after"/>, each a set of the council's
    /// submissions of <paramref name="statutoryReturn"/>; <paramref name="sets"/> keeps the last set read of each return, so
    /// that confirming a council's years in a row reads each set once (one confirmation's "after" is the next one's "before").
    /// </summary>
    internal static async Task<IReadOnlyList<HeadlineKpi>> CompareAsync(
        LodestarDbContext db, KpiEngine engine, SubmissionSets sets, string council, StatutoryReturn statutoryReturn, int collectionYear,
        IReadOnlyCollection<long> before, IReadOnlyCollection<long> after, CancellationToken cancellationToken)
    {
        var ids = Of(statutoryReturn);
        var was = Compute(engine, await sets.LoadAsync(db, council, statutoryReturn, before, cancellationToken), collectionYear, ids);
        var will = Compute(engine, await sets.LoadAsync(db, council, statutoryReturn, after, cancellationToken), collectionYear, ids);
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

    private static Dictionary<string, double?> Compute(KpiEngine engine, LoadResult loaded, int collectionYear, IReadOnlyList<string> ids) =>
        loaded.Councils.SingleOrDefault() is not { } data ? []
            : engine.Compute(KpiDataset.Of(data), [Period.ReportingYear(collectionYear)], ids)
                .Where(r => r.Category is null)
                .ToDictionary(r => r.Kpi, r => r.Value, StringComparer.Ordinal);

    /// <summary>
    /// The sets of a council's submissions of one return read as its model, the last of each council and return kept: a
    /// submission's files never change once stored, so the same ids read the same model. Every KPI draws on one return
    /// (KpiSource), and a return's headline KPIs on that return, so only the submissions of that return are read (a 903
    /// confirmation once parsed the council's Annex A workbooks twice over, for KPIs that never read them).
    /// </summary>
    internal sealed class SubmissionSets
    {
        private readonly Dictionary<(string Council, StatutoryReturn Return), (long[] Ids, LoadResult Loaded)> _last = [];

        public async Task<LoadResult> LoadAsync(LodestarDbContext db, string council, StatutoryReturn statutoryReturn, IReadOnlyCollection<long> submissions, CancellationToken cancellationToken)
        {
            long[] ids = [.. submissions.Distinct().Order()];
            if (_last.TryGetValue((council, statutoryReturn), out var last) && last.Ids.AsSpan().SequenceEqual(ids))
            {
                return last.Loaded;
            }

            var loaded = await ConfirmedReturns.LoadAsync(db, council, ids, statutoryReturn, cancellationToken);
            _last[(council, statutoryReturn)] = (ids, loaded);
            return loaded;
        }
    }
}
