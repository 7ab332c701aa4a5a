using Lodestar.Formats.Spreadsheets;

namespace Lodestar.Formats.Generation;

/// <summary>
/// Writes one council's Ofsted Annex A lists for one reporting year as an XLSX workbook, as at 31 March of
/// the year, from the same simulated children as its 903 and CIN census (docs/generator.md, "Annex A"):
/// Lists 1–11. The facts the returns hold (referrals, plans, visits' periods, care leavers' contact, adoptions'
/// matches and adopters) are the returns'; the ones they do not hold (contacts not leading to a referral, early
/// help, the dates of the last visits, return interviews, adopters' enquiries and approvals) are drawn from a hash of the child and the date, so the same run writes
/// the same workbook.
/// </summary>
internal static class AnnexAWorkbookWriter
{
    public static void Write(SimCouncil council, int year, string path)
    {
        var start = new DateOnly(year - 1, 4, 1);
        var end = new DateOnly(year, 3, 31);
        var children = council.Children;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        XlsxWriter.Write(stream,
        [
            new XlsxSheet("List 1 - Contacts", ["Child Unique ID", "Date of Contact", "Contact Source"], Contacts(children, start, end)),
            new XlsxSheet("List 2 - Early help", ["Child Unique ID", "Assessment start date", "Assessment completion date"], EarlyHelp(children, start, end)),
            new XlsxSheet("List 3 - Referrals", ["Child Unique ID", "Date of Referral", "Referral Source", "Referral NFA?"],
                [.. children.SelectMany(c => c.Referrals.Where(r => In(r.Date, start, end)).Select(r => Row(c.Id, r.Date, r.Source, YesNo(r.NoFurtherAction))))]),
            new XlsxSheet("List 4 - Assessments", ["Child Unique ID", "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"],
                [.. children.SelectMany(c => c.Referrals.SelectMany(r => r.Assessments).Where(a => In(a.Start, start, end)).Select(a => Row(c.Id, a.Start, Upto(a.Authorised, end))))]),
            new XlsxSheet("List 5 - Section 47", ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference",
                "Did the Initial Child Protection Conference Result in a Child Protection Plan"], Section47s(children, start, end)),
            new XlsxSheet("List 6 - Children in need", ["Child Unique ID", "CIN Start Date", "Date Child Was Last Seen", "CIN Closure Date", "Case Status", "Allocated Worker"], CinCases(children, start, end)),
            new XlsxSheet("List 7 - Child protection", ["Child Unique ID", "Child Protection Plan Start Date", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                "Date of latest review conference", "Child Protection Plan End Date"], Plans(children, start, end)),
            new XlsxSheet("List 8 - Children looked after", ["Child Unique ID", "Date Started to be Looked After", "Date of Latest Statutory Review", "Date of Last Social Work Visit",
                "What is the permanence plan for this child?", "Date of Last Health Assessment", "Date of Last Dental Check", "Date Ceased to be Looked After",
                "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                "Was the child offered a Return Interview after their last missing episode (Y/N)?",
                "Did the child accept a Return Interview after their last missing episode (Y/N)?"], LookedAfter(children, start, end)),
            new XlsxSheet("List 9 - Care leavers", ["Child Unique ID", "LA in Touch"],
                [.. children.Where(c => c.Oc3.ContainsKey(year)).Select(c => Row(c.Id, InTouch(c.Oc3[year].InTouch)))]),
            new XlsxSheet("List 10 - Adoption", ["Child Unique ID", "Date the Child Entered Care", "Date of Decision that Child Should be Placed for Adoption",
                "Date of Matching Child and Prospective Adopters", "Date Placed for Adoption", "Date of Adoption Order"], Adoptions(children, start, end)),
            new XlsxSheet("List 11 - Adopters", ["Individual adopter identifier", "Date enquiry received", "Date application approved",
                "Date adopter matched with child(ren)", "Date of leaving adoption process"], Adopters(children, start, end)),
        ]);
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static bool In(DateOnly day, DateOnly start, DateOnly end) => day >= start && day <= end;

    private static DateOnly? Upto(DateOnly? day, DateOnly end) => day is { } d && d <= end ? d : null;

    private static string YesNo(bool yes) => yes ? "a) Yes" : "b) No";

    // A number from the child and a day, the same every run: the generator's facts the returns do not hold.
    private static int Hash(string id, DateOnly day, int salt)
    {
        var h = (uint)(day.DayNumber * 31 + salt);
        foreach (var c in id)
        {
            h = (h * 16777619) ^ c;
        }

        return (int)(h % 1000);
    }

    private static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

