using Lodestar.Domain.Frameworks;
using Lodestar.Domain.Performance;
using Lodestar.Formats.Frameworks;

namespace Lodestar.Formats.Tests.Frameworks;

public sealed class FrameworkYamlTests
{
    internal const string Sample = """
        id: test-outcomes
        title: "Test outcomes framework"
        owner: "Test County Council"
        period: "2016-17"
        notes: |
          First line.
          Second line: "quoted".
        rag_rule: tolerance_or_improved
        tag_sets:
          - id: continuum
            title: Care continuum
            tags:
              - { id: PREVENT, title: Prevent }
              - { id: MEET, title: Meet }
        measures:
          - id: cla_at_end
            title: "Children looked after at 31 March"
            number: "KPI 12"
            group: "Looked after children"
            unit: count
            polarity: lower_is_better
            source: { kpi: cla_at_end }
            frequency: quarterly
            forum: "Corporate Parenting Panel"
            contractual: contractual
            responsibility: primary
            owner: "Head of Service"
            why: "Fewer children need care when families get help early."
            tags: { continuum: [MEET] }
          - id: staff_turnover
            title: "Staff turnover"
            unit: percent
            polarity: lower_is_better
            decimals: 2
            source: { values: entered }
            contractual: for_discussion
            status: in_development
          - id: fostered_share
            title: "No"
            unit: rate_per_10k
            source: { formula: "fostered / cla_at_end * 100" }
        nodes:
          - kind: theme
            id: theme-1
            title: "Children and young people are safe"
            description: "The first theme"
            measures: [cla_at_end, referrals]
            intentions:
              - text: "Commission an edge-of-care service"
                tags: { continuum: [PREVENT, MEET] }
            children:
              - kind: outcome
                title: "Fewer children need care"
                measures: [staff_turnover]
                children:
                  - kind: supporting_outcome
                    title: "Deeper still"
          - kind: theme
            title: "Second theme"
        """;

    [Fact]
    public void Read_Sample_GivesEveryField()
    {
        var result = FrameworkYaml.Read(Sample, "test.yaml");

        Assert.Empty(result.Problems);
        var framework = result.Value!;
        Assert.Equal(("test-outcomes", "Test outcomes framework", "Test County Council", "2016-17"), (framework.Id, framework.Title, framework.Owner, framework.PeriodText));
        Assert.Equal("First line.\nSecond line: \"quoted\".\n", framework.Notes);
        Assert.Equal(RagRule.ToleranceOrImproved, framework.RagRule);
        Assert.Equal(["PREVENT", "MEET"], framework.TagSets.Single().Tags.Select(t => t.Id));

        var cla = framework.Measures[0];
        Assert.Equal(
            ("KPI 12", "Looked after children", MeasureUnit.Count, Polarity.LowerIsBetter, 0, MeasureSourceKind.Kpi, "cla_at_end"),
            (cla.Number, cla.Group, cla.Unit, cla.Polarity, cla.DecimalPlaces, cla.Source.Kind, cla.Source.Reference));
        Assert.Equal(
            (MeasureFrequency.Quarterly, "Corporate Parenting Panel", ContractualStatus.Contractual, Responsibility.Primary, MeasureStatus.Live, "Head of Service"),
            (cla.Frequency, cla.Forum, cla.Contractual, cla.Responsibility, cla.Status, cla.Owner));
        Assert.Equal([new TagRef("continuum", "MEET")], cla.Tags);

        var turnover = framework.Measures[1];
        Assert.Equal((2, ContractualStatus.ForDiscussion, MeasureStatus.InDevelopment, MeasureSourceKind.Values), (turnover.DecimalPlaces, turnover.Contractual, turnover.Status, turnover.Source.Kind));
        Assert.Equal(("No", MeasureUnit.RatePer10k, MeasureSourceKind.Formula), (framework.Measures[2].Title, framework.Measures[2].Unit, framework.Measures[2].Source.Kind));
    }

