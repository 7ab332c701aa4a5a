using Lodestar.Application.Kpis;
using Lodestar.Domain.Periods;

namespace Lodestar.Application.Tests.Kpis;

public sealed class KpiPeriodQueryTests
{
    [Fact]
    public void Parse_Year_IsTheReportingYearEndingThen()
    {
        var (periods, problem) = KpiPeriodQuery.Parse("2025", null, null, null);

        Assert.Null(problem);
        Assert.Equal([Period.Between(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31))], periods);
    }

    [Fact]
    public void Parse_FromTo_IsOnePeriodWithBothDaysIncluded()
    {
        var (periods, problem) = KpiPeriodQuery.Parse(null, "2024-10-01", "2024-12-31", null);

        Assert.Null(problem);
        Assert.Equal([Period.Between(new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31))], periods);
    }

    [Fact]
    public void Parse_QuarterSeries_GivesFinancialQuartersCoveringTheDates()
    {
        // 15 May 2024 is in the April quarter, 10 January 2025 in the January quarter: 4 quarters.
        var (periods, problem) = KpiPeriodQuery.Parse(null, "2024-05-15", "2025-01-10", "quarter");

        Assert.Null(problem);
        Assert.Equal(
            [
                Period.Between(new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30)),
                Period.Between(new DateOnly(2024, 7, 1), new DateOnly(2024, 9, 30)),
                Period.Between(new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31)),
                Period.Between(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)),
            ],
            periods);
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("2025", "2024-04-01", null, null)]
    [InlineData("2025", null, null, "month")]
    [InlineData("25", null, null, null)]
    [InlineData("2025.0", null, null, null)]
    [InlineData("2101", null, null, null)]
    [InlineData(null, "2024-04-01", null, null)]
    [InlineData(null, "2025-04-01", "2025-03-31", null)]
    [InlineData(null, "2024-4-1", "2025-03-31", null)]
    [InlineData(null, "2024-04-01", "2025-03-31", "fortnight")]
    [InlineData(null, "1989-01-01", "2100-12-31", "month")]
    public void Parse_BadInput_SaysWhatIsWrong(string? year, string? from, string? to, string? series)
    {
        var (periods, problem) = KpiPeriodQuery.Parse(year, from, to, series);

        Assert.Empty(periods);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void ParseRequest_Rolling12WithAKpiOnTheLastDay_IsRefusedNamingItAndTheKindsItTakes()
    {
        var (periods, kpis, problem) = KpiPeriodQuery.ParseRequest(null, "2025-01-01", "2025-03-31", "rolling12", "referrals,cla_at_end");

        Assert.Empty(periods);
        Assert.Null(kpis);
        Assert.Equal(
            "Not meaningful as a rolling12 series: cla_at_end (read on the last day of the period, so each year to date or 12 months says what its month says; ask for month or quarter or year).",
            problem);
    }

    [Theory]
    [InlineData("month", "cla_placements_3plus", "year or rolling12")]
    [InlineData("ytd", "cla_social_workers_3plus", "year or rolling12")]
    [InlineData("quarter", "cla_health_check", "year")]
    [InlineData("rolling12", "care_leavers_eet_19_21", "year")]
    public void ParseRequest_KpiInAKindItMakesNoSenseIn_IsRefused(string series, string kpi, string kinds)
    {
        var (_, _, problem) = KpiPeriodQuery.ParseRequest(null, "2024-04-01", "2025-03-31", series, kpi);

        Assert.NotNull(problem);
        Assert.StartsWith($"Not meaningful as a {series} series: {kpi} (", problem);
        Assert.EndsWith($"ask for {kinds}).", problem);
    }

    [Theory]
    [InlineData("rolling12", "cla_placements_3plus,referrals,factor_neglect_rate_per_10k")]
    [InlineData("ytd", "referrals,cla_started,placements_52wk_by_type")]
    [InlineData("month", "cla_at_end,cpp_at_end,referrals")]
    [InlineData("year", "cla_health_check,cla_at_end,cla_placements_3plus")]
    public void ParseRequest_KpisThatMakeSenseInTheKind_AreAccepted(string series, string list)
    {
        var (periods, kpis, problem) = KpiPeriodQuery.ParseRequest(null, "2025-03-01", "2025-03-31", series, list);

        Assert.Null(problem);
        Assert.Single(periods);
        Assert.Equal(list.Split(','), kpis);
    }

    [Fact]
    public void ParseRequest_YearToDateWithNoKpiNamed_IsEveryKpiThatMakesSenseInIt()
    {
        var (_, kpis, problem) = KpiPeriodQuery.ParseRequest(null, "2025-03-01", "2025-03-31", "ytd", null);

        Assert.Null(problem);
        Assert.NotNull(kpis);
        Assert.Contains("referrals", kpis);
        Assert.Contains("factor_neglect_rate_per_10k", kpis);
        Assert.DoesNotContain("cla_at_end", kpis);
        Assert.DoesNotContain("cla_placements_3plus", kpis);
        Assert.DoesNotContain("cla_sdq_average", kpis);
    }

    [Fact]
    public void ParseRequest_SingleSpanWithNoKpiNamed_IsEveryKpi()
    {
        Assert.Null(KpiPeriodQuery.ParseRequest("2025", null, null, null, null).Kpis);
        Assert.Null(KpiPeriodQuery.ParseRequest(null, "2025-01-01", "2025-01-31", null, "").Kpis);
    }

    [Fact]
    public void Parse_UnknownSeriesKind_ListsTheFiveKinds()
    {
        var (_, problem) = KpiPeriodQuery.Parse(null, "2025-01-01", "2025-03-31", "fortnight");

        Assert.Equal("series takes month, quarter, year, ytd, rolling12 (not 'fortnight').", problem);
    }
}
