using System.Globalization;
using Lodestar.Domain.Actions;
using Lodestar.Domain.Performance;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Application.Packs;

/// <summary>
/// A pack as a workbook, written with the one XLSX writer the scorecard export uses: Summary (the cover and
/// RAG counts), Exceptions, Measures (one row per measure under its outcome, with commentary), Actions and
/// Savings. Values are numbers where the pack shows a number, and the text shown (such as <c>c</c>) otherwise.
/// </summary>
public static partial class PackXlsx
{
    /// <summary>The Measures sheet's last column in an approved internal pack: what changed in the live figures since approval.</summary>
    public const string ChangedColumn = "Changed since approval";

    public static void Write(Stream output, BoardPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var benchmarkLabels = pack.Measures.SelectMany(m => m.Benchmarks.Select(b => b.Label)).Distinct().ToList();
        var sheets = new List<XlsxSheet>
        {
            new("Summary", ["Item", "Value"], Summary(pack)),
            new("Exceptions", ["Measure id", "Measure", "Why", "Value", "Target", "RAG", "Commentary"],
                pack.Exceptions.Select(m => (IReadOnlyList<object?>)[m.Id, m.Label, m.Exception, Figure(m.Amount, m.Value), Figure(m.TargetAmount, m.Target), m.Rag.ToString(), m.Commentary])),
            new("Measures", [
                "Outcome", "Measure id", "Number", "Measure", "Value", "Target", "RAG", "Reason", "Previous", "Versus previous",
                "Same period last year", "Versus last year", .. benchmarkLabels, "Commentary", "Commentary by",
                .. (pack.IsApproved && !pack.IsPublic ? (string[])[ChangedColumn] : [])], Measures(pack, benchmarkLabels)),
        };
        sheets.Add(Trends(pack));
        if (pack.Actions is { } actions)
        {
            sheets.Add(new XlsxSheet("Actions", ["Deliverable", "Text", "Leads", "Due", "Days overdue", "RAG"],
                actions.Overdue.Select(o => (IReadOnlyList<object?>)[o.Number, o.Text, o.Leads, o.EndDate, o.DaysOverdue, o.Rag.ToString()])));
        }

        if (pack.Savings is { } savings)
        {
            sheets.Add(new XlsxSheet("Savings", ["Line", "Plan £k", "Delivered £k", "Forecast £k"],
                savings.Lines.Append(savings.Total).Select(l => (IReadOnlyList<object?>)[l.Line, l.PlanK, l.DeliveredK, l.ForecastK])));
        }

        XlsxWriter.Write(output, sheets);
    }

    private static IEnumerable<IReadOnlyList<object?>> Summary(BoardPack pack)
    {
        yield return ["Pack", pack.Title];
        yield return ["Framework", pack.FrameworkId];
        if (pack.Audience is { Length: > 0 } audience)
        {
            yield return ["For", audience];
        }

        yield return ["Council", $"{pack.Council.Name} ({pack.Council.Code})"];
        yield return ["Period", pack.Period.Describe()];
        yield return ["Version", pack.IsPublic ? "Public: small numbers suppressed as c" : "Internal"];
        yield return ["Built", pack.BuiltAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)];
        yield return ["Sign-off", pack.SignOff];
        foreach (var status in PackHtml.RagOrder)
        {
            yield return [status.ToString(), pack.Counts.GetValueOrDefault(status)];
        }

        if (pack.Actions is { } actions)
        {
            yield return ["Action plan", $"{actions.Title}: {actions.Rag} as at {actions.AsAt:yyyy-MM-dd}"];
            foreach (var rag in ActionPlanStatus.CountedRags)
            {
                yield return [$"Deliverables {rag}", actions.DeliverablesByRag.GetValueOrDefault(rag)];
            }
        }
    }

    private static IEnumerable<IReadOnlyList<object?>> Measures(BoardPack pack, List<string> benchmarkLabels)
    {
        foreach (var section in pack.Sections)
        {
            yield return [new string(' ', section.Depth * 4) + section.Title];
            foreach (var m in section.Measures)
            {
                yield return [
                    null, m.Id, m.Number, m.Title, Figure(m.Amount, m.Value), Figure(m.TargetAmount, m.Target), m.Rag.ToString(), m.RagReason,
                    m.Previous, Direction.Describe(m.VersusPrevious), m.LastYear, Direction.Describe(m.VersusLastYear),
                    .. benchmarkLabels.Select(label => m.Benchmarks.FirstOrDefault(b => b.Label == label) is { } b ? (object?)b.Amount ?? b.Value : null),
                    m.Commentary, pack.IsPublic ? null : m.Written is { } w ? $"{w.By}, {w.At.UtcDateTime:yyyy-MM-dd}" : "Draft written from the data",
                    .. (pack.IsApproved && !pack.IsPublic ? (object?[])[m.ChangedSinceApproval] : [])];
            }
        }
    }

    private static object? Figure(decimal? amount, string shown) => (object?)amount ?? (shown.Length > 0 ? shown : null);
}