    [Fact]
    public void Read_NodesWithoutIds_GetIdsFromTheirPosition()
    {
        var framework = FrameworkYaml.Read(Sample, "test.yaml").Value!;

        Assert.Equal(
            [("theme-1", 0), ("theme-1.1", 1), ("theme-1.1.1", 2), ("n2", 0)],
            framework.Flatten().Select(p => (p.Node.Id, p.Depth)));
        var theme = framework.Nodes[0];
        Assert.Equal(["cla_at_end", "referrals"], theme.MeasureIds);
        Assert.Equal([new TagRef("continuum", "PREVENT"), new TagRef("continuum", "MEET")], theme.Intentions.Single().Tags);
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameFramework()
    {
        var original = FrameworkYaml.Read(Sample, "test.yaml").Value!;

        var yaml = FrameworkYaml.Write(original);
        var again = FrameworkYaml.Read(yaml, "again.yaml");

        Assert.Empty(again.Problems);
        Assert.Equal(FrameworkText.Describe(original), FrameworkText.Describe(again.Value));
        Assert.Equal(yaml, FrameworkYaml.Write(again.Value));
    }

    [Theory]
    [InlineData("titel: x", 3, "1", "unknown key 'titel'")]
    [InlineData("rag_rule: sometimes", 3, "11", "'sometimes' is not a valid rag_rule")]
    [InlineData("measures:\n  - { id: m, title: M, unit: furlongs }", 4, "30", "'furlongs' is not a valid unit")]
    [InlineData("measures:\n  - { id: m, title: M, decimals: many }", 4, "34", "'decimals' must be a whole number")]
    [InlineData("measures:\n  - { id: m }", 4, "5", "'title' is required")]
    [InlineData("measures:\n  - { id: Bad Id, title: M }", 4, "11", "'Bad Id' is not a valid id")]
    [InlineData("measures:\n  - { id: m, title: M, source: { formula: \"a +\" } }", 4, "43", "the formula ends too soon")]
    [InlineData("measures:\n  - { id: m, title: M, source: { kpi: a, values: b } }", 4, "32", "exactly one of kpi, values or formula")]
    [InlineData("measures:\n  - { id: m, title: M }\n  - { id: m, title: N }", 4, "3", "measure id 'm' is used more than once")]
    [InlineData("measures:\n  - { id: m, title: M, tags: { colour: [RED] } }", 4, "32", "tag set 'colour' is not defined")]
    [InlineData("nodes:\n  - { kind: theme, title: T, intentions: [{ text: x, tags: { continuum: [SOMETIMES] } }] }", 4, "74", "tag 'SOMETIMES' is not in tag set 'continuum'")]
    [InlineData("nodes:\n  - { kind: theme, title: T, measures: cla }", 4, "40", "measures must be a list")]
    [InlineData("nodes:\n  - { kind: theme, id: a, title: T }\n  - { kind: theme, id: a, title: U }", 4, "3", "node id 'a' is used more than once")]
    [InlineData("nodes:\n  - { title: T }", 4, "5", "'kind' is required")]
    public void Read_Mistake_IsReportedWithLineAndColumn(string extra, int line, string column, string message)
    {
        // Lines 1 and 2 are id and title; the mistake starts on line 3 (flow mappings are columns on one line).
        var yaml = "id: f\ntitle: F\n" + extra + "\ntag_sets: [{ id: continuum, title: C, tags: [{ id: MEET, title: Meet }] }]\n";
        var result = FrameworkYaml.Read(yaml, "bad.yaml");

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(("bad.yaml", line, column), (problem.File, problem.Line, problem.Column));
    }

    [Fact]
    public void Read_BrokenYaml_NamesTheLine()
    {
        var result = FrameworkYaml.Read("id: f\ntitle: \"unclosed\nnodes: [", "broken.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("broken.yaml, line ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralMistakes_ReportsThemAll()
    {
        var result = FrameworkYaml.Read("id: f\ntitle: F\ncolour: red\nmeasures:\n  - { id: m, title: M, unit: miles, polarity: up }", "bad.yaml");

        Assert.Equal(3, result.Problems.Count);
    }

    [Fact]
    public void Read_MissingIdAndTitle_AreBothRequired()
    {
        var result = FrameworkYaml.Read("owner: x", "bad.yaml");

        Assert.Equal(["'id' is required", "'title' is required"], result.Problems.Select(p => p.Message));
    }
}

/// <summary>A framework as text listing every field, so two frameworks can be compared whole.</summary>
internal static class FrameworkText
{
    public static string Describe(Framework f)
    {
        var lines = new List<string> { $"{f.Id}|{f.Title}|{f.Owner}|{f.PeriodText}|{f.Source}|{f.Notes}|{f.RagRule}" };
        lines.AddRange(f.TagSets.Select(s => $"set {s.Id}|{s.Title}|{string.Join(",", s.Tags.Select(t => t.Id + "=" + t.Title))}"));
        lines.AddRange(f.Measures.Select(m =>
            $"measure {m.Id}|{m.Title}|{m.Number}|{m.Group}|{m.Unit}|{m.Polarity}|{m.Decimals}|{m.Source}|{m.Frequency}|{m.Forum}|{m.Contractual}|{m.Responsibility}|{m.Status}|{m.Owner}|{m.Why}|{string.Join(",", m.Tags)}"));
        lines.AddRange(f.Flatten().Select(p =>
            $"node {p.Depth}|{p.ParentId}|{p.Node.Id}|{p.Node.Kind}|{p.Node.Title}|{p.Node.Description}|{string.Join(",", p.Node.MeasureIds)}|{string.Join(";", p.Node.Intentions.Select(i => i.Text + "=" + string.Join(",", i.Tags)))}"));
        return string.Join("\n", lines);
    }
}

public sealed class FrameworkYamlOddInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("- just\n- a list")]
    [InlineData("just text")]
    [InlineData("id: f\ntitle: F\n---\nid: g\ntitle: G")]
    [InlineData("id: f\ntitle: F\nmeasures:\n  - { id: m, title: M, tags: { [a]: [b] } }")]
    [InlineData("id: f\ntitle: F\nmeasures:\n  - { id: m, title: M, source: { [kpi]: x } }")]
    [InlineData("id: f\ntitle: F\nmeasures:\n  - { id: m, title: M, source: kpi }")]
    [InlineData("id: f\ntitle: F\nmeasures: { id: m }")]
    [InlineData("id: f\ntitle: F\nnodes:\n  - [1, 2]")]
    [InlineData("id: f\ntitle: [F]")]
    [InlineData("id: f\ntitle: F\nnodes:\n  - { kind: theme, title: T, children: { a: b } }")]
    [InlineData("id: f\ntitle: F\ntag_sets:\n  - { id: s, title: S, tags: [x] }")]
    [InlineData("id: f\ntitle: F\n{ a: b }: c")]
    public void Read_OddDocument_ReportsProblemsInsteadOfThrowing(string yaml)
    {
        var result = FrameworkYaml.Read(yaml, "odd.yaml");

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void Read_AnchorsAndAliases_AreResolved()
    {
        var result = FrameworkYaml.Read("id: f\ntitle: &t \"Shared\"\nnodes:\n  - { kind: theme, title: *t }", "alias.yaml");

        Assert.Equal("Shared", Assert.Single(result.Value.Nodes).Title);
    }
}
