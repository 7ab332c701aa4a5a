namespace Lodestar.Data.Security;

/// <summary>
/// What a person may do. Roles add up: a user holds any set of them. Child-level data (the records
/// behind a figure) is shown only to <see cref="ChildLevel"/>; everyone signed in sees aggregates.
/// </summary>
public static class Roles
{
    /// <summary>Sees dashboards, scorecards and reports: aggregates only.</summary>
    public const string Viewer = "viewer";

    /// <summary>Sees child-level records: drill-through from a figure to the children counted.</summary>
    public const string ChildLevel = "child-level";

    /// <summary>Imports returns and values; edits frameworks, targets, plans and progress.</summary>
    public const string Editor = "editor";

    /// <summary>Overrides action RAG with a reason; signs off targets.</summary>
    public const string Manager = "manager";

    /// <summary>Manages users and reads the audit log.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, ChildLevel, Editor, Manager, Admin];

    /// <summary>Parses a comma-separated list of role names; throws naming the first unknown one.</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        var roles = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant())
            .Distinct()
            .ToList();
        var unknown = roles.FirstOrDefault(r => !All.Contains(r));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown role '{unknown}': use {string.Join(", ", All)}.", nameof(text));
        }

        return roles.Count == 0 ? throw new ArgumentException("At least one role is needed.", nameof(text)) : roles;
    }
}
