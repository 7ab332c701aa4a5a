using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Domain.Tests.Performance;

public sealed class TargetTests
{
    private static Target Yearly(decimal value, TargetProfile profile, Tolerance? tolerance = null) => new()
    {
        MeasureId = "referrals",
        Council = "E10000003",
        Period = Period.ReportingYear(2025),
        Value = value,
        Profile = profile,
        Tolerance = tolerance,
    };

    [Fact]
    public void For_FlatYearlyTargetAndAMonth_IsTheYearlyValue()
    {
        Assert.Equal(11m, Yearly(11, TargetProfile.Flat).For(Period.Month(2024, 5))!.Value);
    }

    [Theory]
    [InlineData("2024-05", "100")]      // one month: 1/12 of 1200
    [InlineData("2025-Q2", "300")]      // a quarter: 3/12
    [InlineData("2024-04-01..2024-09-30", "600")] // year to date through September: 6/12
    [InlineData("2025", "1200")]
    public void For_LinearYearlyTarget_AccruesByMonth(string period, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Yearly(1200, TargetProfile.Linear).For(Period.Parse(period))!.Value);
    }

    [Fact]
    public void For_LinearWithAbsoluteTolerance_ProfilesTheToleranceToo()
    {
        var monthly = Yearly(1200, TargetProfile.Linear, Tolerance.Absolute(120)).For(Period.Month(2024, 5))!;

        Assert.Equal(Tolerance.Absolute(10), monthly.Tolerance);
    }

    [Fact]
    public void For_PeriodOutsideOrPartMonth_HasNoTarget()
    {
        Assert.Null(Yearly(11, TargetProfile.Flat).For(Period.Month(2025, 4)));
        Assert.Null(Yearly(11, TargetProfile.Flat).For(Period.Parse("2024-05-01..2024-05-10")));
    }

    [Fact]
    public void Find_ExactAndYearlyTargets_PrefersTheExactOne()
    {
        var quarterly = Yearly(9, TargetProfile.Flat) with { Period = Period.Quarter(2025, 1) };
        var targets = new[] { Yearly(11, TargetProfile.Flat), quarterly };

        Assert.Equal(9m, Target.Find(targets, "referrals", "E10000003", Period.Quarter(2025, 1))!.Value);
        Assert.Equal(9m, Target.Find(targets, "referrals", "E10000003", Period.Month(2024, 5))!.Value);
        Assert.Equal(11m, Target.Find(targets, "referrals", "E10000003", Period.Month(2024, 8))!.Value);
        Assert.Null(Target.Find(targets, "referrals", "E06000001", Period.Month(2024, 8)));
    }
}
