using System.Globalization;
using Lodestar.Formats.Text;

namespace Lodestar.Formats.Generation;

/// <summary>
/// One deliberate mistake written into a generated return (<see cref="GenerationOptions.Faults"/>), recorded in the council's
/// truth.json so that a test or a person can check that <c>lodestar validate</c> finds it.
/// </summary>
/// <param name="Rule">The validation rule it trips (docs/validation.md).</param>
/// <param name="Return">"903" or "CIN".</param>
/// <param name="File">The file, relative to the council's folder, with forward slashes: <c>903/header_2025.csv</c>, <c>cin/cin_2025.xml</c>.</param>
/// <param name="Line">
/// The 1-based line the validator reports it at: a CSV table's row; in the census, the line that opens the record the value belongs
/// to (a child's <c>ChildIdentifiers</c>, a <c>CINdetails</c>, an <c>Assessments</c> or a <c>ChildProtectionPlans</c>).
/// </param>
/// <param name="Column">The column (CSV header) or element changed.</param>
/// <param name="Value">The value as now written (blank for a value removed).</param>
/// <param name="Original">The value the generator wrote before it was changed (for 8750 the same as <paramref name="Value"/>: there the birth date's element is renamed).</param>
/// <param name="ValueLine">The 1-based line the change is on (the row itself in a CSV table).</param>
/// <param name="Child">The child's id (CHILD, LAchildID).</param>
/// <param name="Description">What was changed, in words.</param>
public sealed record GeneratedFault(
    string Rule, string Return, string File, int Line, string Column, string Value, string Original, int ValueLine, string Child, string Description);

/// <summary>
/// Writes a fixed catalogue of deliberate mistakes into one council's returns of one year, after the generator wrote them
/// (docs/generator.md, "Deliberate faults"): each kind changes one value (or, for 8750, one element's name) in one row or record,
/// each in a different child, so that each trips one DfE (or Lodestar) rule. No random draw: the child that gets a kind is picked
/// by its place among the rows that can take it, so the same files give the same faults. The line count of every file is kept,
/// so each fault's line is where the validator reports it.
/// </summary>
internal static class DeliberateFaults
{
    /// <summary>The catalogue: rule, return, what is changed. In this order; docs/generator.md lists the same.</summary>
    public static readonly IReadOnlyList<(string Rule, string Return, string Description)> Kinds =
    [
        ("101", "903", "Header SEX set to X, not a code"),
        ("103", "903", "Header ETHNIC set to ZZZZ, not a code"),
        ("146", "903", "Episodes PLACE set to Q9, not a placement type"),
        ("144", "903", "Episodes LS set to X9, not a legal status"),
        ("356", "903", "Episodes DEC set to the day before the episode's DECOM"),
        ("501", "903", "Episodes DECOM of a child's second episode set to the day before the first one's DEC (the episodes overlap)"),
        ("167", "903", "Reviews REVIEW_CODE set to PN9, not a participation code"),
        ("564", "903", "Missing MIS_START left blank"),
        ("132", "903", "OC3 ACTIV set to Q9, not an activity code"),
        ("1510", "CIN", "UPN's check letter (its first character) replaced by another letter"),
        ("1520", "CIN", "UPN set to another child's UPN"),
        ("4220", "CIN", "Ethnicity set to ZZZZ, not a code"),
        ("8750", "CIN", "PersonBirthDate written as ExpectedPersonBirthDate (an unborn child) while Sex (GenderCurrent) stays M or F (1 or 2)"),
        ("8866", "CIN", "ReferralSource set to 99, not a code"),
        ("8620", "CIN", "CINclosureDate set to 1 April after the census year"),
        ("8832", "CIN", "ReferralNFA set to true on a referral with a child protection plan"),
        ("LS-CIN-FACTORS-CODE", "CIN", "An AssessmentFactors code set to 99Z, not a factor"),
        ("8905", "CIN", "InitialCategoryOfAbuse set to XXX, not a category"),
    ];