    // Every referral came from a contact the same day or up to 3 days before; about one contact in two led to no referral.
    private static List<IReadOnlyList<object?>> Contacts(IReadOnlyList<SimChild> children, DateOnly start, DateOnly end)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var child in children)
        {
            foreach (var referral in child.Referrals)
            {
                var contact = referral.Date.AddDays(-(Hash(child.Id, referral.Date, 1) % 4));
                if (In(contact, start, end))
                {
                    rows.Add(Row(child.Id, contact, referral.Source));
                }

                var earlier = referral.Date.AddDays(-60 - (Hash(child.Id, referral.Date, 2) % 200));
                if (In(earlier, start, end))
                {
                    rows.Add(Row(child.Id, earlier, referral.Source));
                }
            }
        }

        return rows;
    }

    private static List<IReadOnlyList<object?>> Section47s(IReadOnlyList<SimChild> children, DateOnly start, DateOnly end) =>
        [.. children.SelectMany(c => c.Referrals.SelectMany(r => r.Section47s.Where(s => In(s.Start, start, end)).Select(s =>
        {
            var icpc = Upto(s.Conference, end);
            var toPlan = icpc is { } day ? YesNo(r.Plans.Exists(p => p.Start >= day && p.Start <= day.AddDays(1))) : null;
            return Row(c.Id, s.Start, icpc, toPlan);
        })))];

    private static List<IReadOnlyList<object?>> CinCases(IReadOnlyList<SimChild> children, DateOnly start, DateOnly end)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var child in children)
        {
            foreach (var r in child.Referrals.Where(r => r.Date <= end && (r.Closure is null || r.Closure >= start)))
            {
                var closure = Upto(r.Closure, end);
                var asAt = closure ?? end;
                var seen = Latest(r.Date, asAt.AddDays(-(Hash(child.Id, r.Date, 3) % 45)));
                var status = r.Plans.Exists(p => p.Start <= asAt && (p.End is null || p.End > asAt)) ? "b) Child Protection plan"
                    : r.CinPlans.Exists(p => p.Start <= asAt && (p.End is null || p.End > asAt)) ? "c) Child in need plan"
                    : closure is null ? "d) Open assessment" : "e) Closed episode";
                rows.Add(Row(child.Id, r.Date, seen, closure, status, $"SW{1 + (Hash(child.Id, r.Date, 4) % 30):D2}"));
            }
        }

        return rows;
    }

    private static List<IReadOnlyList<object?>> Plans(IReadOnlyList<SimChild> children, DateOnly start, DateOnly end)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var child in children)
        {
            foreach (var plan in child.Referrals.SelectMany(r => r.Plans).Where(p => p.Start <= end && (p.End is null || p.End >= start)))
            {
                var planEnd = Upto(plan.End, end);
                var asAt = planEnd ?? end;
                // Most children were seen within the 10 working days; about one in six was not.
                var visit = Latest(plan.Start, asAt.AddDays(-(Hash(child.Id, plan.Start, 5) % 17)));
                var review = plan.Reviews.Where(d => d <= end).Select(d => (DateOnly?)d).LastOrDefault();
                rows.Add(Row(child.Id, plan.Start, visit, Hash(child.Id, plan.Start, 6) % 8 == 0 ? "b) No" : "a) Yes", review, planEnd));
            }
        }

        return rows;
    }

    private static List<IReadOnlyList<object?>> LookedAfter(IReadOnlyList<SimChild> children, DateOnly start, DateOnly end)
    {
        string[] plans = ["Adoption", "Long-term fostering", "Return to birth family", "Special guardianship", "Supported living", ""];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var child in children)
        {
            var episodes = child.Episodes.Where(e => !e.IsShortBreak).OrderBy(e => e.Start).ToList();
            // Each period of care: episodes running on from one another until one ends without X1.
            for (var i = 0; i < episodes.Count; i++)
            {
                var first = i;
                while (i + 1 < episodes.Count && episodes[i].End == episodes[i + 1].Start && episodes[i].ReasonEnded == "X1")
                {
                    i++;
                }

                var careStart = episodes[first].Start;
                var careEnd = episodes[i].End;
                if (careStart > end || (careEnd is { } ended && ended < start))
                {
                    continue;
                }

                var ceased = Upto(careEnd, end);
                var asAt = ceased ?? end;
                var review = child.Reviews.Where(r => r.Date >= careStart && r.Date <= asAt).Select(r => (DateOnly?)r.Date).LastOrDefault();
                var visit = Latest(careStart, asAt.AddDays(-(Hash(child.Id, careStart, 7) % 50)));
                var health = Latest(careStart, asAt.AddDays(-(Hash(child.Id, careStart, 8) % 420)));
                var dental = Latest(careStart, asAt.AddDays(-(Hash(child.Id, careStart, 9) % 400)));
                var missing = child.Missing.Count(m => m.Kind == "M" && m.Start > end.AddYears(-1) && m.Start <= end);
                var offered = missing == 0 ? null : Hash(child.Id, careStart, 10) % 5 == 0 ? "N" : "Y";
                var accepted = offered == "Y" ? (Hash(child.Id, careStart, 11) % 3 == 0 ? "N" : "Y") : null;
                rows.Add(Row(child.Id, careStart, review, visit, plans[Hash(child.Id, careStart, 12) % plans.Length], health, dental, ceased, missing, offered, accepted));
            }
        }

        return rows;
    }

    private static string InTouch(string oc3) => oc3 switch
    {
        "YES" => "a) Yes",
        "NO" => "b) No",
        "DIED" => "c) Died",
        "REFU" => "d) Refu",
        "NREQ" => "e) NREQ",
        "RHOM" => "f) Rhom",
        _ => oc3,
    };

    private static List<IReadOnlyList<object?>> Adoptions(IReadOnlyList<SimChild> children, DateOnly start, DateOnly end) =>
        [.. children.Where(c => c.Adoption is { } a && a.DecisionDate <= end && (a.AdoptedDate is null || a.AdoptedDate >= start))
            .Select(c => Row(c.Id, c.CareStart, c.Adoption!.DecisionDate, Upto(c.Adoption.MatchDate, end), Upto(c.Adoption.PlacedDate, end), Upto(c.Adoption.AdoptedDate, end)))];

    // Early help, which the returns do not model, tied to the referrals they do: a referral closed after
    // assessment and referred to early help (RC9) starts an early help assessment 1 to 14 days after closure;
    // about one referral in four followed an early help assessment that began 30 to 119 days before it (a step
    // up). An assessment is completed 10 to 59 days after it starts, or not yet on the list's day.
    private static List<IReadOnlyList<object?>> EarlyHelp(IReadOnlyList<SimChild> children, DateOnly start, DateOnly end)
    {
        var rows = new List<IReadOnlyList<object?>>();
        void Add(SimChild child, DateOnly begun, int salt)
        {
            var completed = begun.AddDays(10 + (Hash(child.Id, begun, salt) % 50));
            if (begun <= end && (completed >= start))
            {
                rows.Add(Row(child.Id, begun, Upto(completed, end)));
            }
        }

        foreach (var child in children)
        {
            foreach (var referral in child.Referrals)
            {
                if (referral.ClosureReason == "RC9" && referral.Closure is { } closed)
                {
                    Add(child, closed.AddDays(1 + (Hash(child.Id, closed, 13) % 14)), 14);
                }

                if (Hash(child.Id, referral.Date, 15) % 4 == 0)
                {
                    Add(child, referral.Date.AddDays(-30 - (Hash(child.Id, referral.Date, 16) % 90)), 17);
                }
            }
        }

        return rows;
    }

    // Adopters, tied to the 903's adoptions: each child matched has its adopters (one or two, as AD1 says), who
    // enquired 180 to 479 days and were approved 30 to 209 days before the match. Beside about one household in
    // three, another was approved the same way and is still waiting, or left the process 1 to 364 days after
    // approval (one in four of them). An adopter is on a year's list while in the process at some time in it.
    private static List<IReadOnlyList<object?>> Adopters(IReadOnlyList<SimChild> children, DateOnly start, DateOnly end)
    {
        var rows = new List<IReadOnlyList<object?>>();
        void Add(string id, DateOnly enquiry, DateOnly approved, DateOnly? matched, DateOnly? left)
        {
            var over = matched ?? left;
            if (enquiry <= end && (over is null || over >= start))
            {
                rows.Add(Row(id, enquiry, Upto(approved, end), Upto(matched, end), Upto(left, end)));
            }
        }

        foreach (var child in children.Where(c => c.Adoption is not null))
        {
            var match = child.Adoption!.MatchDate;
            var approved = match.AddDays(-30 - (Hash(child.Id, match, 18) % 180));
            var enquiry = match.AddDays(-180 - (Hash(child.Id, match, 19) % 300));
            for (var i = 1; i <= child.Adoption.Adopters; i++)
            {
                Add($"AD{child.Id}-{i}", enquiry, approved, match, null);
            }

            if (Hash(child.Id, match, 20) % 3 == 0)
            {
                var left = Hash(child.Id, match, 21) % 4 == 0 ? approved.AddDays(1 + (Hash(child.Id, match, 22) % 364)) : (DateOnly?)null;
                Add($"AW{child.Id}-1", enquiry, approved, null, left);
            }
        }

        return rows;
    }
}
