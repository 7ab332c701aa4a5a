using Lodestar.Domain.Actions;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Application.Packs;

/// <summary>
/// A board pack: one framework's results for one council and reporting year, laid out as a performance
/// team takes it to a meeting (docs/packs.md). Every figure is text as shown, so the HTML, PDF and XLSX
/// renderers print the same thing; a public pack holds <see cref="SmallNumbers.Marker"/> where a figure is small.
/// </summary>
public sealed record BoardPack
{
    public required string FrameworkId { get; init; }

    public required string FrameworkTitle { get; init; }

    /// <summary>The configured pack's id, title and audience (samples/packs); null for a pack of the whole framework.</summary>
    public string? PackId { get; init; }

    public string? PackTitle { get; init; }

    public string? Audience { get; init; }

    public required Council Council { get; init; }

    public required Period Period { get; init; }

    /// <summary>The public version: small numbers suppressed, no numerators or denominators, no names of leads.</summary>
    public bool IsPublic { get; init; }

    /// <summary>When the pack was built (the cover's date).</summary>
    public required DateTimeOffset BuiltAt { get; init; }

    /// <summary>How many measures have each status (a measure under two outcomes counted once).</summary>
    public required IReadOnlyDictionary<RagStatus, int> Counts { get; init; }

    /// <summary>The measures that need the meeting's attention: red, or worse than the period before.</summary>
    public required IReadOnlyList<PackMeasure> Exceptions { get; init; }

    /// <summary>One section per outcome (node) of the framework, in the framework's order.</summary>
    public required IReadOnlyList<PackSection> Sections { get; init; }

    /// <summary>The linked action plan's progress; null when the council has none.</summary>
    public PackActions? Actions { get; init; }

    /// <summary>The savings position for the year; null when the action plan has no savings plan.</summary>
    public PackSavings? Savings { get; init; }

    /// <summary>How many figures the public version shows as <see cref="SmallNumbers.Marker"/>.</summary>
    public int Suppressed { get; init; }

    /// <summary>Where the figures are in sign-off, in words for the cover ("Approved on 3 June 2025."); docs/packs.md.</summary>
    public string SignOff { get; init; } = "";

    /// <summary>The pack prints the figures frozen at approval (<see cref="PackSignOffOverlay"/>).</summary>
    public bool IsApproved { get; init; }

    /// <summary>The title on the cover, e.g. "Corporate parenting scorecard: Demo Council, 2024-25".</summary>
    public string Title => $"{PackTitle ?? FrameworkTitle}: {Council.Name}, {Period.Describe()}";

    public IEnumerable<PackMeasure> Measures => Sections.SelectMany(s => s.Measures);
}

/// <summary>A node of the framework in the pack: its title, its depth (0 for an outcome) and its measures.</summary>
public sealed record PackSection(string Id, string Title, int Depth, IReadOnlyList<PackMeasure> Measures);

/// <summary>A comparison beside a measure, as shown: ("England", "11.2%"), ("Statistical neighbours", "10.4%").</summary>
/// <remarks><see cref="Amount"/> is the number shown, rounded as shown, for comparing; null for a note such as a quartile.</remarks>
public sealed record PackBenchmark(string Label, string Value, decimal? Amount = null);

/// <summary>A measure's line in the pack, every figure as text as shown ("" where there is none).</summary>
public sealed record PackMeasure
{
    public required string Id { get; init; }

    public string? Number { get; init; }

    public required string Title { get; init; }

    /// <summary>"14.2%", "c" when suppressed, "" when there is no value.</summary>
    public required string Value { get; init; }

    /// <summary>The value as a number, for the workbook; null when there is none or it is suppressed.</summary>
    public decimal? Amount { get; init; }

    public required string Target { get; init; }

    /// <summary>The target as a number, for the workbook.</summary>
    public decimal? TargetAmount { get; init; }

    public required RagStatus Rag { get; init; }

    public required string RagReason { get; init; }

    public required string Previous { get; init; }

    public required DirectionOfTravel VersusPrevious { get; init; }

    public required string LastYear { get; init; }

    public required DirectionOfTravel VersusLastYear { get; init; }

    /// <summary>The RAG the measure had a year earlier against the same rule, for the exceptions.</summary>
    public RagStatus? LastYearRag { get; init; }

    public required IReadOnlyList<PackBenchmark> Benchmarks { get; init; }

    /// <summary>The commentary printed: the newest stored version, else <see cref="Draft"/>.</summary>
    public required string Commentary { get; init; }

    /// <summary>The first draft written from the data by <see cref="CommentaryDraft"/>, for the author to start from.</summary>
    public string Draft { get; init; } = "";

    /// <summary>Who wrote the stored commentary printed, and when; null when the pack prints the draft.</summary>
    public (string By, DateTimeOffset At)? Written { get; init; }

    /// <summary>Why the measure is an exception ("Red", "Worsening"), or null.</summary>
    public string? Exception { get; init; }

    public bool IsSuppressed { get; init; }

    /// <summary>The trend: the measure's value and target in each of the recent years, oldest first, ending with this period (issue 16, trend charts).</summary>
    public IReadOnlyList<PackPoint> History { get; init; } = [];

    /// <summary>What has changed in the live figures since approval ("Changed since approval: value now 13.1%"), or null; internal packs only.</summary>
    public string? ChangedSinceApproval { get; init; }

    /// <summary>"1.2 Children looked after" or the title alone.</summary>
    public string Label => Number is { Length: > 0 } n ? $"{n} {Title}" : Title;
}

/// <summary>The linked action plan on the as-at date: its RAG, the deliverables by RAG, each outcome's RAG and the overdue deliverables.</summary>
public sealed record PackActions(
    string PlanId,
    string Title,
    DateOnly AsAt,
    ActionRag Rag,
    IReadOnlyDictionary<ActionRag, int> DeliverablesByRag,
    IReadOnlyList<(string Number, string Title, ActionRag Rag)> Outcomes,
    IReadOnlyList<PackOverdue> Overdue);

/// <summary>An overdue deliverable; <see cref="Leads"/> is empty in the public version.</summary>
public sealed record PackOverdue(string Number, string Text, string Leads, DateOnly EndDate, int DaysOverdue, ActionRag Rag);

/// <summary>The savings plan's year: plan, delivered and forecast by line and in total (£k; savings negative).</summary>
public sealed record PackSavings(string PlanId, string Title, string Year, IReadOnlyList<PackSavingsLine> Lines, PackSavingsLine Total, string Basis);

public sealed record PackSavingsLine(string Line, decimal PlanK, decimal? DeliveredK, decimal? ForecastK);

/// <summary>One year of a measure's trend as shown: "2023-24", "14.2%" (or "c", or ""), its target; the numbers for the chart.</summary>
public sealed record PackPoint(string Period, string Value, decimal? Amount, string Target, decimal? TargetAmount);
