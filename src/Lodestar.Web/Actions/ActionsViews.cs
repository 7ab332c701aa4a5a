using System.Globalization;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Savings;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Web.Actions;

/// <summary>One plan in the list: its RAG and deliverable counts on a date.</summary>
internal sealed record ActionPlanSummary(
    string Id,
    string Title,
    string? Council,
    DateOnly AsAt,
    ActionRag Rag,
    int Deliverables,
    IReadOnlyDictionary<ActionRag, int> DeliverablesByRag,
    IReadOnlyList<PriorityRagCount> DeliverablesByPriority,
    int Overdue);

/// <summary>A stored savings plan in the list.</summary>
internal sealed record SavingsPlanSummary(string Id, string Title, string? ActionPlanId);

/// <summary>What the action plan, savings and benefits pages and API share: reading dates, loading summaries, RAG tag classes.</summary>
internal static class ActionsViews
{
    /// <summary>Today in the app's clock (UTC date), the default as-at date.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Reads an <c>asAt</c> of the form YYYY-MM-DD; none means today. False when the text is not such a date.</summary>
    public static bool TryAsAt(string? text, TimeProvider clock, out DateOnly asAt)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            asAt = Today(clock);
            return true;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asAt);
    }

    /// <summary>A financial year as 2016/17 or YYYY (the year ending in March YYYY, as DfE labels years); null when it is neither.</summary>
    public static Period? FinancialYear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Period.TryParseYear(text, out var year) ? year : null;
    }

    /// <summary>
    /// Whether the user may see a plan for <paramref name="council"/>: a plan tied to no council is everyone's;
    /// one tied to a council needs a grant for it (else it is answered as a plan that does not exist).
    /// </summary>
    public static async Task<bool> VisibleAsync(string? council, CouncilAccess access, CancellationToken cancellationToken) =>
        council is null || await access.AllowsAsync(council, cancellationToken);

    /// <summary>Whether the action plan exists and the user may see it.</summary>
    public static async Task<bool> PlanVisibleAsync(LodestarDbContext db, CouncilAccess access, string planId, CancellationToken cancellationToken) =>
        (await ActionsStore.PlanCouncilsAsync(db, cancellationToken)).TryGetValue(planId, out var council)
        && await VisibleAsync(council, access, cancellationToken);

    /// <summary>Every stored plan's summary on <paramref name="asAt"/> that the user may see, by id.</summary>
    public static async Task<IReadOnlyList<ActionPlanSummary>> PlanSummariesAsync(LodestarDbContext db, CouncilAccess access, DateOnly asAt, CancellationToken cancellationToken)
    {
        var summaries = new List<ActionPlanSummary>();
        foreach (var id in await ActionsStore.ListPlanIdsAsync(db, cancellationToken))
        {
            if (await ActionsStore.LoadPlanAsync(db, id, cancellationToken) is { } plan && await VisibleAsync(plan.Council, access, cancellationToken))
            {
                var status = ActionPlanStatus.Compute(plan, asAt);
                summaries.Add(new ActionPlanSummary(
                    plan.Id, plan.Title, plan.Council, asAt, status.Rag, plan.AllDeliverables.Count(),
                    status.DeliverablesByRag, status.DeliverablesByPriority, status.Overdue.Count));
            }
        }

        return summaries;
    }

    /// <summary>Every stored savings plan the user may see (that of an action plan for a council needs a grant for it), by id.</summary>
    public static async Task<IReadOnlyList<SavingsPlanSummary>> SavingsPlansAsync(LodestarDbContext db, CouncilAccess access, CancellationToken cancellationToken)
    {
        var councils = await ActionsStore.PlanCouncilsAsync(db, cancellationToken);
        var plans = await db.Set<SavingsPlanEntity>().AsNoTracking()
            .OrderBy(p => p.PlanId)
            .Select(p => new SavingsPlanSummary(p.PlanId, p.Title, p.ActionPlanId))
            .ToListAsync(cancellationToken);
        var visible = new List<SavingsPlanSummary>();
        foreach (var plan in plans)
        {
            if (await VisibleAsync(plan.ActionPlanId is { } id ? councils.GetValueOrDefault(id) : null, access, cancellationToken))
            {
                visible.Add(plan);
            }
        }

        return visible;
    }

    /// <summary>Whether the user may see the savings plan (see <see cref="VisibleAsync"/>), by its council.</summary>
    public static async Task<bool> SavingsVisibleAsync(LodestarDbContext db, CouncilAccess access, string savingsPlanId, CancellationToken cancellationToken) =>
        await VisibleAsync(await ActionsStore.SavingsPlanCouncilAsync(db, savingsPlanId, cancellationToken), access, cancellationToken);

    /// <summary>The GOV.UK tag modifier for a RAG: blue, green, yellow (amber), red, grey.</summary>
    public static string TagClass(ActionRag rag) => rag switch
    {
        ActionRag.Blue => "govuk-tag--blue",
        ActionRag.Green => "govuk-tag--green",
        ActionRag.Amber => "govuk-tag--yellow",
        ActionRag.Red => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>A placement category for people ("ResidentialSchool" is "Residential school"); other text is shown as it is.</summary>
    public static string PlacementType(string? reference) =>
        reference is not null && reference.All(char.IsAsciiLetter) && Enum.TryParse<PlacementCategory>(reference, out var category)
            ? category.DisplayName()
            : reference ?? "";

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "";

    public static string Money(decimal? value, string format = "#,0.##") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
