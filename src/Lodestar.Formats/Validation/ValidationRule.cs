using System.Globalization;
using Lodestar.Domain.Problems;

namespace Lodestar.Formats.Validation;

/// <summary>
/// A data-quality rule: a stable id (the DfE's rule number where the DfE has one — see
/// <see cref="DfeNumbered"/> — else a Lodestar id starting "LS-"), a severity, the message shown
/// to the user, and the return and table it looks at.
/// </summary>
public sealed record ValidationRule(string Id, Severity Severity, string Message, string Return, string Table)
{
    /// <summary>True when <see cref="Id"/> is the DfE's own rule number (903 validation rules or CIN census validation rules).</summary>
    public bool DfeNumbered => !Id.StartsWith("LS-", StringComparison.Ordinal) && !Id.Contains('-', StringComparison.Ordinal);

    /// <summary>The collection years the rule is applied to; a row of another year is not checked by it.</summary>
    public CollectionYears Years { get; init; } = CollectionYears.All;

    /// <summary>The columns (903) or elements (CIN) the rule looks at.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}

/// <summary>
/// A run of collection years, each named by the year it ends (2025 is April 2024 to March 2025); either end may be open.
/// </summary>
/// <param name="From">The first year, or null: every year before <paramref name="To"/>.</param>
/// <param name="To">The last year, or null: every year from <paramref name="From"/> on.</param>
public readonly record struct CollectionYears(int? From, int? To)
{
    /// <summary>Every year.</summary>
    public static CollectionYears All => new(null, null);

    /// <summary>Whether <paramref name="year"/> is in the run; an unknown year (0) always is.</summary>
    public bool Contains(int year) => year <= 0 || ((From is null || year >= From) && (To is null || year <= To));

    /// <summary>As the DfE writes years: "all years", "from 2024/25", "to 2023/24", "2023/24 to 2024/25".</summary>
    public override string ToString() => (From, To) switch
    {
        (null, null) => "all years",
        ({ } from, null) => $"from {Name(from)}",
        (null, { } to) => $"to {Name(to)}",
        ({ } from, { } to) => from == to ? Name(from) : $"{Name(from)} to {Name(to)}",
    };

    private static string Name(int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{year - 1}/{year % 100:00}");
}

/// <summary>A rule that could not be run on a council's returns for one collection year, and why.</summary>
/// <param name="Council">The council's code.</param>
/// <param name="Rule">The rule.</param>
/// <param name="CollectionYear">The year it could not check.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record RuleNotRun(string Council, ValidationRule Rule, int CollectionYear, string Reason)
{
    /// <summary>One line: "205B not run for 2020/21 (E09000002): …".</summary>
    public override string ToString() =>
        $"{Rule.Id} not run for {new CollectionYears(CollectionYear, CollectionYear)} ({Council}): {Reason}";

    /// <summary>
    /// The rules not run as lines of text, one per council, year and reason, so that the rules missing the same list share one:
    /// "1008, 219, 224 not run for 2024/25 (E10000003): it needs Ofsted's provider list, and none was given".
    /// </summary>
    public static IEnumerable<string> Lines(IEnumerable<RuleNotRun> notRun) =>
        notRun.GroupBy(n => (n.Council, n.CollectionYear, n.Reason))
            .Select(g => $"{string.Join(", ", g.Select(n => n.Rule.Id).Distinct(StringComparer.Ordinal))} not run for {new CollectionYears(g.Key.CollectionYear, g.Key.CollectionYear)} ({g.Key.Council}): {g.Key.Reason}");
}
