using Lodestar.Domain.Actions;
using Lodestar.Domain.Benefits;
using Lodestar.Domain.Periods;
using Lodestar.Domain.Problems;
using Lodestar.Domain.Savings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lodestar.Formats.Actions;

/// <summary>
/// Reads the action plan, savings plan and benefits register YAML formats (docs/actions.md): unknown
/// keys, bad dates, numbers and words are errors with file, line and column; all of a file's errors are
/// reported together, and a file with any error yields no document.
/// </summary>
public static class ActionsYamlReader
{
    private static readonly string[] PlanKeys = ["id", "title", "council", "source", "as_at", "warning_window_days", "notes", "targets", "outcomes", "savings_plan"];
    private static readonly string[] SavingsFileKeys = ["savings_plan", "source", "notes"];
    private static readonly string[] RegisterKeys = ["id", "title", "source", "notes", "benefits"];

    public static Result<ActionsDocument> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static Result<ActionsDocument> Read(TextReader text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nodes = new YamlNodes(fileName);
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            nodes.Error((int)e.Start.Line, (int)e.Start.Column, $"Not valid YAML: {Describe(e)}");
            return Result.Failure<ActionsDocument>(nodes.Errors);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input; report where parsing stopped.
            nodes.Error(parser.LastLine, parser.LastColumn, "Not valid YAML: the text after this point could not be parsed (an unclosed bracket or quote?).");
            return Result.Failure<ActionsDocument>(nodes.Errors);
        }

        if (stream.Documents.Count != 1)
        {
            nodes.Error(1, 1, stream.Documents.Count == 0 ? "The file is empty." : "The file holds more than one YAML document; put one plan in each file.");
            return Result.Failure<ActionsDocument>(nodes.Errors);
        }

        var root = stream.Documents[0].RootNode;
        var document = ReadRoot(nodes, root);
        return nodes.Errors.Count == 0 && document is not null ? Result.Success(document) : Result.Failure<ActionsDocument>(nodes.ErrorsOr("the file holds no plan, savings plan or benefits register"));
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes its message with the position, which the diagnostic already carries.
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    private static ActionsDocument? ReadRoot(YamlNodes nodes, YamlNode root)
    {
        if (root is not YamlMappingNode mapping)
        {
            nodes.Error(root, "The file must be a mapping: an action plan, a savings plan or a benefits register.");
            return null;
        }

        bool HasKey(string key) => mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == key);
        if (HasKey("benefits"))
        {
            return new ActionsDocument(null, null, ReadRegister(nodes, nodes.Map(root, "the benefits register", RegisterKeys)!));
        }

        if (HasKey("outcomes") || HasKey("id"))
        {
            var plan = nodes.Map(root, "the action plan", PlanKeys)!;
            var savings = plan["savings_plan"] is { } savingsNode ? ReadSavings(nodes, savingsNode) : null;
            return new ActionsDocument(ReadPlan(nodes, plan), savings, null);
        }

        if (HasKey("savings_plan"))
        {
            var file = nodes.Map(root, "the savings plan file", SavingsFileKeys)!;
            return new ActionsDocument(null, ReadSavings(nodes, file["savings_plan"]!), null);
        }

