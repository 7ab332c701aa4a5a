namespace Lodestar.Metrics.Kpis;

/// <summary>
/// The children behind one KPI result: who is in the numerator and who in the denominator (child ids
/// as the files gave them, each once), and for every child the engine looked at, why they were or were
/// not counted.
/// </summary>
public sealed record KpiExplanation(
    KpiResult Result,
    IReadOnlyList<string> NumeratorChildren,
    IReadOnlyList<string> DenominatorChildren,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Reasons);
