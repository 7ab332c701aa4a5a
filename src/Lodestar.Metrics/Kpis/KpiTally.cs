using System.Runtime.CompilerServices;

namespace Lodestar.Metrics.Kpis;

/// <summary>
/// Numerators and denominators for every result slot and period of one council, filled by the KPI
/// families as they sweep each child's records once. In explain mode (one period) it also remembers
/// which children went into the numerator and denominator of the slots being explained, and the
/// reasons the families give.
/// </summary>
internal sealed class KpiTally
{
    /// <summary>Slot value for a note meaning "every KPI of the family".</summary>
    public const int AnySlot = -1;

    private readonly double[] _numerator;
    private readonly double[] _denominator;
    private readonly bool[] _noData;

    // The slots whose KPIs were asked for (null: all): a family skips the work only other slots need.
    private readonly bool[]? _computed;
    private readonly int _explainFrom;
    private readonly int _explainTo;

    public KpiTally(int periods, IEnumerable<int>? kpiIndices = null)
    {
        Periods = periods;
        if (kpiIndices is not null)
        {
            _computed = new bool[KpiCatalog.SlotCount];
            foreach (var index in kpiIndices)
            {
                var slot = KpiCatalog.SlotOf(index);
                _computed.AsSpan(slot, Math.Max(1, KpiCatalog.All[index].Categories.Count)).Fill(true);
            }
        }

        var size = KpiCatalog.SlotCount * periods;
        _numerator = new double[size];
        _denominator = new double[size];
        _noData = new bool[size];
        _explainFrom = _explainTo = -1;
    }

    /// <summary>A tally for one period that records the children and reasons of slots [from, to).</summary>
    public KpiTally(int explainFrom, int explainTo)
        : this(1)
    {
        Explaining = true;
        _explainFrom = explainFrom;
        _explainTo = explainTo;
    }

    public int Periods { get; }

    /// <summary>True when children and reasons are being recorded: families build reason text only then.</summary>
    public bool Explaining { get; }

    public HashSet<int> NumeratorChildren { get; } = [];

    public HashSet<int> DenominatorChildren { get; } = [];

    public Dictionary<int, List<string>> Reasons { get; } = [];

    public void AddNumerator(int slot, int period, int child, double amount = 1)
    {
        _numerator[(slot * Periods) + period] += amount;
        if (Explaining && slot >= _explainFrom && slot < _explainTo)
        {
            NumeratorChildren.Add(child);
        }
    }

    public void AddDenominator(int slot, int period, int child, double amount = 1)
    {
        _denominator[(slot * Periods) + period] += amount;
        if (Explaining && slot >= _explainFrom && slot < _explainTo)
        {
            DenominatorChildren.Add(child);
        }
    }

    /// <summary>Records why <paramref name="child"/> was or was not counted (explain mode only).</summary>
    private void Keep(int slot, int child, string reason)
    {
        if (!Explaining || (slot != AnySlot && (slot < _explainFrom || slot >= _explainTo)))
        {
            return;
        }

        if (!Reasons.TryGetValue(child, out var list))
        {
            list = [];
            Reasons.Add(child, list);
        }

        list.Add(reason);
    }

    /// <summary>Records a reason built from an interpolated string, which is only formatted in explain mode for a slot being explained.</summary>
    public void Note(int slot, int child, [InterpolatedStringHandlerArgument("", "slot")] ref NoteText reason)
    {
        if (reason.Enabled)
        {
            Keep(slot, child, reason.ToStringAndClear());
        }
    }

    /// <summary>Records a fixed reason (a literal: nothing is built outside explain mode).</summary>
    public void NoteFixed(int slot, int child, string reason)
    {
        if (Wants(slot))
        {
            Keep(slot, child, reason);
        }
    }

    /// <summary>True when a note for <paramref name="slot"/> would be kept: lets a family skip building text.</summary>
    public bool Wants(int slot) => Explaining && (slot == AnySlot || (slot >= _explainFrom && slot < _explainTo));

    /// <summary>
    /// True when the KPI of <paramref name="slot"/> was asked for, so its work must be done. Explaining computes
    /// everything: an explanation's reasons include the family's notes for every KPI (<see cref="AnySlot"/>).
    /// </summary>
    public bool Computes(int slot) => Explaining || _computed is null || _computed[slot];

    /// <summary>True when any of <paramref name="slots"/> was asked for.</summary>
    public bool ComputesAny(params ReadOnlySpan<int> slots)
    {
        foreach (var slot in slots)
        {
            if (Computes(slot))
            {
                return true;
            }
        }

        return false;
    }

    public void SetDenominator(int slot, int period, double value) => _denominator[(slot * Periods) + period] = value;

    public void MarkNoData(int slot, int period) => _noData[(slot * Periods) + period] = true;

    public double Numerator(int slot, int period) => _numerator[(slot * Periods) + period];

    public double Denominator(int slot, int period) => _denominator[(slot * Periods) + period];

    public bool IsNoData(int slot, int period) => _noData[(slot * Periods) + period];
}

/// <summary>Builds a reason only when the tally keeps it, so the sweep allocates nothing outside explain mode.</summary>
[InterpolatedStringHandler]
internal ref struct NoteText
{
    private DefaultInterpolatedStringHandler _inner;

    public NoteText(int literalLength, int formattedCount, KpiTally tally, int slot, out bool enabled)
    {
        Enabled = enabled = tally.Wants(slot);
        _inner = enabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, System.Globalization.CultureInfo.InvariantCulture) : default;
    }

    public bool Enabled { get; }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

    public string ToStringAndClear() => _inner.ToStringAndClear();
}