    /// <summary>
    /// Changes the council's <paramref name="year"/> files in <paramref name="councilFolder"/> (its censuses from <paramref name="firstYear"/>
    /// on are read too, see 1520); returns each fault written, in catalogue order.
    /// </summary>
    public static IReadOnlyList<GeneratedFault> Write(string councilFolder, int firstYear, int year)
    {
        var faults = new List<GeneratedFault>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var tables = new Dictionary<string, CsvTable>(StringComparer.Ordinal);
        CsvTable Table(string name) => tables.TryGetValue(name, out var t) ? t : tables[name] = CsvTable.Read(councilFolder, $"903/{name}_{year}.csv");
        var census = CensusLines.Read(councilFolder, $"cin/cin_{year}.xml");

        for (var kind = 0; kind < Kinds.Count; kind++)
        {
            var (rule, _, description) = Kinds[kind];
            var fault = rule switch
            {
                "101" => SetCode(Table("header"), "SEX", "X"),
                "103" => SetCode(Table("header"), "ETHNIC", "ZZZZ"),
                "146" => SetCode(Table("episodes"), "PLACE", "Q9"),
                "144" => SetCode(Table("episodes"), "LS", "X9"),
                "356" => DecBeforeDecom(Table("episodes")),
                "501" => Overlap(Table("episodes")),
                "167" => SetCode(Table("reviews"), "REVIEW_CODE", "PN9"),
                "564" => SetCode(Table("missing"), "MIS_START", string.Empty),
                "132" => SetCode(Table("oc3"), "ACTIV", "Q9"),
                "1510" => WrongCheckLetter(census),
                "1520" => SharedUpn(census),
                "4220" => census.Set(Pick(census.Elements("Ethnicity"), used, kind), "ZZZZ"),
                "8750" => Unborn(census),
                "8866" => census.Set(Pick(census.Elements("ReferralSource"), used, kind), "99"),
                "8620" => census.Set(Pick(census.Elements("CINclosureDate"), used, kind), $"{year}-04-01"),
                "8832" => NoFurtherActionWithPlan(census),
                "LS-CIN-FACTORS-CODE" => census.Set(Pick(census.Elements("AssessmentFactors"), used, kind), "99Z"),
                "8905" => census.Set(Pick(census.Elements("InitialCategoryOfAbuse"), used, kind), "XXX"),
                _ => throw new InvalidOperationException($"No fault for rule {rule}."),
            };

            if (fault is not null)
            {
                faults.Add(fault with { Rule = rule, Description = description });
            }

            // The kinds, each a function of the kind's number, the files and the children used so far.
            GeneratedFault? SetCode(CsvTable table, string column, string value)
            {
                var c = table.Column(column);
                var rows = Enumerable.Range(0, table.Rows.Count).Where(i => table.Rows[i][c].Length > 0).Select(i => (Child: table.Rows[i][0], Row: i)).ToList();
                return Pick(rows, used, kind) is { } row ? table.Set(row.Row, column, value) : null;
            }

            GeneratedFault? DecBeforeDecom(CsvTable table)
            {
                int decom = table.Column("DECOM"), dec = table.Column("DEC");
                var rows = Enumerable.Range(0, table.Rows.Count).Where(i => table.Rows[i][dec].Length > 0).Select(i => (Child: table.Rows[i][0], Row: i)).ToList();
                return Pick(rows, used, kind) is { } row ? table.Set(row.Row, "DEC", Ssda903CsvWriter.Date(Date903(table.Rows[row.Row][decom]).AddDays(-1))) : null;
            }

            // A child's episode that follows one lasting two days or more and starts on its DEC: it now starts the day before.
            GeneratedFault? Overlap(CsvTable table)
            {
                int decom = table.Column("DECOM"), dec = table.Column("DEC");
                var rows = Enumerable.Range(1, Math.Max(0, table.Rows.Count - 1))
                    .Where(i =>
                    {
                        string[] previous = table.Rows[i - 1], next = table.Rows[i];
                        return previous[0] == next[0] && previous[dec].Length > 0 && previous[dec] == next[decom]
                            && Date903(previous[dec]).DayNumber - Date903(previous[decom]).DayNumber >= 2;
                    })
                    .Select(i => (Child: table.Rows[i][0], Row: i)).ToList();
                return Pick(rows, used, kind) is { } row
                    ? table.Set(row.Row, "DECOM", Ssda903CsvWriter.Date(Date903(table.Rows[row.Row - 1][dec]).AddDays(-1)))
                    : null;
            }

            // The UPN's first character is the check letter its others give; any other letter of the check alphabet is wrong.
            GeneratedFault? WrongCheckLetter(CensusLines xml)
            {
                if (Pick(xml.Elements("UPN"), used, kind) is not { } upn)
                {
                    return null;
                }

                const string Letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
                var value = xml.Value(upn.Row);
                var next = Letters[(Letters.IndexOf(value[0], StringComparison.Ordinal) + 1) % Letters.Length];
                return xml.Set(upn, next + value[1..]);
            }

            // A second child is given the UPN of the child before it in the file (both children are then used). 1520 reports the
            // child the reader met later, over all the censuses read: both are children new to this year's census, so that it is
            // this one whichever order the years are read in.
            GeneratedFault? SharedUpn(CensusLines xml)
            {
                var earlier = new HashSet<string>(StringComparer.Ordinal);
                for (var before = firstYear; before < year; before++)
                {
                    earlier.UnionWith(CensusLines.Read(councilFolder, $"cin/cin_{before}.xml").Elements("LAchildID").Select(e => e.Child));
                }

                var upns = xml.Elements("UPN").Where(u => !used.Contains(u.Child) && !earlier.Contains(u.Child)).ToList();
                var picked = Pick(upns.Skip(1).ToList(), used, kind);
                if (picked is not { } second)
                {
                    return null;
                }

                var first = upns[upns.IndexOf(second) - 1];
                used.Add(first.Child);
                return xml.Set(second, xml.Value(first.Row));
            }

            GeneratedFault? Unborn(CensusLines xml)
            {
                var died = xml.Elements("PersonDeathDate").Select(d => d.Child).ToHashSet(StringComparer.Ordinal);
                var births = xml.Elements("PersonBirthDate").Where(b => !died.Contains(b.Child)).ToList();
                if (Pick(births, used, kind) is not { } birth)
                {
                    return null;
                }

                var sex = xml.Elements("Sex").Concat(xml.Elements("GenderCurrent")).Single(s => s.Child == birth.Child);
                // The value the rule finds wrong, Sex, is left as it was: what changes is the name of the line with the birth date.
                xml.Rename(birth.Row, "ExpectedPersonBirthDate");
                return new GeneratedFault(
                    "", "CIN", xml.File, xml.RecordLine(sex.Row), xml.Name(sex.Row), xml.Value(sex.Row), xml.Value(sex.Row), birth.Row + 1, birth.Child, "");
            }

            // A referral that went on to a child protection plan, now said to have led to no further action.
            GeneratedFault? NoFurtherActionWithPlan(CensusLines xml)
            {
                var referrals = xml.Elements("ReferralNFA").Where(n => xml.Value(n.Row) is "false" or "0" && xml.HasPlan(n.Row)).ToList();
                return Pick(referrals, used, kind) is { } nfa ? xml.Set(nfa, xml.Value(nfa.Row) == "0" ? "1" : "true") : null;
            }
        }

        foreach (var table in tables.Values)
        {
            table.Save();
        }

        census.Save();
        return faults;
    }

