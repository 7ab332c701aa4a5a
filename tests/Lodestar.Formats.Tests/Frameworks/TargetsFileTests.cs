using Lodestar.Domain.Performance;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Frameworks;

namespace Lodestar.Formats.Tests.Frameworks;

public sealed class TargetsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lodestar-targets-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private Result<IReadOnlyList<Target>> Read(string text)
    {
        var path = Path.Combine(_folder, "targets.csv");
        File.WriteAllText(path, text);
        return TargetsFile.Read(path, id => id is "rereferrals" or "referrals", c => c is "873" or "E10000003" ? "E10000003" : null);
    }

    [Fact]
    public void Read_GoodCsv_GivesTargetsWithToleranceAndProfile()
    {
        var result = Read("measure,council,period,value,tolerance,profile\nrereferrals,873,2025,11,1,\nreferrals,E10000003,2025,1200,10%,linear\nrereferrals,873,2024,12,,\n");

        Assert.Empty(result.Problems);
        Assert.Equal(
            [
                new Target { MeasureId = "rereferrals", Council = "E10000003", Period = Period.ReportingYear(2025), Value = 11, Tolerance = Tolerance.Absolute(1) },
                new Target { MeasureId = "referrals", Council = "E10000003", Period = Period.ReportingYear(2025), Value = 1200, Tolerance = Tolerance.Percent(10), Profile = TargetProfile.Linear },
                new Target { MeasureId = "rereferrals", Council = "E10000003", Period = Period.ReportingYear(2024), Value = 12 },
            ],
            result.Value);
    }

    [Fact]
    public void Read_BadCells_NameRowAndColumnAndGiveNothing()
    {
        var result = Read("measure,council,period,value,tolerance,profile\nrereferrals,873,2025,11,lots,\nrereferrals,873,2024,11,,wavy\n");

        Assert.False(result.Succeeded);
        Assert.Equal([(2, "tolerance", "lots"), (3, "profile", "wavy")], result.Problems.Select(p => (p.Line, p.Column!, p.Value!)));
    }
}
