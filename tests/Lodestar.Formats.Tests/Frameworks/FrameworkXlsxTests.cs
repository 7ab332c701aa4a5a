using Lodestar.Formats.Frameworks;
using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Tests.Frameworks;

public sealed class FrameworkXlsxTests
{
    [Fact]
    public void FrameworkXlsx_Write_ListsTheTreeAndTheMeasures()
    {
        var framework = FrameworkYaml.Read(FrameworkYamlTests.Sample, "test.yaml").Value;
        var measures = framework.Measures.ToDictionary(m => m.Id);
        using var stream = new MemoryStream();

        FrameworkXlsx.Write(stream, framework, measures);
        stream.Position = 0;
        var tree = XlsxReader.ReadFirstSheet("framework.xlsx", stream).Value;

        Assert.Equal(5, tree.Count); // header and four nodes
        Assert.Equal(["1", "theme", "theme-1", "Children and young people are safe", "The first theme", "cla_at_end, referrals", "Commission an edge-of-care service [continuum:PREVENT, continuum:MEET]"], tree[1].Cells);
        Assert.Equal("        Deeper still", tree[3].Cells[3]);
    }
}
