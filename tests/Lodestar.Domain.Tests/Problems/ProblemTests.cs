using Lodestar.Domain.Problems;

namespace Lodestar.Domain.Tests.Problems;

public sealed class ProblemTests
{
    [Fact]
    public void ToString_EveryPart_ReadsAsOneSentence()
    {
        var problem = new Problem("episodes.csv", 12, "DECOM", "2025-13-01", "not a date");

        Assert.Equal("episodes.csv, line 12, column DECOM, value '2025-13-01': not a date", problem.ToString());
    }

    [Fact]
    public void ToString_UnknownParts_AreLeftOut()
    {
        Assert.Equal("values.csv: the file is empty", Problem.InFile("values.csv", "the file is empty").ToString());
        Assert.Equal("unknown council 'E99999999'", new Problem("unknown council 'E99999999'").ToString());
        Assert.Equal("column roles, value 'root': Unknown role", new Problem(null, 0, "roles", "root", "Unknown role").ToString());
    }

    [Fact]
    public void Severity_ByDefault_IsError()
    {
        Assert.Equal(Severity.Error, new Problem("x").Severity);
        Assert.Null(new Problem("x").Rule);
    }

    [Fact]
    public void Result_OnlyWarnings_Succeeds()
    {
        var warning = new Problem("f.csv", 3, "DOB", null, "check this") { Rule = "LS-1", Severity = Severity.Warning };

        var result = Result.Success(42, [warning]);

        Assert.True(result.Succeeded);
        Assert.Equal(42, result.Value);
        Assert.Equal([warning], result.Problems);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Result_AnError_FailsAndItsValueIsAMistakeToRead()
    {
        var result = Result.Failure<int>(new Problem("refused"));

        Assert.False(result.Succeeded);
        var error = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_FailureWithoutAnError_IsAMistake()
    {
        Assert.Throws<ArgumentNullException>(() => Result.Failure<string>());
    }

    [Fact]
    public void Result_WithoutAValue_SucceedsWhenNoProblemIsAnError()
    {
        Assert.True(Result.Success().Succeeded);
        Assert.False(Result.Failure(new Problem("no")).Succeeded);
    }
}
