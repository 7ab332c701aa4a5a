using Lodestar.Domain.Problems;

namespace Lodestar.Formats.Validation;

/// <summary>Validates everything a <see cref="StatutoryDataLoader"/> loaded: the reading findings and every rule, per council.</summary>
public static class ReturnValidator
{
    /// <summary>All findings, sorted by file, line, rule.</summary>
    /// <param name="loaded">What the loader read.</param>
    /// <param name="collectionYear">The year to check every row against; null: each row's file's year.</param>
    /// <param name="references">The reference lists some 903 rules need; null: none (those rules are not run, see <see cref="NotRun"/>).</param>
    public static IReadOnlyList<Problem> Validate(LoadResult loaded, int? collectionYear = null, ValidationReferences? references = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var all = new List<Problem>(loaded.Diagnostics);
        foreach (var council in loaded.Councils)
        {
            if (council.Ssda903 is { } ssda903)
            {
                all.AddRange(Ssda903Validator.Validate(ssda903, collectionYear, references));
            }

            if (council.Cin is { } cin)
            {
                all.AddRange(CinValidator.Validate(cin, collectionYear));
            }
        }

        return [.. all
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Rule, StringComparer.Ordinal)
            .ThenBy(d => d.Column, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The rules that could not run, by council and year: for want of another year's return, or of a reference list not in
    /// <paramref name="references"/> (see <see cref="Ssda903Validator.NotRun"/>).
    /// </summary>
    public static IReadOnlyList<RuleNotRun> NotRun(LoadResult loaded, ValidationReferences? references = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return [.. loaded.Councils
            .Where(c => c.Ssda903 is not null)
            .SelectMany(c => Ssda903Validator.NotRun(c.Ssda903!, references))
            .OrderBy(n => n.Council, StringComparer.Ordinal)
            .ThenBy(n => n.CollectionYear)];
    }

    /// <summary>Every rule of both returns.</summary>
    public static IEnumerable<ValidationRule> Rules => Ssda903Validator.Rules.Concat(CinValidator.Rules);
}
