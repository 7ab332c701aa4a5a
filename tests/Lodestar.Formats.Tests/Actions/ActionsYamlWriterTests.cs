using Lodestar.Formats.Actions;

namespace Lodestar.Formats.Tests.Actions;

public sealed class ActionsYamlWriterTests
{
    private static ActionsDocument Read(string yaml)
    {
        var result = ActionsYamlReader.Read(new StringReader(yaml), "test.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Value!;
    }

    [Theory]
    [InlineData(ActionsYamlReaderTests.Plan)]
    [InlineData(ActionsYamlReaderTests.Savings)]
    [InlineData(ActionsYamlReaderTests.Register)]
    [InlineData(ActionsYamlReaderTests.Plan + "\n" + ActionsYamlReaderTests.Savings)]
    public void Write_ThenRead_GivesTheSameDocument(string yaml)
    {
        var written = ActionsYamlWriter.Write(Read(yaml));

        var again = ActionsYamlWriter.Write(Read(written));

        Assert.Equal(written, again);
    }

    [Fact]
    public void Write_Plan_KeepsHistoryOverridesAndTextExactly()
    {
        var written = ActionsYamlWriter.Write(Read(ActionsYamlReaderTests.Plan));
        var plan = Read(written).Plan!;

        var deliverable = plan.Outcomes[0].Workstreams[0].Deliverables[0];
        Assert.Equal(2, deliverable.Progress.Count);
        Assert.Equal(2, deliverable.Overrides.Count);
        Assert.Null(deliverable.Overrides[1].Rag);
        Assert.Equal("\"Jun-16\" is read as 2016-06-30.\nSecond line.\n", plan.Notes);
        Assert.Equal("0-17", plan.Outcomes[0].Workstreams[0].TargetAgeGroup);
        Assert.Contains("as_at: 2016-02-29", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("123")]
    [InlineData("yes: no")]
    [InlineData("- a list?")]
    [InlineData("ends with spaces  ")]
    [InlineData("two\nlines")]
    public void Write_AwkwardText_ReadsBackUnchanged(string title)
    {
        var plan = Read(ActionsYamlReaderTests.Plan).Plan! with { Title = title };

        var back = Read(ActionsYamlWriter.Write(new ActionsDocument(plan, null, null))).Plan!;

        Assert.Equal(title, back.Title);
    }
}
