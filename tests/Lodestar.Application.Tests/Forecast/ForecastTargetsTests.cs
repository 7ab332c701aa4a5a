using Lodestar.Application.Forecast;
using Lodestar.Metrics.Forecast;

namespace Lodestar.Application.Tests.Forecast;

public sealed class ForecastTargetsTests
{
    private static readonly DateOnly AsAt = new(2024, 3, 31);

    // Two children in IFA since 2020, nobody entering or leaving: the forecast is exactly 2 at every month end.
    private static LacForecastResult Forecast()
    {
        var birth = new DateOnly(2012, 1, 1);
        List<CareSpell> spells = [new(1, birth, new DateOnly(2020, 1, 1), null, 1), new(2, birth, new DateOnly(2020, 1, 1), null, 1)];
        var model = ForecastEstimator.Estimate(spells, AsAt);
        var baseline = ForecastSimulator.Simulate(model, new ForecastOptions(Months: 12, Runs: 20));
        List<ForecastHistoryPoint> history = [new(new DateOnly(2023, 3, 31), 7, [0, 7, 0, 0, 0, 0, 0, 0, 0]), new(AsAt, 2, [0, 2, 0, 0, 0, 0, 0, 0, 0])];
        return new LacForecastResult("E10000003", AsAt, model, baseline, [], history, null);
    }

    [Fact]
    public void View_TargetInApril_IsJudgedAtTheMarchYearEndAgainstTheHistory()
    {
        // "April 2023" is the snapshot at 31 March 2023, a month the returns show: 7.
        var view = ForecastTargets.View("plan", new DateOnly(2023, 4, 1), 6m, Forecast());

        Assert.Equal(new LacTargetView("plan", new DateOnly(2023, 4, 1), new DateOnly(2023, 3, 31), 6m, 7, false), view);
    }

    [Fact]
    public void View_TargetWithinTheForecast_IsTheForecastMedianThere()
    {
        var view = ForecastTargets.View("plan", new DateOnly(2024, 10, 15), 1m, Forecast());

        Assert.Equal(new LacTargetView("plan", new DateOnly(2024, 10, 15), new DateOnly(2024, 9, 30), 1m, 2, true), view);
    }

    [Fact]
    public void View_TargetBeyondTheForecast_HasNoExpectedNumber()
    {
        var view = ForecastTargets.View("plan", new DateOnly(2030, 4, 1), 1m, Forecast());

        Assert.Null(view.Expected);
    }
}
