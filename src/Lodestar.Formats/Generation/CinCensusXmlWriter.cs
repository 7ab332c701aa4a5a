using System.Globalization;
using System.Text;

namespace Lodestar.Formats.Generation;

/// <summary>
/// Writes one council's Children in Need census for a reporting year (docs/domain.md "The Children in Need census", dates yyyy-mm-dd): every child
/// with a referral open at some time in the year, with what was known on 31 March. Sex is written as
/// <c>GenderCurrent</c> (1/2) before 2025 and <c>Sex</c> (M/F) from 2025; ReferralNFA and ICPCnotRequired as 0/1
/// before 2024 and true/false from 2024, so readers meet both forms.
/// </summary>
/// <remarks>
/// Written with a <see cref="StringBuilder"/> rather than an XmlWriter: the census is most of the generator's output
/// (gigabytes at 150 councils), and every value is a code, an id or a date, escaped only if it ever needs it.
/// </remarks>
internal static class CinCensusXmlWriter
{
    public static void Write(SimCouncil council, int year, string path)
    {
        var yearStart = new DateOnly(year - 1, 4, 1);
        var yearEnd = new DateOnly(year, 3, 31);
        var xml = new Xml();
        xml.Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n");
        xml.Open(1, "Header");
        xml.Open(2, "CollectionDetails");
        xml.Element(3, "Collection", "CIN");
        xml.Element(3, "Year", year.ToString(CultureInfo.InvariantCulture));
        xml.Date(3, "ReferenceDate", yearEnd);
        xml.Close(2, "CollectionDetails");
        xml.Open(2, "Source");
        xml.Element(3, "SourceLevel", "L");
        xml.Element(3, "LEA", council.Council.LaNumber);
        xml.Element(3, "SoftwareCode", "Lodestar generator");
        xml.Element(3, "Release", "1");
        xml.Element(3, "SerialNo", "1");
        xml.Element(3, "DateTime", $"{year}-05-01T09:00:00");
        xml.Close(2, "Source");
        xml.Close(1, "Header");
        xml.Open(1, "Children");

        foreach (var child in council.Children)
        {
            if (!child.Referrals.Exists(r => r.Date <= yearEnd && (r.Closure is null || r.Closure >= yearStart)))
            {
                continue;
            }

            xml.Open(2, "Child");
            xml.Open(3, "ChildIdentifiers");
            xml.Element(4, "LAchildID", child.Id);
            var age = yearEnd.Year - child.BirthDate.Year - (child.BirthDate.AddYears(yearEnd.Year - child.BirthDate.Year) > yearEnd ? 1 : 0);
            if (child.IsUasc)
            {
                xml.Element(4, "UPNunknown", "UN2");
            }
            else if (age < 5)
            {
                xml.Element(4, "UPNunknown", "UN1");
            }
            else
            {
                xml.Element(4, "UPN", child.UpnWhenOfSchoolAge);
            }

            xml.Date(4, "PersonBirthDate", child.BirthDate);
            if (year >= 2025)
            {
                xml.Element(4, "Sex", child.Male ? "M" : "F");
            }
            else
            {
                xml.Element(4, "GenderCurrent", child.Male ? "1" : "2");
            }

            // A child who died in care (episode ended E2; the case closed RC2, which 8585Q wants dated) in this census year.
            if (child.CareEnd is { } died && child.Episodes is [.., { ReasonEnded: "E2" }] && died >= yearStart && died <= yearEnd)
            {
                xml.Date(4, "PersonDeathDate", died);
            }

            xml.Close(3, "ChildIdentifiers");
            xml.Open(3, "ChildCharacteristics");
            xml.Element(4, "Ethnicity", child.Ethnicity);
            xml.Open(4, "Disabilities");
            xml.Element(5, "Disability", child.Disability);
            if (child.SecondDisability is { } second)
            {
                xml.Element(5, "Disability", second);
            }

            xml.Close(4, "Disabilities");
            xml.Close(3, "ChildCharacteristics");

            foreach (var referral in child.Referrals)
            {
                if (referral.Date <= yearEnd && (referral.Closure is null || referral.Closure >= yearStart))
                {
                    WriteReferral(xml, referral, year, yearStart, yearEnd);
                }
            }

            xml.Close(2, "Child");
        }

        xml.Close(1, "Children");
        xml.Raw("</Message>\n");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        xml.Save(path);
    }

