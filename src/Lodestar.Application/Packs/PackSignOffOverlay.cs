using System.Globalization;
using Lodestar.Data.Packs;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Application.Packs;

/// <summary>
/// What sign-off does to a pack's scorecard rows (docs/packs.md), applied by <see cref="BoardPackBuilder"/> before it
/// lays out the lines: an approved period's rows carry the figures frozen at approval, not the live ones; a public
/// pack of a period not approved carries no figures at all. Kept apart from the builder so the rule is in one place.
/// </summary>
public static class PackSignOffOverlay
{
    /// <summary>What a public pack of a period not approved says in place of each measure's commentary.</summary>
    public const string NotApproved = "The figures for this period are not yet approved.";

    /// <summary>The row with the approved figures: value (with numerator and denominator), target, RAG and benchmarks.</summary>
    /// <param name="live">The row built from the live data.</param>
    /// <param name="figure">The measure's figures frozen at approval.</param>
    public static ScorecardRow Approved(ScorecardRow live, SnapshotFigure figure)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(figure);
        var measure = live.Measure;
        MeasureValue? value = figure.Value is { } v ? new MeasureValue(v, figure.Numerator, figure.Denominator) : null;
        var target = figure.Target is not { } t ? null
            : live.Target is { } known ? known with { Value = t }
            : new Target { MeasureId = measure.Id, Council = "", Period = Period.ReportingYear(2000), Value = t };
        return live with
        {
            Value = value,
            Target = target,
            Rag = new RagResult(figure.Rag, figure.RagReason),
            Benchmarks = figure.Benchmarks,
            VersusPrevious = Direction.Compare(measure, value?.Value, live.PreviousValue),
            VersusLastYear = Direction.Compare(measure, value?.Value, live.SameLastYearValue),
        };
    }

    /// <summary>The row with no figures: what a public pack shows of a period (or a measure) not approved.</summary>
    public static ScorecardRow Withheld(ScorecardRow live)
    {
        ArgumentNullException.ThrowIfNull(live);
        return live with
        {
            Value = null,
            Target = null,
            Rag = new RagResult(RagStatus.Grey, "Grey: the figures are not yet approved"),
            Previous = null,
            VersusPrevious = DirectionOfTravel.Unknown,
            SameLastYear = null,
            VersusLastYear = DirectionOfTravel.Unknown,
            Benchmarks = [],
        };
    }

    /// <summary>
    /// The public row's earlier figures: the year before's approved figures (<paramref name="before"/>, already
    /// through this overlay), or none; the previous period only when it is that year.
    /// </summary>
    public static ScorecardRow WithApprovedEarlier(ScorecardRow row, ScorecardRow? before, bool previousIsLastYear)
    {
        ArgumentNullException.ThrowIfNull(row);
        var earlier = before?.Value;
        return row with
        {
            SameLastYear = earlier,
            VersusLastYear = Direction.Compare(row.Measure, row.Value?.Value, earlier?.Value),
            Previous = previousIsLastYear ? earlier : null,
            VersusPrevious = previousIsLastYear ? Direction.Compare(row.Measure, row.Value?.Value, earlier?.Value) : DirectionOfTravel.Unknown,
        };
    }

    /// <summary>"Changed since approval: value now 13.1%; RAG now Amber", or null when the live figures are those approved.</summary>
    public static string? Changed(ScorecardRow live, SnapshotFigure? figure)
    {
        ArgumentNullException.ThrowIfNull(live);
        if (figure is null)
        {
            return "Changed since approval: the measure was added to the framework after approval and has no approved figures.";
        }

        var measure = live.Measure;
        string Shown(decimal? value) => value is { } x ? ValueFormat.Value(x, measure.Unit, measure.DecimalPlaces) : "none";
        var changes = new List<string>();
        if (live.Value?.Value != figure.Value || live.Value?.Numerator != figure.Numerator || live.Value?.Denominator != figure.Denominator)
        {
            changes.Add(live.Value?.Value == figure.Value ? "numerator or denominator changed" : $"value now {Shown(live.Value?.Value)} (approved {Shown(figure.Value)})");
        }

        if (live.Target?.Value != figure.Target)
        {
            changes.Add($"target now {Shown(live.Target?.Value)} (approved {Shown(figure.Target)})");
        }

        if (live.Rag.Status != figure.Rag)
        {
            changes.Add($"RAG now {live.Rag.Status} (approved {figure.Rag})");
        }

        return changes.Count == 0 ? null : $"Changed since approval: {string.Join("; ", changes)}.";
    }

    /// <summary>The cover's line about sign-off. The public version names no one.</summary>
    public static string Describe(SignOffState state, bool isPublic, int changed)
    {
        ArgumentNullException.ThrowIfNull(state);
        var last = state.History.LastOrDefault();
        string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (isPublic)
        {
            return state.Approval is { } approved
                ? $"Approved on {When(approved.At)}: the figures are those approved."
                : "The figures for this period are not yet approved: this version shows no values.";
        }

        return state.Status switch
        {
            SignOffStatus.Approved when state.Approval is { } a =>
                $"Approved by {a.Actor} on {When(a.At)}: the figures are those approved"
                + (changed == 0 ? "." : $"; {changed} {(changed == 1 ? "measure has" : "measures have")} changed since approval."),
            SignOffStatus.Submitted when last is not null => $"Submitted for approval by {last.Actor} on {When(last.At)}: the figures are live until approved.",
            _ when last is not null => $"Draft (reopened by {last.Actor} on {When(last.At)}: {last.Reason}): the figures are live until approved.",
            _ => "Draft: not yet submitted for approval; the figures are live until approved.",
        };
    }
}
