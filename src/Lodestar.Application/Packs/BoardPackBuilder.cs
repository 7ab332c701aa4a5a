using Lodestar.Application.Returns;
using Lodestar.Application.Savings;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Actions;
using Lodestar.Data.Packs;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Actions;
using Lodestar.Formats.Packs;

namespace Lodestar.Application.Packs;

/// <summary>What to build a pack of.</summary>
public sealed record PackRequest
{
    public required string FrameworkId { get; init; }

    /// <summary>The council's DfE code or LA number.</summary>
    public required string Council { get; init; }

    /// <summary>The DfE reporting year: 2025 is 2024-04-01 to 2025-03-31.</summary>
    public required int Year { get; init; }

    /// <summary>The public version: small numbers suppressed as <see cref="SmallNumbers.Marker"/>.</summary>
    public bool Public { get; init; }

    /// <summary>The rule for small numbers in the public version.</summary>
    public SmallNumbers SmallNumbers { get; init; } = SmallNumbers.Dfe;

    /// <summary>The action plan to report on; the council's own (the first by id) when left out.</summary>
    public string? ActionPlanId { get; init; }

    /// <summary>A configured pack (samples/packs): its title, audience and the framework's nodes to include; the whole framework when null.</summary>
    public PackConfig? Config { get; init; }
}