        nodes.Error(root, "The file is not an action plan (id, title, outcomes), a savings plan (savings_plan) or a benefits register (id, title, benefits).");
        return null;
    }

    private static ActionPlan ReadPlan(YamlNodes nodes, YamlMap plan)
    {
        var id = plan.RequiredText("id");
        var window = plan.Integer("warning_window_days") ?? ActionPlan.DefaultWarningWindowDays;
        if (window < 0)
        {
            nodes.Error(plan["warning_window_days"]!, "'warning_window_days' must not be negative.");
            window = ActionPlan.DefaultWarningWindowDays;
        }

        if (!plan.Has("outcomes"))
        {
            plan.Missing("outcomes");
        }

        var council = plan.Text("council");
        var targets = plan.Sequence("targets").Select(node => nodes.Map(node, "a target", "measure", "date", "value", "council")).OfType<YamlMap>()
            .Select(t => new MeasureTarget(t.RequiredText("measure"), t.Text("council"), RequiredDate(t, "date"), RequiredNumber(t, "value")))
            .ToList();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = plan.Sequence("outcomes").Select(node => nodes.Map(node, "an outcome", "number", "title", "workstreams")).OfType<YamlMap>()
            .Select(o => new Outcome
            {
                Number = Unique(nodes, o, seen, "outcome"),
                Title = o.RequiredText("title"),
                Workstreams = [.. o.Sequence("workstreams").Select(w => ReadWorkstream(nodes, w, seen)).OfType<Workstream>()],
            })
            .ToList();

        return new ActionPlan
        {
            Id = id,
            Title = plan.RequiredText("title"),
            Council = council,
            Source = plan.Text("source"),
            AsAt = plan.Date("as_at"),
            WarningWindowDays = window,
            Notes = plan.Text("notes"),
            Targets = targets,
            Outcomes = outcomes,
        };
    }

    private static Workstream? ReadWorkstream(YamlNodes nodes, YamlNode node, HashSet<string> seen)
    {
        var w = nodes.Map(
            node, "a workstream", "number", "title", "description", "leads", "target_age_group", "priority", "impact_objective",
            "expected_impact", "how_measured", "target_saving_k", "target_reduction_52wk", "recorded_rag", "progress", "deliverables");
        if (w is null)
        {
            return null;
        }

        return new Workstream
        {
            Number = Unique(nodes, w, seen, "workstream"),
            Title = w.RequiredText("title"),
            Description = w.Text("description"),
            Leads = w.TextList("leads"),
            TargetAgeGroup = w.Text("target_age_group"),
            Priority = w.Choice("priority", ActionsYaml.Priorities),
            ImpactObjective = w.Choice("impact_objective", ActionsYaml.Objectives),
            ExpectedImpact = w.Text("expected_impact"),
            HowMeasured = w.Text("how_measured"),
            TargetSavingK = w.Number("target_saving_k"),
            TargetReduction52Wk = w.Number("target_reduction_52wk"),
            RecordedRag = w.Choice("recorded_rag", ActionsYaml.Rags),
            Progress = ReadProgress(nodes, w),
            Deliverables = [.. w.Sequence("deliverables").Select(d => ReadDeliverable(nodes, d, seen)).OfType<Deliverable>()],
        };
    }

    private static Deliverable? ReadDeliverable(YamlNodes nodes, YamlNode node, HashSet<string> seen)
    {
        var d = nodes.Map(
            node, "a deliverable", "number", "text", "target_end", "revised_end", "completed", "impact_objective", "expected_impact",
            "how_measured", "measures", "target_saving_k", "target_reduction_52wk", "recorded_rag", "progress", "overrides");
        if (d is null)
        {
            return null;
        }

        return new Deliverable
        {
            Number = Unique(nodes, d, seen, "deliverable"),
            Text = d.RequiredText("text"),
            TargetEnd = d.Date("target_end"),
            RevisedEnd = d.Date("revised_end"),
            Completed = d.Date("completed"),
            ImpactObjective = d.Choice("impact_objective", ActionsYaml.Objectives),
            ExpectedImpact = d.Text("expected_impact"),
            HowMeasured = d.Text("how_measured"),
            Measures = d.TextList("measures"),
            TargetSavingK = d.Number("target_saving_k"),
            TargetReduction52Wk = d.Number("target_reduction_52wk"),
            RecordedRag = d.Choice("recorded_rag", ActionsYaml.Rags),
            Progress = ReadProgress(nodes, d),
            Overrides = ReadOverrides(nodes, d),
        };
    }

    private static List<ProgressUpdate> ReadProgress(YamlNodes nodes, YamlMap owner) =>
        [.. owner.Sequence("progress").Select(node => nodes.Map(node, "a progress update", "date", "by", "text", "rag")).OfType<YamlMap>()
            .Select(p => (Date: RequiredDate(p, "date"), By: p.Text("by") ?? "", Text: p.RequiredText("text"), Rag: p.Choice("rag", ActionsYaml.Rags)))
            .Where(p => p.Text.Length > 0)
            .Select(p => new ProgressUpdate(p.Date, p.By, p.Text, p.Rag))];

    private static List<RagOverride> ReadOverrides(YamlNodes nodes, YamlMap owner)
    {
        var overrides = new List<RagOverride>();
        foreach (var o in owner.Sequence("overrides").Select(node => nodes.Map(node, "a RAG override", "date", "by", "rag", "reason")).OfType<YamlMap>())
        {
            var date = RequiredDate(o, "date");
            var ragText = o.Text("rag");
            ActionRag? rag = ragText is "none" or "cleared" ? null : o.Choice("rag", ActionsYaml.Rags);
            if (ragText is null)
            {
                o.Missing("rag");
                continue;
            }

            var reason = o.Text("reason") ?? "";
            if (rag is not null && string.IsNullOrWhiteSpace(reason))
            {
                nodes.Error(o.Node, "A RAG override needs a 'reason'.");
                continue;
            }

            if (rag is not null || ragText is "none" or "cleared")
            {
                overrides.Add(new RagOverride(date, o.Text("by") ?? "", rag, reason));
            }
        }

        return overrides;
    }

    private static SavingsPlan ReadSavings(YamlNodes nodes, YamlNode node)
    {
        var s = nodes.Map(
            node, "the savings plan", "id", "title", "years", "placement_year", "by_objective", "stated_totals_k", "by_placement_type",
            "stated_placement_total_k", "notes", "source");
        if (s is null)
        {
            return new SavingsPlan { Id = "", Title = "", Years = [] };
        }

        var years = new List<Period>();
        foreach (var yearNode in s.Sequence("years"))
        {
            if (nodes.FinancialYear(yearNode, "'years' of the savings plan") is { } year)
            {
                if (years.Contains(year))
                {
                    nodes.Error(yearNode, Text(yearNode), $"'{Text(yearNode)}' appears twice in 'years' of the savings plan.");
                    continue;
                }

                years.Add(year);
            }
        }

        Period? placementYear = null;
        if (s["placement_year"] is { } placementNode && !YamlNodes.IsNull(placementNode) && nodes.FinancialYear(placementNode, "'placement_year' of the savings plan") is { } placement)
        {
            if (years.Contains(placement))
            {
                placementYear = placement;
            }
            else
            {
                nodes.Error(placementNode, Text(placementNode), $"'placement_year' '{Text(placementNode)}' is not one of the plan's years.");
            }
        }

        var objectives = s.Sequence("by_objective").Select(n => nodes.Map(n, "an objective", "objective", "bp_reference", "values_k", "placement_types")).OfType<YamlMap>()
            .Select(o => new ObjectiveSavings
            {
                Objective = o.RequiredText("objective"),
                BpReference = o.Text("bp_reference"),
                PlacementTypes = [.. o.Sequence("placement_types").Select(p => nodes.Choice(p, "a placement type", ActionsYaml.PlacementCategories)).OfType<PlacementCategory>()],
                ValuesK = YearValues(nodes, o["values_k"], "'values_k' of an objective", years) ?? new Dictionary<Period, decimal>(),
            })
            .ToList();

        var placements = s.Sequence("by_placement_type").Select(n => nodes.Map(n, "a placement type line", "placement_type", "label", "bp_savings_k", "budget_transfers_k", "saving_k")).OfType<YamlMap>()
            .Select(p => new PlacementTypeSavings
            {
                PlacementType = p.Choice("placement_type", ActionsYaml.PlacementCategories) ?? Required(p, "placement_type", PlacementCategory.Other),
                Label = p.RequiredText("label"),
                BpSavingsK = p.Number("bp_savings_k") ?? 0m,
                BudgetTransfersK = p.Number("budget_transfers_k") ?? 0m,
                UnsplitK = p.Number("saving_k"),
            })
            .ToList();

        PlacementTotals? statedPlacement = null;
        if (nodes.Map(s["stated_placement_total_k"], "'stated_placement_total_k'", "bp_savings", "budget_transfers", "total") is { } total)
        {
            statedPlacement = new PlacementTotals(total.Number("bp_savings"), total.Number("budget_transfers"), total.Number("total"));
        }

        return new SavingsPlan
        {
            Id = s.RequiredText("id"),
            Title = s.RequiredText("title"),
            Years = years,
            PlacementYear = placementYear,
            ByObjective = objectives,
            StatedTotalsK = YearValues(nodes, s["stated_totals_k"], "'stated_totals_k'", years) ?? new Dictionary<Period, decimal>(),
            ByPlacementType = placements,
            StatedPlacementTotal = statedPlacement,
            Notes = s.Text("notes"),
        };
    }

    private static Dictionary<Period, decimal>? YearValues(YamlNodes nodes, YamlNode? node, string what, IReadOnlyList<Period> years)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            nodes.Error(node, $"{what} must map financial years to £k, e.g. {{ \"2016/17\": -1234 }}.");
            return null;
        }

        var values = new Dictionary<Period, decimal>();
        foreach (var (key, value) in mapping.Children)
        {
            if (nodes.FinancialYear(key, $"a year of {what}") is not { } year)
            {
                continue;
            }

            var label = year.ToFinancialYearLabel();
            if (!years.Contains(year))
            {
                nodes.Error(key, Text(key), $"'{Text(key)}' in {what} is not one of the plan's years ({string.Join(", ", years.Select(y => y.ToFinancialYearLabel()))}).");
                continue;
            }

            if (nodes.Number(value, $"{what} for {label}") is { } number && !values.TryAdd(year, number))
            {
                nodes.Error(key, Text(key), $"'{Text(key)}' appears twice in {what}.");
            }
        }

        return values;
    }

    private static string Text(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : "";

    private static BenefitsRegister ReadRegister(YamlNodes nodes, YamlMap r)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var benefits = new List<Benefit>();
        foreach (var b in r.Sequence("benefits").Select(n => nodes.Map(
            n, "a benefit", "id", "description", "financial", "timing", "how_measured", "baseline", "baseline_value", "target", "value_per_year",
            "confidence_percent", "measures", "realised")).OfType<YamlMap>())
        {
            var id = b.RequiredText("id");
            if (id.Length > 0 && !seen.Add(id))
            {
                nodes.Error(b["id"]!, $"Benefit id '{id}' appears twice.");
            }

            var confidence = b.Integer("confidence_percent");
            if (confidence is null && !b.Has("confidence_percent"))
            {
                b.Missing("confidence_percent");
            }
            else if (confidence is < 0 or > 100)
            {
                nodes.Error(b["confidence_percent"]!, $"'confidence_percent' {confidence} must be between 0 and 100.");
                confidence = null;
            }

            benefits.Add(new Benefit
            {
                Id = id,
                Description = b.RequiredText("description"),
                Financial = b.Boolean("financial") ?? false,
                Timing = b.Text("timing"),
                HowMeasured = b.Text("how_measured"),
                Baseline = b.Text("baseline"),
                BaselineValue = b.Number("baseline_value"),
                Target = b.Text("target"),
                ValuePerYear = b.Number("value_per_year"),
                ConfidencePercent = confidence ?? 0,
                Measures = b.TextList("measures"),
                Realised = [.. b.Sequence("realised").Select(n => nodes.Map(n, "a realised value", "date", "value", "note")).OfType<YamlMap>()
                    .Select(v => new RealisedValue(RequiredDate(v, "date"), RequiredNumber(v, "value"), v.Text("note")))],
            });
        }

        return new BenefitsRegister
        {
            Id = r.RequiredText("id"),
            Title = r.RequiredText("title"),
            Source = r.Text("source"),
            Notes = r.Text("notes"),
            Benefits = benefits,
        };
    }

    private static string Unique(YamlNodes nodes, YamlMap map, HashSet<string> seen, string what)
    {
        var number = map.RequiredText("number");
        if (number.Length > 0 && !seen.Add($"{what}:{number}"))
        {
            nodes.Error(map["number"]!, $"The {what} number '{number}' appears twice in the plan.");
        }

        return number;
    }

    private static DateOnly RequiredDate(YamlMap map, string key)
    {
        if (map.Date(key) is { } date)
        {
            return date;
        }

        if (!map.Has(key))
        {
            map.Missing(key);
        }

        return default;
    }

    private static decimal RequiredNumber(YamlMap map, string key)
    {
        if (map.Number(key) is { } number)
        {
            return number;
        }

        if (!map.Has(key))
        {
            map.Missing(key);
        }

        return 0m;
    }

    private static T Required<T>(YamlMap map, string key, T fallback)
    {
        if (!map.Has(key))
        {
            map.Missing(key);
        }

        return fallback;
    }

    /// <summary>Remembers where the last YAML event ended, to place an error the parser reports without a position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public int LastLine { get; private set; } = 1;
        public int LastColumn { get; private set; } = 1;

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastLine = (int)current.End.Line;
                LastColumn = (int)current.End.Column;
            }

            return moved;
        }
    }
}
