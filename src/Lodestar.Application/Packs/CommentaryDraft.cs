using Lodestar.Domain.Performance;

namespace Lodestar.Application.Packs;

/// <summary>
/// The first draft of a measure's commentary, written from the pack's own figures for the author to edit:
/// the value against target, the direction against the period before and a year earlier, against England
/// and the statistical neighbours, and a change of RAG. Plain English, short, and no figure that is not
/// already on the measure's line: every number it prints is one of the texts it is given.
/// </summary>
public static class CommentaryDraft
{
    /// <summary>The draft for one measure's line. A suppressed figure (<see cref="SmallNumbers.Marker"/>) is never compared.</summary>
    public static string Write(PackMeasure line, Polarity polarity, bool previousIsLastYear)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Value.Length == 0)
        {
            return "No value for this period.";
        }

        if (line.IsSuppressed)
        {
            return "The figure is suppressed: it is about fewer children than the pack shows.";
        }

        var sentences = new List<string>
        {
            line.Target.Length == 0
                ? $"{line.Value}, with no target set."
                : $"{line.Value} against a target of {line.Target}: {RagWord(line.Rag)}.",
        };

        var previous = Moved(line.VersusPrevious, line.Previous, previousIsLastYear ? "a year earlier" : "the period before");
        var lastYear = previousIsLastYear ? null : Moved(line.VersusLastYear, line.LastYear, "a year earlier");
        if (previous is not null && lastYear is not null)
        {
            sentences.Add($"{previous}, and {Lower(lastYear)}.");
        }
        else if ((previous ?? lastYear) is { } one)
        {
            sentences.Add(one + ".");
        }

        var compared = line.Benchmarks
            .Where(b => b.Label is "England" or "Statistical neighbours" && b.Value.Length > 0)
            .Select(b => Against(line, b, polarity))
            .OfType<string>()
            .ToList();
        if (compared.Count > 0)
        {
            sentences.Add(Capital(string.Join("; ", compared)) + ".");
        }

        if (line.LastYearRag is { } was && was != RagStatus.Grey && line.Rag != RagStatus.Grey && was != line.Rag)
        {
            sentences.Add($"It was {RagWord(was)} a year earlier.");
        }

        return string.Join(" ", sentences);
    }

    /// <summary>"red", "amber", "green", "grey": the word the pack prints beside each colour.</summary>
    public static string RagWord(RagStatus status) => status.ToString().ToLowerInvariant();

    private static string? Moved(DirectionOfTravel direction, string then, string when) => then.Length == 0 || then == SmallNumbers.Marker ? null : direction switch
    {
        DirectionOfTravel.Improving => $"Better than {when} ({then})",
        DirectionOfTravel.Worsening => $"Worse than {when} ({then})",
        DirectionOfTravel.Increasing => $"Up from {then} {when}",
        DirectionOfTravel.Decreasing => $"Down from {then} {when}",
        DirectionOfTravel.NoChange => $"The same as {when} ({then})",
        _ => null,
    };

    // Compares the shown texts' numbers by the measure's polarity; a benchmark without a number is left out.
    private static string? Against(PackMeasure line, PackBenchmark benchmark, Polarity polarity)
    {
        if (line.Amount is not { } value || benchmark.Amount is not { } other)
        {
            return null;
        }

        var name = benchmark.Label == "England" ? "England" : "statistical neighbours";
        if (value == other)
        {
            return $"the same as {name} ({benchmark.Value})";
        }

        return polarity switch
        {
            Polarity.HigherIsBetter => $"{(value > other ? "better" : "worse")} than {name} ({benchmark.Value})",
            Polarity.LowerIsBetter => $"{(value < other ? "better" : "worse")} than {name} ({benchmark.Value})",
            _ => $"{(value > other ? "above" : "below")} {name} ({benchmark.Value})",
        };
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