/// <summary>
/// Builds a <see cref="BoardPack"/> from what the scorecard page shows (<see cref="ScorecardService"/>: values,
/// computed KPIs, targets, RAG, direction, benchmarks) for the year and the year before, the council's action
/// plan (<see cref="ActionPlanStatus"/>) and its savings plan (<see cref="SavingsReport"/>, delivered from the
/// council's returns). The web page, the API and <c>lodestar pack</c> all call <see cref="BuildAsync"/>.
/// </summary>
public sealed partial class BoardPackBuilder(LodestarDbContext db, ScorecardService scorecards, StatutoryDataStore returns, TimeProvider clock)
{
    /// <summary>The pack; null when the framework or council is unknown (the caller has checked the user's grant).</summary>
    public async Task<BoardPack?> BuildAsync(PackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var council = await scorecards.CouncilAsync(request.Council, cancellationToken);
        if (council is null)
        {
            return null;
        }

        var period = Period.ReportingYear(request.Year);
        var scorecard = await scorecards.ScorecardAsync(request.FrameworkId, council.Code, period, cancellationToken);
        if (scorecard is null)
        {
            return null;
        }

        // The year before, for last year's RAG and its figures' numerators (suppression needs them).
        var earlier = await scorecards.ScorecardAsync(request.FrameworkId, council.Code, period.SameLastYear(), cancellationToken);
        var earlierRows = (earlier?.Rows ?? []).DistinctBy(r => r.Measure.Id).ToDictionary(r => r.Measure.Id, StringComparer.Ordinal);
        var previousIsLastYear = period.Previous() == period.SameLastYear();

        // Sign-off (PackSignOffOverlay): an approved period prints its frozen figures; a public pack shows only
        // approved figures, the year before's too, and nothing of a period not approved.
        var signOff = await PackSignOff.StateAsync(db, scorecard.FrameworkId, council.Code, request.Year, cancellationToken);
        var approved = await PackSignOff.SnapshotAsync(db, signOff, cancellationToken);
        var withheld = request.Public && approved is null;
        if (request.Public)
        {
            var approvedBefore = await PackSignOff.SnapshotAsync(
                db, await PackSignOff.StateAsync(db, scorecard.FrameworkId, council.Code, request.Year - 1, cancellationToken), cancellationToken);
            earlierRows = earlierRows.ToDictionary(
                p => p.Key,
                p => approvedBefore?.GetValueOrDefault(p.Key) is { } f ? PackSignOffOverlay.Approved(p.Value, f) : PackSignOffOverlay.Withheld(p.Value),
                StringComparer.Ordinal);
        }

        ScorecardRow Signed(ScorecardRow live) => approved is null
            ? (withheld ? PackSignOffOverlay.Withheld(live) : live)
            : approved.GetValueOrDefault(live.Measure.Id) is not { } f ? (request.Public ? PackSignOffOverlay.Withheld(live) : live)
            : request.Public ? PackSignOffOverlay.WithApprovedEarlier(PackSignOffOverlay.Approved(live, f), earlierRows.GetValueOrDefault(live.Measure.Id), previousIsLastYear)
            : PackSignOffOverlay.Approved(live, f);
        var commentary = await PackCommentary.LatestAsync(
            db, council.Code, request.Year, [.. scorecard.Rows.Select(r => r.Measure.Id).Distinct(StringComparer.Ordinal)], cancellationToken);
        var suppressed = 0;
        var history = await HistoryAsync(request, council.Code, period, cancellationToken);

        PackMeasure Line(ScorecardRow live)
        {
            var row = Signed(live);
            var measure = row.Measure;
            var before = earlierRows.GetValueOrDefault(measure.Id);
            bool Small(MeasureValue? v) => request.Public && v is { } m
                && request.SmallNumbers.IsSmall(measure.Unit, (double)m.Value, (double?)m.Numerator, (double?)m.Denominator);

            var small = Small(row.Value);
            // The year before's figure carries its numerator and denominator only from its own scorecard.
            var lastYearSmall = Small(before?.Value) || (request.Public && row.SameLastYearValue is not null && before?.Value is null);
            var previousSmall = previousIsLastYear ? lastYearSmall : request.Public && row.PreviousValue is not null;
            suppressed += (small ? 1 : 0) + (lastYearSmall ? 1 : 0) + (!previousIsLastYear && previousSmall ? 1 : 0);
            string Shown(decimal? value, bool hide) => value is not { } v ? "" : hide ? SmallNumbers.Marker : Format(measure, v);

            var line = new PackMeasure
            {
                Id = measure.Id,
                Number = measure.Number,
                Title = measure.Title,
                Value = Shown(row.Value?.Value, small),
                Amount = small ? null : Round(measure, row.Value?.Value),
                Target = row.TargetText,
                TargetAmount = Round(measure, row.Target?.Value),
                Rag = row.Rag.Status,
                RagReason = small ? $"{row.Rag.Status}: the figure is suppressed" : row.Rag.Reason,
                Previous = Shown(row.PreviousValue, previousSmall),
                VersusPrevious = small || previousSmall ? DirectionOfTravel.Unknown : row.VersusPrevious,
                LastYear = Shown(row.SameLastYearValue, lastYearSmall),
                VersusLastYear = small || lastYearSmall ? DirectionOfTravel.Unknown : row.VersusLastYear,
                LastYearRag = before?.Rag.Status,
                Benchmarks = [.. row.Benchmarks
                    .Where(b => b.Value is not null || b.Note is not null)
                    .Select(b => b.Value is { } v ? new PackBenchmark(b.Label, Format(measure, v), Round(measure, v)) : new PackBenchmark(b.Label, b.Note!))],
                Commentary = "",
                IsSuppressed = small,
                History = history.Of(measure, row),
            };
            var worsening = line.VersusPrevious == DirectionOfTravel.Worsening;
            var draft = CommentaryDraft.Write(line, measure.Polarity, previousIsLastYear);
            // A person's words about a suppressed figure may give it away ("three of the four"): the public
            // version prints the draft's sentence about suppression instead.
            var stored = small || withheld ? null : commentary.GetValueOrDefault(measure.Id);
            return line with
            {
                ChangedSinceApproval = approved is null || request.Public ? null : PackSignOffOverlay.Changed(live, approved.GetValueOrDefault(measure.Id)),
                Draft = draft,
                Commentary = withheld ? PackSignOffOverlay.NotApproved : stored?.Text ?? draft,
                Written = stored is null ? null : (stored.WrittenBy, stored.WrittenAt),
                Exception = (line.Rag == RagStatus.Red, worsening) switch
                {
                    (true, true) => "Red and worsening",
                    (true, false) => "Red",
                    (false, true) => "Worsening",
                    _ => null,
                },
            };
        }

        var lines = new Dictionary<string, PackMeasure>(StringComparer.Ordinal);
        var sections = Chosen(scorecard.Nodes, request.Config)
            .Select(node => new PackSection(
                node.Node.Id,
                node.Node.Title,
                node.Depth,
                [.. node.Rows.Select(row => lines.TryGetValue(row.Measure.Id, out var done) ? done : lines[row.Measure.Id] = Line(row))]))
            .ToList();

        var actions = withheld ? (null, null) : await ActionsAsync(council.Code, request, period, cancellationToken);
        return new BoardPack
        {
            FrameworkId = scorecard.FrameworkId,
            FrameworkTitle = scorecard.FrameworkTitle,
            Council = council,
            Period = period,
            IsPublic = request.Public,
            BuiltAt = clock.GetUtcNow(),
            // From the printed lines: the approved figures' RAG when approved, the configured pack's measures when configured.
            Counts = CountsOf(lines.Values),
            PackId = request.Config?.Id,
            PackTitle = request.Config?.Title,
            Audience = request.Config?.Audience,
            Exceptions = [.. lines.Values.Where(l => l.Exception is not null).OrderByDescending(l => l.Rag == RagStatus.Red)],
            Sections = sections,
            Actions = actions.Actions,
            Savings = actions.Plan is null ? null : await SavingsAsync(actions.Plan, council.Code, period, cancellationToken),
            Suppressed = suppressed + history.Suppressed,
            IsApproved = approved is not null,
            SignOff = PackSignOffOverlay.Describe(signOff, request.Public, lines.Values.Count(l => l.ChangedSinceApproval is not null)),
        };
    }

