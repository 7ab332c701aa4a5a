using Lodestar.Formats.Validation;

namespace Lodestar.Formats.Tests.Validation;

public sealed class RuleDocumentationTests
{
    private static string DocPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Lodestar.slnx")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, "docs", "validation.md");
    }

    /// <summary>
    /// docs/validation.md's catalogue is the code's: the section between the markers must be exactly
    /// <see cref="RuleCatalogue.Markdown"/>. With LODESTAR_WRITE_DOCS=1 the test writes it there instead (then fails
    /// nothing), which is how the section is regenerated.
    /// </summary>
    [Fact]
    public void ValidationDoc_CatalogueSection_IsWhatTheCodeGives()
    {
        var path = DocPath();
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");
        var generated = RuleCatalogue.Markdown();
        var start = doc.IndexOf(RuleCatalogue.BeginMarker, StringComparison.Ordinal);
        var endMarker = doc.IndexOf(RuleCatalogue.EndMarker, StringComparison.Ordinal);
        var placeholder = doc.IndexOf("\nPLACEHOLDER\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("LODESTAR_WRITE_DOCS") == "1")
        {
            doc = start >= 0 && endMarker > start
                ? doc[..start] + generated + doc[(endMarker + RuleCatalogue.EndMarker.Length + 1)..]
                : placeholder >= 0 ? doc[..(placeholder + 1)] + generated + doc[(placeholder + "\nPLACEHOLDER\n".Length)..]
                : throw new InvalidOperationException("docs/validation.md has neither the catalogue's markers nor a PLACEHOLDER line");
            File.WriteAllText(path, doc);
            return;
        }

        Assert.True(start >= 0 && endMarker > start, "docs/validation.md has no generated rule catalogue (see docs/development.md)");
        var section = doc[start..(endMarker + RuleCatalogue.EndMarker.Length + 1)];
        Assert.Equal(generated, section);
    }

    [Fact]
    public void Catalogue_EveryRule_HasFieldsAndOneVersionOfEachIdAYear()
    {
        foreach (var year in RuleCatalogue.Years)
        {
            var inForce = RuleCatalogue.Of(null, year).Select(r => r.Id).ToList();
            Assert.Equal(inForce.Count, inForce.Distinct(StringComparer.Ordinal).Count());
        }

        Assert.Empty(RuleCatalogue.Rules.Where(r => r.Fields.Count == 0).Select(r => r.Id));
    }

    [Fact]
    public void Catalogue_Markdown_HasARowPerRuleWithItsYearsAndMessage()
    {
        var markdown = RuleCatalogue.Markdown();

        // Hand-written rows for three rules: a rule of every year, a year-bound one, a CIN query.
        Assert.Contains("| 205B | error | UASC | all years | DUC |", markdown, StringComparison.Ordinal);
        Assert.Contains("| LS-SW-ID-BLANK | error | SWEpisodes | from 2023/24 | SW_ID | SW_ID is blank | no (Lodestar) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 8945Q | warning | Assessments | from 2024/25 | AssessmentFactors |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 383 | warning | Episodes | to 2024/25 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 383 | warning | Episodes | from 2025/26 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 445 | error | Episodes | to 2023/24 |", markdown, StringComparison.Ordinal);
        Assert.Equal(RuleCatalogue.Rules.Count, markdown.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Id |", StringComparison.Ordinal)));
    }

    [Fact]
    public void Catalogue_OfAYear_HoldsThatYearsVersionsOnly()
    {
        var of2024 = RuleCatalogue.Of("903", 2024).ToList();
        var of2026 = RuleCatalogue.Of("903", 2026).ToList();

        // 445 was retired after 2023/24; 383 has one version in each year, the later one naming PL_POST.
        Assert.Contains(of2024, r => r.Id == "445");
        Assert.DoesNotContain(of2026, r => r.Id == "445");
        Assert.DoesNotContain("PL_POST", Assert.Single(of2024, r => r.Id == "383").Fields);
        Assert.Contains("PL_POST", Assert.Single(of2026, r => r.Id == "383").Fields);
        Assert.DoesNotContain(RuleCatalogue.Of("903", 2025), r => r.Return != "903");
        Assert.Equal(RuleCatalogue.Of("903").Count(), RuleCatalogue.Of("903", null).Count());
    }
}
