using Lodestar.Domain.Problems;
using Lodestar.Domain.Savings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lodestar.Formats.Actions;

/// <summary>52-week placements for a period and for the baseline year, the cost model's input.</summary>
public sealed record PlacementActualsFile(PlacementActuals Baseline, PlacementActuals Period);

/// <summary>
/// Reads unit costs (samples/costs/unit-costs.yaml) and placement actuals — the cost model's input, until the
/// KPI engine's <c>placements_52wk_by_type</c> supplies it (docs/savings.md).
/// </summary>
public static class CostsYamlReader
{
    /// <summary>The illustrative unit costs shipped with Lodestar (samples/costs/unit-costs.yaml).</summary>
    public static UnitCostTable Illustrative()
    {
        using var stream = typeof(CostsYamlReader).Assembly.GetManifestResourceStream("Lodestar.Formats.unit-costs.yaml")
            ?? throw new InvalidOperationException("The unit-costs.yaml resource is missing from Lodestar.Formats.");
        using var reader = new StreamReader(stream);
        var result = ReadUnitCosts(reader, "unit-costs.yaml");
        return result.Succeeded ? result.Value : throw new InvalidOperationException($"The shipped unit costs are invalid: {result.Problems[0]}");
    }

    public static Result<UnitCostTable> ReadUnitCosts(TextReader text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nodes = new YamlNodes(fileName);
        var costs = new List<UnitCost>();
        if (Load(nodes, text) is { } root && nodes.Map(root, "the unit costs file", "id", "title", "notes", "unit_costs") is { } file)
        {
            if (file["unit_costs"] is not YamlMappingNode years)
            {
                nodes.Error(file["unit_costs"] ?? root, "'unit_costs' must map financial years to { category: annual cost }.");
            }
            else
            {
                var seen = new HashSet<Domain.Periods.Period>();
                foreach (var (yearNode, byCategory) in years.Children)
                {
                    if (nodes.FinancialYear(yearNode, "a year of 'unit_costs'") is not { } year)
                    {
                        continue;
                    }

                    if (!seen.Add(year))
                    {
                        nodes.Error(yearNode, ((YamlScalarNode)yearNode).Value, "The year appears twice in 'unit_costs' (2016/17 and 2016-17 are the same year).");
                        continue;
                    }

                    costs.AddRange(Categories(nodes, byCategory, $"the unit costs for {year.ToFinancialYearLabel()}")
                        .Select(c => new UnitCost(c.Category, year, c.Value)));
                }
            }
        }

        return nodes.Errors.Count == 0 ? Result.Success(new UnitCostTable(costs)) : Result.Failure<UnitCostTable>(nodes.Errors);
    }

    public static Result<PlacementActualsFile> ReadActuals(TextReader text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nodes = new YamlNodes(fileName);
        PlacementActualsFile? value = null;
        if (Load(nodes, text) is { } root && nodes.Map(root, "the placement actuals file", "baseline", "period", "notes") is { } file)
        {
            var baseline = Period(nodes, file, "baseline", wholeYear: true);
            var period = Period(nodes, file, "period", wholeYear: false);
            if (baseline is not null && period is not null && nodes.Errors.Count == 0)
            {
                value = new PlacementActualsFile(baseline, period);
            }
        }

        return nodes.Errors.Count == 0 && value is not null ? Result.Success(value) : Result.Failure<PlacementActualsFile>(nodes.ErrorsOr("the file holds no placement actuals"));
    }

    private static PlacementActuals? Period(YamlNodes nodes, YamlMap file, string key, bool wholeYear)
    {
        if (nodes.Map(file[key], $"'{key}'", "from", "to", "placements_52wk") is not { } map)
        {
            file.Missing(key);
            return null;
        }

        var (from, to) = (map.Date("from"), map.Date("to"));
        var placements = Categories(nodes, map["placements_52wk"], $"'placements_52wk' of '{key}'").ToDictionary(c => c.Category, c => c.Value);
        if (from is not { } start || to is not { } end)
        {
            if (!map.Has("from") || !map.Has("to"))
            {
                nodes.Error(map.Node, $"'{key}' needs 'from' and 'to' dates.");
            }

            return null;
        }

        if (end < start || Domain.Periods.Period.ReportingYearOf(start) != Domain.Periods.Period.ReportingYearOf(end))
        {
            nodes.Error(map.Node, $"'{key}' must run forwards inside one financial year (1 April to 31 March).");
            return null;
        }

        var actuals = new PlacementActuals(start, end, placements);
        if (wholeYear && !actuals.IsWholeYear)
        {
            nodes.Error(map.Node, $"'{key}' must cover a whole financial year, 1 April to 31 March.");
            return null;
        }

        return actuals;
    }

    private static IEnumerable<(PlacementCategory Category, decimal Value)> Categories(YamlNodes nodes, YamlNode? node, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            nodes.Error(node ?? new YamlScalarNode(), $"{what} must map placement categories to numbers.");
            yield break;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var category = nodes.Choice(key, $"a placement category in {what}", ActionsYaml.PlacementCategories);
            var number = nodes.Number(value, $"{what}");
            if (number is < 0)
            {
                nodes.Error(value, $"{what}: {number} must not be negative.");
                continue;
            }

            if (category is { } c && number is { } n)
            {
                yield return (c, n);
            }
        }
    }

    private static YamlNode? Load(YamlNodes nodes, TextReader text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            nodes.Error((int)e.Start.Line, (int)e.Start.Column, "Not valid YAML.");
            return null;
        }
        catch (InvalidOperationException)
        {
            nodes.Error(1, 1, "Not valid YAML.");
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            nodes.Error(1, 1, "The file must hold one YAML document.");
            return null;
        }

        return stream.Documents[0].RootNode;
    }
}
