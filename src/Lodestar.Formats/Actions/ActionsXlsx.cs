using Lodestar.Domain.Actions;
using Lodestar.Domain.Benefits;
using Lodestar.Domain.Savings;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Actions;

/// <summary>XLSX exports of action plans, savings reports and benefits registers.</summary>
public static class ActionsXlsx
{
    /// <summary>The plan as sheets: its deliverables (with the RAG on <paramref name="asAt"/>), progress history, targets, and savings plan.</summary>
    public static void WritePlan(Stream output, ActionPlan plan, DateOnly asAt, SavingsPlan? savings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var status = ActionPlanStatus.Compute(plan, asAt);
        var rags = status.Outcomes.SelectMany(o => o.Workstreams).SelectMany(w => w.Deliverables).ToDictionary(d => d.Number, StringComparer.Ordinal);
        var sheets = new List<XlsxSheet>
        {
            new(
                "Deliverables",
                ["Outcome", "Workstream", "Workstream title", "Leads", "Priority", "Number", "Deliverable", "Target end", "Revised end", "Completed",
                 "Impact objective", "Target saving £k", "Target reduction 52-week", "Measures", $"RAG at {asAt:yyyy-MM-dd}", "Reason", "Recorded RAG"],
                plan.Outcomes.SelectMany(o => o.Workstreams.SelectMany(w => w.Deliverables.Select(d => (IReadOnlyList<object?>)
                [
                    o.Number, w.Number, w.Title, string.Join(", ", w.Leads), w.Priority?.ToString(), d.Number, d.Text, d.TargetEnd, d.RevisedEnd, d.Completed,
                    (d.ImpactObjective ?? w.ImpactObjective)?.ToString(), d.TargetSavingK, d.TargetReduction52Wk, string.Join(", ", d.Measures),
                    rags[d.Number].Rag.Rag.ToString(), rags[d.Number].Rag.Reason, d.RecordedRag?.ToString(),
                ])))),
            new(
                "Progress",
                ["Number", "Date", "By", "Update", "RAG"],
                plan.AllWorkstreams.SelectMany(w => w.Progress.Select(p => (w.Number, p))
                    .Concat(w.Deliverables.SelectMany(d => d.Progress.Select(p => (d.Number, p)))))
                    .Select(x => (IReadOnlyList<object?>)[x.Number, x.p.Date, x.p.By, x.p.Text, x.p.Rag?.ToString()])),
            new(
                "Overrides",
                ["Number", "Date", "By", "RAG", "Reason"],
                plan.AllDeliverables.SelectMany(x => x.Deliverable.Overrides.Select(o => (IReadOnlyList<object?>)
                    [x.Deliverable.Number, o.Date, o.By, o.Rag?.ToString() ?? "cleared", o.Reason]))),
            new(
                "Targets",
                ["Measure", "Council", "Date", "Value"],
                plan.MeasureTargets().Select(t => (IReadOnlyList<object?>)[t.MeasureId, t.CouncilCode, t.Date, t.Value])),
        };
        if (savings is not null)
        {
            sheets.AddRange(SavingsSheets(SavingsReport.Build(savings)));
        }

        XlsxWriter.Write(output, sheets);
    }

    public static void WriteSavings(Stream output, SavingsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        XlsxWriter.Write(output, SavingsSheets(report));
    }

    private static IEnumerable<XlsxSheet> SavingsSheets(SavingsReport report)
    {
        yield return new XlsxSheet(
            "Savings by objective",
            ["Year", "Objective", "BP reference", "Plan £k", "Delivered £k", "Forecast £k"],
            report.Years.SelectMany(y => y.ByObjective.Append(y.Total).Select(l => (IReadOnlyList<object?>)[y.Year.ToFinancialYearLabel(), l.Line, l.Reference, l.PlanK, l.DeliveredK, l.ForecastK])));
        yield return new XlsxSheet(
            "Savings by placement type",
            ["Year", "Placement type", "Lines", "Plan £k", "Delivered £k", "Forecast £k"],
            report.Years.SelectMany(y => y.ByPlacementType.Select(l => (IReadOnlyList<object?>)[y.Year.ToFinancialYearLabel(), l.Reference, l.Line, l.PlanK, l.DeliveredK, l.ForecastK])));
        yield return new XlsxSheet(
            "Reconciliation",
            ["Line", "Stated £k", "Computed £k", "Difference £k"],
            report.Reconciliation.Select(i => (IReadOnlyList<object?>)[i.Line, i.StatedK, i.ComputedK, i.DifferenceK]));
    }

    public static void WriteBenefits(Stream output, IEnumerable<BenefitsRegister> registers)
    {
        ArgumentNullException.ThrowIfNull(registers);
        XlsxWriter.Write(output,
        [
            new XlsxSheet(
                "Benefits",
                ["Register", "Benefit", "Description", "Financial", "Timing", "How measured", "Baseline", "Baseline £", "Target", "Value a year £",
                 "Confidence %", "Risk-adjusted a year £", "Realised to date £", "Measures"],
                registers.SelectMany(r => r.Benefits.Select(b => (IReadOnlyList<object?>)
                [
                    r.Id, b.Id, b.Description, b.Financial ? "yes" : "no", b.Timing, b.HowMeasured, b.Baseline, b.BaselineValue, b.Target, b.ValuePerYear,
                    b.ConfidencePercent, b.RiskAdjustedValuePerYear, b.RealisedToDate, string.Join(", ", b.Measures),
                ]))),
        ]);
    }
}