    /// <summary>
    /// The candidate for the kind numbered <paramref name="kind"/>, from those of children not used yet: the kinds are spread through
    /// the file (the first kind near its start, the last near its end), so that they fall on different children. The child is marked used.
    /// </summary>
    private static (string Child, int Row)? Pick(IReadOnlyList<(string Child, int Row)> candidates, HashSet<string> used, int kind)
    {
        var free = candidates.Where(c => !used.Contains(c.Child)).ToList();
        if (free.Count == 0)
        {
            return null;
        }

        var picked = free[(int)((long)free.Count * ((2 * kind) + 1) / (2 * Kinds.Count))];
        used.Add(picked.Child);
        return picked;
    }

    private static DateOnly Date903(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A generated 903 table as rows of cells, read with the one CSV tokenizer (<see cref="CsvCursor"/>) and written back as it
    /// was read: the generator writes no blank line and no value with a comma or quote, so row r is the file's line r + 2.
    /// </summary>
    private sealed class CsvTable
    {
        private readonly string _path;

        private CsvTable(string path, string file, string[] header, List<string[]> rows)
        {
            _path = path;
            File = file;
            Header = header;
            Rows = rows;
        }

        public string File { get; }

        public string[] Header { get; }

        public List<string[]> Rows { get; }

        public static CsvTable Read(string councilFolder, string file)
        {
            var path = Path.Combine(councilFolder, file);
            using var cursor = new CsvCursor(System.IO.File.ReadAllText(path, Ssda903CsvWriter.Utf8));
            var rows = new List<string[]>();
            while (cursor.Next())
            {
                rows.Add(cursor.Cells());
            }

            return new CsvTable(path, file, rows[0], rows[1..]);
        }

        public int Column(string name) => Array.IndexOf(Header, name) is var i and >= 0 ? i : throw new InvalidOperationException($"{File} has no column {name}.");

        /// <summary>Sets a value; row 0 is the file's line 2.</summary>
        public GeneratedFault Set(int row, string column, string value)
        {
            var cells = Rows[row];
            var c = Column(column);
            var original = cells[c];
            cells[c] = value;
            return new GeneratedFault("", "903", File, row + 2, column, value, original, row + 2, cells[0], "");
        }

        public void Save() =>
            System.IO.File.WriteAllText(_path, string.Join('\n', Rows.Select(r => string.Join(',', r)).Prepend(string.Join(',', Header))) + "\n", Ssda903CsvWriter.Utf8);
    }

    /// <summary>
    /// A generated census as its lines: the generator writes one element a line (<c>&lt;Name&gt;value&lt;/Name&gt;</c> for a
    /// value), so a value is changed in place and every line keeps its number.
    /// </summary>
    private sealed class CensusLines
    {
        // The elements whose opening line the reader places a record at: a child (its ChildIdentifiers, which ChildCharacteristics
        // belong to), a referral, and its modules.
        private static readonly HashSet<string> Records = new(StringComparer.Ordinal)
        {
            "ChildIdentifiers", "CINdetails", "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans",
        };

        private readonly string _path;
        private readonly string[] _lines;
        private readonly int[] _record;
        private readonly string[] _child;
        private readonly int[] _referral;

        private CensusLines(string path, string file, string[] lines)
        {
            _path = path;
            File = file;
            _lines = lines;
            _record = new int[lines.Length];
            _child = new string[lines.Length];
            _referral = new int[lines.Length];
            int identifiers = -1, record = -1, referral = -1;
            var child = string.Empty;
            for (var i = 0; i < lines.Length; i++)
            {
                var name = Name(i);
                var closing = lines[i].TrimStart().StartsWith("</", StringComparison.Ordinal);
                if (closing)
                {
                    if (name is "Assessments" or "CINPlanDates" or "Section47" or "ChildProtectionPlans")
                    {
                        record = referral;
                    }
                    else if (name == "Child")
                    {
                        _child[i] = child;
                        _record[i] = record;
                        _referral[i] = referral;
                        child = string.Empty;
                        continue;
                    }
                }
                else if (name == "Child")
                {
                    // The child's id comes a few lines on, in its ChildIdentifiers.
                    child = string.Empty;
                    referral = -1;
                    for (var j = i + 1; j < lines.Length && child.Length == 0 && Name(j) != "Child"; j++)
                    {
                        child = Name(j) == "LAchildID" ? Value(j) : string.Empty;
                    }
                }
                else if (name == "ChildIdentifiers")
                {
                    identifiers = record = i;
                }
                else if (name == "ChildCharacteristics")
                {
                    record = identifiers;
                }
                else if (Records.Contains(name))
                {
                    record = i;
                    if (name == "CINdetails")
                    {
                        referral = i;
                    }
                }

                _child[i] = child;
                _record[i] = record;
                _referral[i] = referral;
            }
        }

        public string File { get; }

        public static CensusLines Read(string councilFolder, string file)
        {
            var path = Path.Combine(councilFolder, file);
            return new CensusLines(path, file, System.IO.File.ReadAllText(path, Ssda903CsvWriter.Utf8).Split('\n'));
        }

        /// <summary>Every element of the name that holds a value, in file order, with its child: (child, line index).</summary>
        public List<(string Child, int Row)> Elements(string name)
        {
            var found = new List<(string, int)>();
            for (var i = 0; i < _lines.Length; i++)
            {
                if (_child[i].Length > 0 && _lines[i].Contains("</", StringComparison.Ordinal) && Name(i) == name)
                {
                    found.Add((_child[i], i));
                }
            }

            return found;
        }

        /// <summary>Whether the referral the line is in has a child protection plan.</summary>
        public bool HasPlan(int row)
        {
            for (var i = row + 1; i < _lines.Length && _referral[i] == _referral[row]; i++)
            {
                if (Name(i) == "ChildProtectionPlans")
                {
                    return true;
                }
            }

            return false;
        }

        public string Name(int row)
        {
            var line = _lines[row];
            var start = line.IndexOf('<', StringComparison.Ordinal) + 1;
            if (start <= 0)
            {
                return string.Empty;
            }

            if (start < line.Length && line[start] == '/')
            {
                start++;
            }

            var end = line.IndexOf('>', start);
            return end < 0 ? string.Empty : line[start..end];
        }

        public string Value(int row)
        {
            var line = _lines[row];
            var start = line.IndexOf('>', StringComparison.Ordinal) + 1;
            var end = line.IndexOf("</", start, StringComparison.Ordinal);
            return end < 0 ? string.Empty : line[start..end];
        }

        /// <summary>The 1-based line of the record the line's value belongs to.</summary>
        public int RecordLine(int row) => _record[row] + 1;

        public GeneratedFault? Set((string Child, int Row)? element, string value)
        {
            if (element is not { } e)
            {
                return null;
            }

            var original = Value(e.Row);
            var line = _lines[e.Row];
            var start = line.IndexOf('>', StringComparison.Ordinal) + 1;
            _lines[e.Row] = string.Concat(line.AsSpan(0, start), value, line.AsSpan(line.IndexOf("</", start, StringComparison.Ordinal)));
            return new GeneratedFault("", "CIN", File, RecordLine(e.Row), Name(e.Row), value, original, e.Row + 1, e.Child, "");
        }

        public void Rename(int row, string name)
        {
            var value = Value(row);
            var indent = _lines[row][.._lines[row].IndexOf('<', StringComparison.Ordinal)];
            _lines[row] = $"{indent}<{name}>{value}</{name}>";
        }

        public void Save() => System.IO.File.WriteAllText(_path, string.Join('\n', _lines), Ssda903CsvWriter.Utf8);
    }
}
