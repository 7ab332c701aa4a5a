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
}
