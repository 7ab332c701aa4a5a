using System.Globalization;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Text;
using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Cin;

/// <summary>
/// Reads a Children in Need census XML file (<c>Message/Header</c>, <c>Message/Children/Child</c>)
/// with a streaming <see cref="System.Xml.XmlReader"/>: both <c>Sex</c> and the older
/// <c>GenderCurrent</c>; ReferralNFA and ICPCnotRequired as true/false/1/0; dates yyyy-mm-dd
/// (dd/mm/yyyy is read too).
/// The census year comes from <c>Header/CollectionDetails/Year</c>.
/// </summary>
public static class CinXmlReader
{
    public const string RootElement = "Message";
    public const string ElementUnknownRule = "ELEMENT-UNKNOWN";
    public const string ChildIdBlankRule = "8500";

    // Elements of the census Lodestar reads past on purpose (no KPI uses them).
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "PersonSchoolYear", "AssessmentAuthorisationDateUnknown",
    };

    public static FileReadResult Read(string path, CinBuilder builder, List<Problem> diagnostics, ReadLimits? limits = null)
    {
        try
        {
            // Streamed from the disk: only the first 64 KB are looked at before the XML reader takes the stream.
            using var stream = TextInput.OpenRead(path, limits ?? ReadLimits.Default);
            var head = new byte[(int)Math.Min(stream.Length, 64 * 1024)];
            stream.ReadExactly(head);
            if (TextInput.LooksBinary(head))
            {
                return FileReadResult.Refused(path, "binary file, not text");
            }

            stream.Position = 0;
            return Read(path, stream, builder, diagnostics);
        }
        catch (UnreadableFileException e)
        {
            return FileReadResult.Refused(path, e.Message);
        }
    }

    public static FileReadResult Read(string path, Stream stream, CinBuilder builder, List<Problem> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var found = new List<Problem>();
        var file = -1;
        try
        {
            using var xml = new XmlCursor(stream);
            var root = xml.ReadRoot();
            if (root != RootElement)
            {
                return FileReadResult.Refused(path, $"unrecognised XML: the root element is {root}, not {RootElement}");
            }

            file = builder.AddFile(new SourceFile(path, "CIN XML", 0));
            var reader = new Reader(xml, builder, new FieldParser(builder.Codes, found, path, "yyyy-mm-dd"), file);
            reader.ReadMessage();
            diagnostics.AddRange(found);
            return new FileReadResult(null, file, reader.Parser.LatestDay);
        }
        catch (UnreadableFileException e)
        {
            if (file >= 0)
            {
                builder.DiscardLastFile();
            }

            return FileReadResult.Refused(path, e.Message);
        }
    }

    private sealed class PendingReferral
    {
        public CinReferralRow Row = CinReferralRow.Empty;
        public int Line;
        public readonly List<(CinAssessmentRow Row, int[] Factors, int Line)> Assessments = [];
        public readonly List<(CinPlanRow Row, int Line)> Plans = [];
        public readonly List<(CinSection47Row Row, int Line)> Section47s = [];
        public readonly List<(CinProtectionPlanRow Row, int[] Reviews, int Line)> ProtectionPlans = [];

        public void Reset(int line)
        {
            Row = CinReferralRow.Empty;
            Line = line;
            Assessments.Clear();
            Plans.Clear();
            Section47s.Clear();
            ProtectionPlans.Clear();
        }
    }

    private sealed class Reader(XmlCursor xml, CinBuilder builder, FieldParser parser, int file)
    {
        private readonly List<int> _list = [];
        // The child's referrals, reused from child to child (a census holds hundreds of thousands).
        private readonly List<PendingReferral> _referrals = [];
        private int _referralCount;
        private int _referenceDate = RecordValues.Blank;
        private int _referenceDateLine;

        public FieldParser Parser => parser;

        public void ReadMessage()
        {
            var empty = xml.IsEmpty;
            while (xml.NextChild(0, empty))
            {
                switch (xml.Name)
                {
                    case "Header":
                        var headerLine = xml.Line;
                        _referenceDate = RecordValues.Blank;
                        _referenceDateLine = headerLine;
                        ReadHeader(xml.Depth, xml.IsEmpty);
                        builder.SetHeader(file, _referenceDate, _referenceDateLine);
                        break;
                    case "Children":
                        var depth = xml.Depth;
                        var childrenEmpty = xml.IsEmpty;
                        while (xml.NextChild(depth, childrenEmpty))
                        {
                            if (xml.Name == "Child")
                            {
                                ReadChild();
                            }
                            else
                            {
                                Unknown();
                            }
                        }

                        break;
                    default:
                        Unknown();
                        break;
                }
            }
        }

        private void ReadHeader(int depth, bool empty)
        {
            while (xml.NextChild(depth, empty))
            {
                if (xml.Name == "Year" && xml.Depth == 3)
                {
                    var line = xml.Line;
                    var text = xml.ReadLeaf();
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1990 and < 3000)
                    {
                        builder.SetCollectionYear(file, year);
                    }
                    else
                    {
                        parser.Report(line, "Year", text, FieldParser.NumberFormatRule, "the census Year should be a four-digit year");
                    }
                }
                else if (xml.Name == "ReferenceDate" && xml.Depth == 3)
                {
                    _referenceDateLine = xml.Line;
                    _referenceDate = Date(xml.ReadLeaf(), _referenceDateLine, "ReferenceDate");
                }
                else if (!xml.IsEmpty && xml.Depth == 2 && xml.Name is "CollectionDetails" or "Source")
                {
                    ReadHeader(xml.Depth, false);
                }
                else
                {
                    xml.Skip();
                }
            }
        }

        private void ReadChild()
        {
            var childLine = xml.Line;
            var depth = xml.Depth;
            var empty = xml.IsEmpty;
            string? childId = null;
            var child = CinChildRow.Empty;
            int[] disabilities = [];
            var childRowLine = childLine;
            _referralCount = 0;
            while (xml.NextChild(depth, empty))
            {
                switch (xml.Name)
                {
                    case "ChildIdentifiers":
                        childRowLine = xml.Line;
                        var identifiersDepth = xml.Depth;
                        var identifiersEmpty = xml.IsEmpty;
                        while (xml.NextChild(identifiersDepth, identifiersEmpty))
                        {
                            var name = xml.Name;
                            var line = xml.Line;
                            switch (name)
                            {
                                case "LAchildID": childId = xml.ReadLeaf().ToString(); break;
                                case "UPN": child.Upn = Code(xml.ReadLeaf()); break;
                                case "UPNunknown": child.UpnUnknown = Code(xml.ReadLeaf()); break;
                                case "PersonBirthDate": child.Dob = Date(xml.ReadLeaf(), line, name); break;
                                case "ExpectedPersonBirthDate": child.ExpectedDob = Date(xml.ReadLeaf(), line, name); break;
                                case "Sex" or "GenderCurrent": child.Sex = Code(xml.ReadLeaf()); break;
                                case "PersonDeathDate": child.Death = Date(xml.ReadLeaf(), line, name); break;
                                case "FormerUPN": child.FormerUpn = Code(xml.ReadLeaf()); break;
                                default: OtherLeaf(name, line); break;
                            }
                        }

                        break;
                    case "ChildCharacteristics":
                        disabilities = ReadCharacteristics(ref child);
                        break;
                    case "CINdetails":
                        ReadReferral();
                        break;
                    default:
                        Unknown();
                        break;
                }
            }

            if (string.IsNullOrWhiteSpace(childId))
            {
                parser.Report(childLine, "LAchildID", default, ChildIdBlankRule, "Child has no LAchildID: its records cannot be placed and were not read");
                return;
            }

            var number = builder.ChildNumber(childId.AsSpan().Trim());
            builder.AddChild(number, child, disabilities, new SourceLocation(file, childRowLine));
            for (var r = 0; r < _referralCount; r++)
            {
                var referral = _referrals[r];
                var handle = builder.AddReferral(number, referral.Row, new SourceLocation(file, referral.Line));
                foreach (var (row, factors, line) in referral.Assessments)
                {
                    builder.AddAssessment(handle, row, factors, new SourceLocation(file, line));
                }

                foreach (var (row, line) in referral.Plans)
                {
                    builder.AddPlan(handle, row, new SourceLocation(file, line));
                }

                foreach (var (row, line) in referral.Section47s)
                {
                    builder.AddSection47(handle, row, new SourceLocation(file, line));
                }

                foreach (var (row, reviews, line) in referral.ProtectionPlans)
                {
                    builder.AddProtectionPlan(handle, row, reviews, new SourceLocation(file, line));
                }
            }
        }

        private int[] ReadCharacteristics(ref CinChildRow child)
        {
            var depth = xml.Depth;
            var empty = xml.IsEmpty;
            var ethnicity = child.Ethnicity;
            _list.Clear();
            while (xml.NextChild(depth, empty))
            {
                switch (xml.Name)
                {
                    case "Ethnicity":
                        ethnicity = Code(xml.ReadLeaf());
                        break;
                    case "Disabilities":
                        ReadList(xml.Depth, xml.IsEmpty, "Disability", dates: false);
                        break;
                    default:
                        Unknown();
                        break;
                }
            }

            child.Ethnicity = ethnicity;
            return [.. _list];
        }

        private void ReadReferral()
        {
            if (_referralCount == _referrals.Count)
            {
                _referrals.Add(new PendingReferral());
            }

            var referral = _referrals[_referralCount++];
            referral.Reset(xml.Line);
            var depth = xml.Depth;
            var empty = xml.IsEmpty;
            while (xml.NextChild(depth, empty))
            {
                var name = xml.Name;
                var line = xml.Line;
                switch (name)
                {
                    case "CINreferralDate": referral.Row.ReferralDate = Date(xml.ReadLeaf(), line, name); break;
                    case "ReferralSource": referral.Row.ReferralSource = Code(xml.ReadLeaf()); break;
                    case "PrimaryNeedCode": referral.Row.PrimaryNeed = Code(xml.ReadLeaf()); break;
                    case "CINclosureDate": referral.Row.ClosureDate = Date(xml.ReadLeaf(), line, name); break;
                    case "ReasonForClosure": referral.Row.ReasonForClosure = Code(xml.ReadLeaf()); break;
                    case "DateOfInitialCPC": referral.Row.InitialCpc = Date(xml.ReadLeaf(), line, name); break;
                    case "ReferralNFA": referral.Row.Nfa = parser.ParseFlag(xml.ReadLeaf(), line, name); break;
                    case "Assessments": ReadAssessment(referral); break;
                    case "CINPlanDates": ReadPlan(referral); break;
                    case "Section47": ReadSection47(referral); break;
                    case "ChildProtectionPlans": ReadProtectionPlan(referral); break;
                    default: Unknown(); break;
                }
            }

        }

        private void ReadAssessment(PendingReferral referral)
        {
            var row = CinAssessmentRow.Empty;
            var at = xml.Line;
            _list.Clear();
            var depth = xml.Depth;
            var empty = xml.IsEmpty;
            while (xml.NextChild(depth, empty))
            {
                var name = xml.Name;
                var line = xml.Line;
                switch (name)
                {
                    case "AssessmentActualStartDate": row.Start = Date(xml.ReadLeaf(), line, name); break;
                    case "AssessmentInternalReviewDate": row.InternalReview = Date(xml.ReadLeaf(), line, name); break;
                    case "AssessmentAuthorisationDate": row.Authorised = Date(xml.ReadLeaf(), line, name); break;
                    case "FactorsIdentifiedAtAssessment": ReadList(xml.Depth, xml.IsEmpty, "AssessmentFactors", dates: false); break;
                    case "AssessmentFactors": _list.Add(Code(xml.ReadLeaf())); break;
                    default: Unknown(); break;
                }
            }

            referral.Assessments.Add((row, [.. _list], at));
        }

        private void ReadPlan(PendingReferral referral)
        {
            var row = CinPlanRow.Empty;
            var at = xml.Line;
            var depth = xml.Depth;
            var empty = xml.IsEmpty;
            while (xml.NextChild(depth, empty))
            {
                var name = xml.Name;
                var line = xml.Line;
                switch (name)
                {
                    case "CINPlanStartDate": row.Start = Date(xml.ReadLeaf(), line, name); break;
                    case "CINPlanEndDate": row.End = Date(xml.ReadLeaf(), line, name); break;
                    default: OtherLeaf(name, line); break;
                }
            }

            referral.Plans.Add((row, at));
        }

        private void ReadSection47(PendingReferral referral)
        {
            var row = CinSection47Row.Empty;
            var at = xml.Line;
            var depth = xml.Depth;
            var empty = xml.IsEmpty;
            while (xml.NextChild(depth, empty))
            {
                var name = xml.Name;
                var line = xml.Line;
                switch (name)
                {
                    case "S47ActualStartDate": row.Start = Date(xml.ReadLeaf(), line, name); break;
                    case "InitialCPCtarget": row.IcpcTarget = Date(xml.ReadLeaf(), line, name); break;
                    case "DateOfInitialCPC": row.IcpcDate = Date(xml.ReadLeaf(), line, name); break;
                    case "ICPCnotRequired": row.IcpcNotRequired = parser.ParseFlag(xml.ReadLeaf(), line, name); break;
                    default: OtherLeaf(name, line); break;
                }
            }

            referral.Section47s.Add((row, at));
        }

        private void ReadProtectionPlan(PendingReferral referral)
        {
            var row = CinProtectionPlanRow.Empty;
            var at = xml.Line;
            _list.Clear();
            var depth = xml.Depth;
            var empty = xml.IsEmpty;
            while (xml.NextChild(depth, empty))
            {
                var name = xml.Name;
                var line = xml.Line;
                switch (name)
                {
                    case "CPPstartDate": row.Start = Date(xml.ReadLeaf(), line, name); break;
                    case "CPPendDate": row.End = Date(xml.ReadLeaf(), line, name); break;
                    case "InitialCategoryOfAbuse": row.InitialCategory = Code(xml.ReadLeaf()); break;
                    case "LatestCategoryOfAbuse": row.LatestCategory = Code(xml.ReadLeaf()); break;
                    case "NumberOfPreviousCPP": row.PreviousPlans = parser.Parse(FieldKind.Number, xml.ReadLeaf(), line, name); break;
                    case "Reviews":
                        // A review group with no date, or an empty CPPreviewDate, is counted (the DfE's 8842Q asks for a date in each).
                        var before = _list.Count;
                        var blanks = ReadList(xml.Depth, xml.IsEmpty, "CPPreviewDate", dates: true);
                        blanks += _list.Count == before && blanks == 0 ? 1 : 0;
                        row.BlankReviews = (row.BlankReviews == RecordValues.Blank ? 0 : row.BlankReviews) + blanks;
                        break;
                    default: Unknown(); break;
                }
            }

            referral.ProtectionPlans.Add((row, [.. _list], at));
        }

        // A leaf the census does not have here: passed over on purpose, or read past with a warning.
        private void OtherLeaf(string name, int line)
        {
            if (Ignored.Contains(name))
            {
                xml.Skip();
                return;
            }

            xml.ReadLeaf();
            parser.Report(line, name, default, ElementUnknownRule, $"element {name} is not part of the CIN census here and was ignored", Severity.Warning);
        }

        // Adds the group's items to the list; returns how many were empty.
        private int ReadList(int depth, bool empty, string item, bool dates)
        {
            var blanks = 0;
            while (xml.NextChild(depth, empty))
            {
                if (xml.Name == item)
                {
                    var line = xml.Line;
                    var text = xml.ReadLeaf();
                    if (!text.IsEmpty)
                    {
                        _list.Add(dates ? Date(text, line, item) : Code(text));
                    }
                    else
                    {
                        blanks++;
                    }
                }
                else
                {
                    Unknown();
                }
            }

            return blanks;
        }

        private void Unknown()
        {
            if (!Ignored.Contains(xml.Name))
            {
                parser.Report(xml.Line, xml.Name, default, ElementUnknownRule, $"element {xml.Name} is not part of the CIN census here and was ignored", Severity.Warning);
            }

            xml.Skip();
        }

        private int Code(ReadOnlySpan<char> text) => builder.Codes.Intern(text);

        private int Date(ReadOnlySpan<char> text, int line, string column) => parser.ParseDate(text, line, column);
    }
}
