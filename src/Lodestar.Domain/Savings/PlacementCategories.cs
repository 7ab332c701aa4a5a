namespace Lodestar.Domain.Savings;

/// <summary>Placement categories in words, for pages (files, exports and the API keep the codes).</summary>
public static class PlacementCategories
{
    /// <summary>"In-house fostering", "Independent fostering agency", …: the one name a page shows for a category.</summary>
    public static string DisplayName(this PlacementCategory category) => category switch
    {
        PlacementCategory.InHouseFostering => "In-house fostering",
        PlacementCategory.Ifa => "Independent fostering agency",
        PlacementCategory.Kinship => "Kinship care",
        PlacementCategory.Residential => "Residential",
        PlacementCategory.ResidentialSchool => "Residential school",
        PlacementCategory.SupportedAccommodation => "Supported accommodation",
        PlacementCategory.Adoption => "Placed for adoption",
        PlacementCategory.WithParents => "Placed with parents",
        PlacementCategory.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a placement category."),
    };
}
