namespace Lodestar.Web.Kpis;

/// <summary>The council and reporting-year picker of the KPI pages (a plain GET form, no script).</summary>
/// <param name="Action">The page the form goes to.</param>
/// <param name="Councils">The councils with data.</param>
/// <param name="Selection">The council and year shown.</param>
internal sealed record KpiPickerModel(string Action, IReadOnlyList<string> Councils, KpiSelection Selection)
{
    /// <summary>The council's years with data, latest first, and the year shown when it is not one of them.</summary>
    public IReadOnlyList<int> Years =>
        Selection.Years.Contains(Selection.Year) ? Selection.Years : [.. Selection.Years.Append(Selection.Year).OrderDescending()];
}
