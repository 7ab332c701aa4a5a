namespace Lodestar.Metrics.Records;

/// <summary>
/// How dates and whole numbers are held in the record columns.
/// </summary>
/// <remarks>
/// A date is its <see cref="DateOnly.DayNumber"/> (days since 0001-01-01), so comparing and subtracting
/// dates is integer arithmetic. Two sentinels sit below every real day number:
/// <see cref="Blank"/> (the file left the field empty) and <see cref="Invalid"/> (the file had a value
/// that is not a date or number; the reader reported it with its text). Whole-number columns
/// (SDQ score, number of previous plans, collection year) use the same two sentinels.
/// Because both sentinels are smaller than any real value, <c>day &gt;= start</c> is false for them:
/// range tests need no separate blank check.
/// </remarks>
public static class RecordValues
{
    /// <summary>The field was empty.</summary>
    public const int Blank = int.MinValue;

    /// <summary>The field held text that could not be read as a date or number (reported when read).</summary>
    public const int Invalid = int.MinValue + 1;

    /// <summary>True when <paramref name="value"/> is a real date or number (neither sentinel).</summary>
    public static bool HasValue(int value) => value > Invalid;

    /// <summary>The day number of <paramref name="date"/>, or <see cref="Blank"/> for null.</summary>
    public static int Day(DateOnly? date) => date is { } d ? d.DayNumber : Blank;

    /// <summary>The date of day number <paramref name="day"/>, or null for either sentinel.</summary>
    public static DateOnly? Date(int day) => day > Invalid ? DateOnly.FromDayNumber(day) : null;

    /// <summary>A whole number, or <see cref="Blank"/> for null.</summary>
    public static int Number(int? value) => value ?? Blank;

    /// <summary>The whole number held, or null for either sentinel.</summary>
    public static int? NumberOrNull(int value) => value > Invalid ? value : null;
}

/// <summary>A yes/no field as held in the columns: blank, no, yes, or text that was neither (reported when read).</summary>
public enum Flag : byte
{
    Blank = 0,
    No = 1,
    Yes = 2,
    Invalid = 3,
}

/// <summary>Conversions for <see cref="Flag"/>.</summary>
public static class Flags
{
    public static Flag From(bool? value) => value switch
    {
        null => Flag.Blank,
        true => Flag.Yes,
        false => Flag.No,
    };

    public static bool? ToBool(this Flag flag) => flag switch
    {
        Flag.Yes => true,
        Flag.No => false,
        _ => null,
    };
}
