using Lodestar.Domain.Periods;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lodestar.Data.Savings;

/// <summary>
/// Stores a financial year (a reporting-year <see cref="Period"/>) as the text it has always been stored as,
/// "2016/17", so the columns and the migrations stay as they are.
/// </summary>
internal sealed class FinancialYearConverter() : ValueConverter<Period, string>(year => FinancialYearText.Write(year), text => FinancialYearText.Read(text));

/// <summary>Stores a plan's financial years, in order, as their "2016/17" labels one a line.</summary>
internal sealed class FinancialYearListConverter() : ValueConverter<List<Period>, string>(
    years => string.Join('\n', years.Select(FinancialYearText.Write)),
    text => FinancialYearText.ReadList(text));

/// <summary>Compares lists of years by their items, so that a change to the list is saved.</summary>
internal sealed class FinancialYearListComparer() : ValueComparer<List<Period>>(
    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
    years => years.Aggregate(0, (hash, year) => HashCode.Combine(hash, year)),
    years => years.ToList());

internal static class FinancialYearText
{
    public static string Write(Period year) => year.ToFinancialYearLabel();

    // Only Lodestar writes these columns, from validated plans; other text is a damaged database.
    public static Period Read(string text) =>
        Period.TryParseFinancialYear(text, out var year) ? year : throw new InvalidOperationException($"The stored financial year '{text}' is not like 2016/17.");

    public static List<Period> ReadList(string text) =>
        string.IsNullOrEmpty(text) ? [] : [.. text.Split('\n').Select(Read)];
}
