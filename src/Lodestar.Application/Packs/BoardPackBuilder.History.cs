using Lodestar.Data.Packs;
using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;

namespace Lodestar.Application.Packs;

// The trend charts' series (issue 16): each measure's value and target in the recent reporting years, from
// the same scorecards as the pack's own figures, so the HTML, PDF and XLSX charts draw the same points.
public sealed partial class BoardPackBuilder
{
    /// <summary>How many reporting years a trend covers, ending with the pack's year.</summary>
    public const int TrendYears = 5;

    private async Task<PackHistory> HistoryAsync(PackRequest request, string council, Period period, CancellationToken cancellationToken)
    {
        var earlier = new List<(Period Period, IReadOnlyDictionary<string, ScorecardRow> Rows)>();
        for (var back = TrendYears - 1; back >= 1; back--)
        {
            var year = Period.ReportingYear(period.ReportingYearLabel - back);
            var scorecard = await scorecards.ScorecardAsync(request.FrameworkId, council, year, cancellationToken);
            // Sign-off holds for the trend as for the pack's own year: an approved year's frozen figures; in a public
            // pack nothing of a year not approved (PackSignOffOverlay).
            var approved = scorecard is null ? null : await PackSignOff.SnapshotAsync(
                db, await PackSignOff.StateAsync(db, scorecard.FrameworkId, council, year.ReportingYearLabel, cancellationToken), cancellationToken);
            earlier.Add((year, (scorecard?.Rows ?? []).DistinctBy(r => r.Measure.Id).ToDictionary(
                r => r.Measure.Id,
                r => approved?.GetValueOrDefault(r.Measure.Id) is { } f ? PackSignOffOverlay.Approved(r, f)
                    : request.Public ? PackSignOffOverlay.Withheld(r)
                    : r,
                StringComparer.Ordinal)));
        }

        return new PackHistory(request, period, earlier);
    }

    /// <summary>The earlier years' scorecard rows; <see cref="Of"/> makes a measure's points, the pack's own year last.</summary>
    private sealed class PackHistory(PackRequest request, Period period, List<(Period Period, IReadOnlyDictionary<string, ScorecardRow> Rows)> earlier)
    {
        /// <summary>The figures suppressed in the trends that the pack's own lines do not already show (two or more years back).</summary>
        public int Suppressed { get; private set; }

        public IReadOnlyList<PackPoint> Of(Measure measure, ScorecardRow current)
        {
            var points = new List<PackPoint>(TrendYears);
            foreach (var (year, rows) in earlier)
            {
                var row = rows.GetValueOrDefault(measure.Id);
                var (point, small) = Point(measure, year, row?.Value, row?.Target?.Value);
                // The year before is the pack line's "last year" figure, already counted there.
                Suppressed += small && year.ReportingYearLabel < period.ReportingYearLabel - 1 ? 1 : 0;
                points.Add(point);
            }

            points.Add(Point(measure, period, current.Value, current.Target?.Value).Point);
            // Leading years with neither a value nor a target say nothing: the trend starts at the first with either.
            return [.. points.SkipWhile(p => p.Amount is null && p.Value.Length == 0 && p.TargetAmount is null && p != points[^1])];
        }

        private (PackPoint Point, bool Small) Point(Measure measure, Period year, MeasureValue? value, decimal? target)
        {
            var small = request.Public && value is { } v
                && request.SmallNumbers.IsSmall(measure.Unit, (double)v.Value, (double?)v.Numerator, (double?)v.Denominator);
            return (new PackPoint(
                year.Describe(),
                value is not { } shown ? "" : small ? SmallNumbers.Marker : Format(measure, shown.Value),
                small ? null : Round(measure, value?.Value),
                target is { } t ? Format(measure, t) : "",
                Round(measure, target)), small);
        }
    }
}
