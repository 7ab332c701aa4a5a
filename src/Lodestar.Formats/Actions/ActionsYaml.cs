using Lodestar.Domain.Actions;
using Lodestar.Domain.Benefits;
using Lodestar.Domain.Savings;

namespace Lodestar.Formats.Actions;

/// <summary>The snake_case words the action-plan YAML uses for the domain's enumerations (docs/actions.md).</summary>
internal static class ActionsYaml
{
    public static readonly IReadOnlyDictionary<string, ActionRag> Rags = new Dictionary<string, ActionRag>(StringComparer.Ordinal)
    {
        ["blue"] = ActionRag.Blue,
        ["green"] = ActionRag.Green,
        ["amber"] = ActionRag.Amber,
        ["red"] = ActionRag.Red,
    };

    public static readonly IReadOnlyDictionary<string, ActionPriority> Priorities = new Dictionary<string, ActionPriority>(StringComparer.Ordinal)
    {
        ["urgent"] = ActionPriority.Urgent,
        ["high"] = ActionPriority.High,
        ["medium"] = ActionPriority.Medium,
    };

    public static readonly IReadOnlyDictionary<string, ImpactObjective> Objectives = new Dictionary<string, ImpactObjective>(StringComparer.Ordinal)
    {
        ["cost"] = ImpactObjective.Cost,
        ["number"] = ImpactObjective.Number,
        ["time"] = ImpactObjective.Time,
    };

    public static readonly IReadOnlyDictionary<string, PlacementCategory> PlacementCategories = new Dictionary<string, PlacementCategory>(StringComparer.Ordinal)
    {
        ["in_house_fostering"] = PlacementCategory.InHouseFostering,
        ["ifa"] = PlacementCategory.Ifa,
        ["kinship"] = PlacementCategory.Kinship,
        ["residential"] = PlacementCategory.Residential,
        ["residential_school"] = PlacementCategory.ResidentialSchool,
        ["supported_accommodation"] = PlacementCategory.SupportedAccommodation,
        ["adoption"] = PlacementCategory.Adoption,
        ["with_parents"] = PlacementCategory.WithParents,
        ["other"] = PlacementCategory.Other,
    };

    public static string Word(ActionRag rag) => rag.ToString().ToLowerInvariant();

    public static string Word(ActionPriority priority) => priority.ToString().ToLowerInvariant();

    public static string Word(ImpactObjective objective) => objective.ToString().ToLowerInvariant();

    public static string Word(PlacementCategory category) => PlacementCategories.First(p => p.Value == category).Key;
}

/// <summary>What one YAML file held: an action plan, a savings plan (alone or beside the plan), or a benefits register.</summary>
public sealed record ActionsDocument(ActionPlan? Plan, SavingsPlan? Savings, BenefitsRegister? Benefits)
{
    public static readonly ActionsDocument Empty = new(null, null, null);
}
