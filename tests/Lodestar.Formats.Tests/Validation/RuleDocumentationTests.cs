using Lodestar.Formats.Validation;

namespace Lodestar.Formats.Tests.Validation;

public sealed class RuleDocumentationTests
{
    [Fact]
    public void ValidationDoc_EveryRule_HasARowWithItsSeverityAndMessage()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Lodestar.slnx")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        var doc = File.ReadAllText(Path.Combine(folder.FullName, "docs", "validation.md"));

        var missing = ReturnValidator.Rules
            .Where(r => !doc.Contains($"| {r.Id} | {r.Severity.ToString().ToLowerInvariant()} | {r.Table} | {r.Message.Replace("|", "\\|", StringComparison.Ordinal)} |", StringComparison.Ordinal))
            .Select(r => r.Id);
        Assert.Empty(missing);
    }
}
