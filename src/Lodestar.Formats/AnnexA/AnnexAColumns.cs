namespace Lodestar.Formats.AnnexA;

/// <summary>
/// The Ofsted ILACS Annex A lists and the columns Lodestar reads from each, named as the Ofsted template
/// names them. A header cell matches a column when the two are equal once case, spaces and punctuation
/// are dropped, or when it is one of the column's other spellings (councils' copies of the template
/// vary: "Age" for "Age of Child (Years)", "Eligibity Category"). Columns not listed here are ignored.
/// </summary>
internal static class AnnexAColumns
{
    /// <summary>A column: the key Lodestar reads it by, the template's name, whether the list cannot be read without it, and other spellings.</summary>
    public sealed record Column(string Key, string Name, bool Required, params string[] Other);

    public const string ChildId = "child";

    /// <summary>The lists by number (1–11): their title and columns.</summary>
    public static readonly IReadOnlyDictionary<int, (string Title, Column[] Columns)> Lists = new Dictionary<int, (string, Column[])>
    {
        [1] = ("Contacts", [Child(), new("date", "Date of Contact", true)]),
        [2] = ("Early help assessments", [Child(), new("start", "Assessment start date", true), new("completed", "Assessment completion date", false)]),
        [3] = ("Referrals", [Child(), new("date", "Date of referral", true, "Referral date"), new("nfa", "Referral NFA?", false, "Referral NFA")]),
        [4] = ("Assessments", [Child(), new("start", "Continuous Assessment Start Date", true, "Assessment start date"),
            new("authorised", "Continuous Assessment Date of Authorisation", false, "Assessment authorisation date")]),
        [5] = ("Section 47 enquiries and ICPCs", [Child(), new("start", "Strategy discussion initiating Section 47 Enquiry Start Date", true, "Section 47 enquiry start date"),
            new("icpc", "Date of Initial Child Protection Conference", false),
            new("toplan", "Did the Initial Child Protection Conference Result in a Child Protection Plan", false)]),
        [6] = ("Children in need", [Child(), new("start", "CIN Start Date", false), new("seen", "Date Child Was Last Seen", true),
            new("closed", "CIN Closure Date", false), new("worker", "Allocated Worker", false)]),
        [7] = ("Child protection", [Child(), new("start", "Child Protection Plan Start Date", true), new("visit", "Date of the Last Statutory Visit", true),
            new("alone", "Was the Child Seen Alone?", false), new("review", "Date of latest review conference", false),
            new("end", "Child Protection Plan End Date", false)]),
        [8] = ("Children looked after", [Child(), new("start", "Date Started to be Looked After", true), new("review", "Date of Latest Statutory Review", false),
            new("visit", "Date of Last Social Work Visit", false), new("permanence", "What is the permanence plan for this child?", false, "Permanence plan"),
            new("health", "Date of Last Health Assessment", false), new("dental", "Date of Last Dental Check", false),
            new("ceased", "Date Ceased to be Looked After", false),
            new("missing", "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", false),
            new("offered", "Was the child offered a Return Interview after their last missing episode (Y/N)?", false),
            new("accepted", "Did the child accept a Return Interview after their last missing episode (Y/N)?", false)]),
        [9] = ("Care leavers", [Child(), new("intouch", "LA in Touch", true)]),
        [10] = ("Adoption", [Child(), new("entered", "Date the Child Entered Care", true),
            new("decision", "Date of Decision that Child Should be Placed for Adoption", true),
            new("matched", "Date of Matching Child and Prospective Adopters", false), new("placed", "Date Placed for Adoption", false),
            new("order", "Date of Adoption Order", false)]),
        [11] = ("Adopters", [new(ChildId, "Individual adopter identifier", true), new("enquiry", "Date enquiry received", true),
            new("approved", "Date application approved", false), new("matched", "Date adopter matched with child(ren)", false),
            new("left", "Date of leaving adoption process", false)]),
    };

    private static Column Child() => new(ChildId, "Child Unique ID", true, "Child ID", "Child Unique Identifier");

    /// <summary>A header cell or a column name with case, spaces and punctuation dropped.</summary>
    public static string Normalise(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 256)];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>The column of list <paramref name="list"/> that header cell <paramref name="header"/> names, or null.</summary>
    public static Column? Match(int list, string header)
    {
        var key = Normalise(header);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var column in Lists[list].Columns)
        {
            if (Normalise(column.Name) == key || column.Other.Any(o => Normalise(o) == key))
            {
                return column;
            }
        }

        return null;
    }
}
