using System.Xml;

namespace Lodestar.Bench.National;

/// <summary>
/// What an analyst does before DuckDB can read the CIN census: flattens every council's CIN XML into two CSVs,
/// referrals (council, year, child, referral_date) and CP plans (council, year, child, referral_date, cpp_start,
/// cpp_end, previous_cpp), the year from the census Header and the council from the folder, as Lodestar takes them.
/// </summary>
internal static class Flatten
{
    public static void Run(string data, string into)
    {
        Directory.CreateDirectory(into);
        using var referrals = new StreamWriter(Path.Combine(into, "cin_referrals.csv"));
        using var plans = new StreamWriter(Path.Combine(into, "cin_cpp.csv"));
        using var files = new StreamWriter(Path.Combine(into, "cin_files.csv"));
        files.WriteLine("council,year");
        referrals.WriteLine("council,year,child,referral_date");
        plans.WriteLine("council,year,child,referral_date,cpp_start,cpp_end,previous_cpp");
        foreach (var file in Directory.EnumerateFiles(data, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var council = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!;
            files.WriteLine($"{council},{File(file, council, referrals, plans)}");
        }
    }

    // Returns the census year (its Header's), which says which years the council's CIN data covers.
    private static string File(string path, string council, StreamWriter referrals, StreamWriter plans)
    {
        using var xml = XmlReader.Create(path, new XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true });
        var year = string.Empty;
        string? child = null;
        var referral = string.Empty;
        var (start, end, previous) = (string.Empty, string.Empty, string.Empty);
        var pendingReferrals = new List<string>();
        var pendingPlans = new List<string>();
        xml.Read();
        while (!xml.EOF)
        {
            // A leaf read moves past its end tag onto the next node: read on from there, not one further.
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "Year" or "LAchildID" or "CINreferralDate" or "CPPstartDate" or "CPPendDate" or "NumberOfPreviousCPP")
            {
                var name = xml.LocalName;
                var depth = xml.Depth;
                var text = xml.ReadElementContentAsString().Trim();
                switch (name)
                {
                    case "Year" when depth == 3: year = text; break;
                    case "LAchildID": child = text; break;
                    case "CINreferralDate": referral = text; pendingReferrals.Add(text); break;
                    case "CPPstartDate": start = text; break;
                    case "CPPendDate": end = text; break;
                    case "NumberOfPreviousCPP": previous = text; break;
                }

                continue;
            }

            if (xml.NodeType == XmlNodeType.EndElement)
            {
                switch (xml.LocalName)
                {
                    case "ChildProtectionPlans":
                        pendingPlans.Add($"{referral},{start},{end},{previous}");
                        break;
                    case "Child":
                        // A child without an LAchildID cannot be placed: Lodestar leaves its records out (CIN 8500).
                        if (!string.IsNullOrWhiteSpace(child))
                        {
                            foreach (var r in pendingReferrals)
                            {
                                referrals.WriteLine($"{council},{year},{child},{r}");
                            }

                            foreach (var p in pendingPlans)
                            {
                                plans.WriteLine($"{council},{year},{child},{p}");
                            }
                        }

                        break;
                }

                xml.Read();
                continue;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }

            switch (xml.LocalName)
            {
                case "Child":
                    (child, referral) = (null, string.Empty);
                    pendingReferrals.Clear();
                    pendingPlans.Clear();
                    break;
                case "CINdetails":
                    referral = string.Empty;
                    break;
                case "ChildProtectionPlans":
                    (start, end, previous) = (string.Empty, string.Empty, string.Empty);
                    break;
            }

            xml.Read();
        }

        return year;
    }
}