    private async Task<(PackActions? Actions, string? Plan)> ActionsAsync(string council, PackRequest request, Period period, CancellationToken cancellationToken)
    {
        var planId = request.ActionPlanId;
        if (planId is null)
        {
            var councils = await ActionsStore.PlanCouncilsAsync(db, cancellationToken);
            planId = councils.Where(p => p.Value == council).Select(p => p.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        }

        var plan = planId is null ? null : await ActionsStore.LoadPlanAsync(db, planId, cancellationToken);
        // A plan of another council is not this council's to show.
        if (plan is null || (plan.Council is not null && plan.Council != council))
        {
            return (null, null);
        }

        // As at the end of the year, or today when the year has not ended.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var asAt = period.End < today ? period.End : today;
        var status = ActionPlanStatus.Compute(plan, asAt);
        return (new PackActions(
            status.PlanId,
            status.Title,
            status.AsAt,
            status.Rag,
            status.DeliverablesByRag,
            [.. status.Outcomes.Select(o => (o.Number, o.Title, o.Rag))],
            [.. status.Overdue.Select(o => new PackOverdue(o.Number, o.Text, request.Public ? "" : string.Join(", ", o.Leads), o.EndDate, o.DaysOverdue, o.Rag))]),
            plan.Id);
    }

    private async Task<PackSavings?> SavingsAsync(string actionPlanId, string council, Period period, CancellationToken cancellationToken)
    {
        var plan = await ActionsStore.LoadSavingsAsync(db, actionPlanId, cancellationToken);
        if (plan is null || !plan.Years.Contains(period))
        {
            return null;
        }

        // Delivered from the council's returns, against the year before the plan's first as the baseline,
        // priced with the illustrative unit costs (docs/savings.md); plan figures only without returns.
        var baseline = plan.Years.Min(y => y.ReportingYearLabel) - 1;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = period.End < today ? period.End : today;
        var model = SavingsFromReturns.CostModel(returns, council, baseline, to, CostsYamlReader.Illustrative());
        var report = SavingsReport.Build(plan, model.Succeeded ? model.Value : null, period);
        var year = report.Years.Single();
        static PackSavingsLine Line(SavingsLine l) => new(l.Line, l.PlanK, l.DeliveredK, l.ForecastK);
        return new PackSavings(
            plan.Id,
            plan.Title,
            period.ToFinancialYearLabel(),
            [.. year.ByObjective.Select(Line)],
            Line(year.Total),
            model.Succeeded
                ? $"Delivered and forecast from the council's returns to {to:yyyy-MM-dd} against {baseline - 1}/{baseline % 100:00}, priced with illustrative unit costs."
                : "Plan figures only: no returns to measure delivery from.");
    }

    private static string Format(Measure measure, decimal value) => ValueFormat.Value(value, measure.Unit, measure.DecimalPlaces);

    private static decimal? Round(Measure measure, decimal? value) =>
        value is { } v ? Math.Round(v, measure.DecimalPlaces, MidpointRounding.AwayFromZero) : null;
}