    private static void WriteReferral(Xml xml, SimReferral referral, int year, DateOnly yearStart, DateOnly yearEnd)
    {
        bool Known(DateOnly? date) => date is { } d && d <= yearEnd;
        string Flag(bool value) => year >= 2024 ? (value ? "true" : "false") : (value ? "1" : "0");

        xml.Open(3, "CINdetails");
        xml.Date(4, "CINreferralDate", referral.Date);
        xml.Element(4, "ReferralSource", referral.Source);
        xml.Element(4, "PrimaryNeedCode", referral.PrimaryNeed);
        if (Known(referral.Closure))
        {
            xml.Date(4, "CINclosureDate", referral.Closure!.Value);
            xml.Element(4, "ReasonForClosure", referral.ClosureReason ?? "RC7");
        }

        // The initial conference is written once, on its section 47 enquiry (DfE 2884), never again on the referral.
        xml.Element(4, "ReferralNFA", Flag(referral.NoFurtherAction));

        foreach (var assessment in referral.Assessments)
        {
            // A census holds a referral's modules as they stood in its year: one completed before it was in last year's (DfE 8696).
            if (assessment.Start > yearEnd || assessment.Authorised < yearStart)
            {
                continue;
            }

            xml.Open(4, "Assessments");
            xml.Date(5, "AssessmentActualStartDate", assessment.Start);
            if (assessment.Authorised <= yearEnd)
            {
                xml.Date(5, "AssessmentInternalReviewDate", assessment.Authorised);
                xml.Date(5, "AssessmentAuthorisationDate", assessment.Authorised);
                xml.Open(5, "FactorsIdentifiedAtAssessment");
                foreach (var factor in assessment.Factors)
                {
                    xml.Element(6, "AssessmentFactors", factor);
                }

                xml.Close(5, "FactorsIdentifiedAtAssessment");
            }

            xml.Close(4, "Assessments");
        }

        foreach (var (start, end) in referral.CinPlans)
        {
            if (start > yearEnd || end < yearStart)
            {
                continue;
            }

            xml.Open(4, "CINPlanDates");
            xml.Date(5, "CINPlanStartDate", start);
            if (Known(end))
            {
                xml.Date(5, "CINPlanEndDate", end!.Value);
            }

            xml.Close(4, "CINPlanDates");
        }

        foreach (var enquiry in referral.Section47s)
        {
            // DfE 8715: a conference held before the year; 8740: an enquiry with no conference that started before it.
            if (enquiry.Start > yearEnd || enquiry.Conference < yearStart || (enquiry.Conference is null && enquiry.Start < yearStart))
            {
                continue;
            }

            xml.Open(4, "Section47");
            xml.Date(5, "S47ActualStartDate", enquiry.Start);
            xml.Date(5, "InitialCPCtarget", enquiry.ConferenceTarget);
            if (Known(enquiry.Conference))
            {
                xml.Date(5, "DateOfInitialCPC", enquiry.Conference!.Value);
            }

            if (enquiry.Conference is null)
            {
                xml.Element(5, "ICPCnotRequired", Flag(true));
            }

            xml.Close(4, "Section47");
        }

        foreach (var plan in referral.Plans)
        {
            if (plan.Start > yearEnd || plan.End < yearStart)
            {
                continue;
            }

            xml.Open(4, "ChildProtectionPlans");
            xml.Date(5, "CPPstartDate", plan.Start);
            if (Known(plan.End))
            {
                xml.Date(5, "CPPendDate", plan.End!.Value);
            }

            xml.Element(5, "InitialCategoryOfAbuse", plan.InitialCategory);
            xml.Element(5, "LatestCategoryOfAbuse", plan.LatestCategory);
            xml.Element(5, "NumberOfPreviousCPP", plan.PreviousPlans.ToString(CultureInfo.InvariantCulture));
            if (plan.Reviews.Count > 0 && plan.Reviews[0] <= yearEnd)
            {
                xml.Open(5, "Reviews");
                foreach (var review in plan.Reviews)
                {
                    if (review <= yearEnd)
                    {
                        xml.Date(6, "CPPreviewDate", review);
                    }
                }

                xml.Close(5, "Reviews");
            }

            xml.Close(4, "ChildProtectionPlans");
        }

        xml.Close(3, "CINdetails");
    }

    /// <summary>Indented XML text, two spaces a level, LF line ends.</summary>
    private sealed class Xml
    {
        private readonly StringBuilder _text = new(1 << 20);

        public void Raw(string text) => _text.Append(text);

        public void Open(int depth, string name) => _text.Append(' ', depth * 2).Append('<').Append(name).Append(">\n");

        public void Close(int depth, string name) => _text.Append(' ', depth * 2).Append("</").Append(name).Append(">\n");

        public void Element(int depth, string name, string value)
        {
            _text.Append(' ', depth * 2).Append('<').Append(name).Append('>');
            if (value.AsSpan().IndexOfAny("<>&\"'") >= 0)
            {
                _text.Append(System.Security.SecurityElement.Escape(value));
            }
            else
            {
                _text.Append(value);
            }

            _text.Append("</").Append(name).Append(">\n");
        }

        public void Date(int depth, string name, DateOnly date)
        {
            _text.Append(' ', depth * 2).Append('<').Append(name).Append('>');
            Append(date.Year, 4);
            _text.Append('-');
            Append(date.Month, 2);
            _text.Append('-');
            Append(date.Day, 2);
            _text.Append("</").Append(name).Append(">\n");
        }

        public void Save(string path)
        {
            using var writer = new StreamWriter(path, append: false, Ssda903CsvWriter.Utf8, bufferSize: 1 << 16);
            foreach (var chunk in _text.GetChunks())
            {
                writer.Write(chunk.Span);
            }
        }

        private void Append(int value, int digits)
        {
            Span<char> buffer = stackalloc char[4];
            for (var i = digits - 1; i >= 0; i--)
            {
                buffer[i] = (char)('0' + (value % 10));
                value /= 10;
            }

            _text.Append(buffer[..digits]);
        }
    }
}
