using System.Globalization;
using System.Xml;

namespace Lodestar.Formats.Generation;

/// <summary>
/// Writes one council's Children in Need census for a reporting year (DOMAIN.md §5, dates yyyy-mm-dd): every child
/// with a referral open at some time in the year, with what was known on 31 March. Sex is written as
/// <c>GenderCurrent</c> (1/2) before 2025 and <c>Sex</c> (M/F) from 2025; ReferralNFA as 0/1 before 2024 and
/// true/false from 2024, so readers meet both forms.
/// </summary>
internal static class CinCensusXmlWriter
{
    public static void Write(SimCouncil council, int year, string path)
    {
        var yearStart = new DateOnly(year - 1, 4, 1);
        var yearEnd = new DateOnly(year, 3, 31);
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = Ssda903CsvWriter.Utf8,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("Message");
        xml.WriteStartElement("Header");
        xml.WriteStartElement("CollectionDetails");
        xml.WriteElementString("Collection", "CIN");
        xml.WriteElementString("Year", year.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("ReferenceDate", Date(yearEnd));
        xml.WriteEndElement();
        xml.WriteStartElement("Source");
        xml.WriteElementString("SourceLevel", "L");
        xml.WriteElementString("LEA", council.Council.LaNumber);
        xml.WriteElementString("SoftwareCode", "Lodestar generator");
        xml.WriteElementString("Release", "1");
        xml.WriteElementString("SerialNo", "1");
        xml.WriteElementString("DateTime", $"{year}-05-01T09:00:00");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("Children");

        foreach (var child in council.Children)
        {
            var open = child.Referrals.Where(r => r.Date <= yearEnd && (r.Closure is null || r.Closure >= yearStart)).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            xml.WriteStartElement("Child");
            xml.WriteStartElement("ChildIdentifiers");
            xml.WriteElementString("LAchildID", child.Id);
            var age = yearEnd.Year - child.BirthDate.Year - (child.BirthDate.AddYears(yearEnd.Year - child.BirthDate.Year) > yearEnd ? 1 : 0);
            if (child.IsUasc)
            {
                xml.WriteElementString("UPNunknown", "UN2");
            }
            else if (age < 5)
            {
                xml.WriteElementString("UPNunknown", "UN1");
            }
            else
            {
                xml.WriteElementString("UPN", child.UpnWhenOfSchoolAge);
            }

            xml.WriteElementString("PersonBirthDate", Date(child.BirthDate));
            if (year >= 2025)
            {
                xml.WriteElementString("Sex", child.Male ? "M" : "F");
            }
            else
            {
                xml.WriteElementString("GenderCurrent", child.Male ? "1" : "2");
            }

            xml.WriteEndElement();
            xml.WriteStartElement("ChildCharacteristics");
            xml.WriteElementString("Ethnicity", child.Ethnicity);
            xml.WriteStartElement("Disabilities");
            xml.WriteElementString("Disability", child.Disability);
            xml.WriteEndElement();
            xml.WriteEndElement();

            foreach (var referral in open)
            {
                WriteReferral(xml, referral, year, yearEnd);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteReferral(XmlWriter xml, SimReferral referral, int year, DateOnly yearEnd)
    {
        bool Known(DateOnly? date) => date is { } d && d <= yearEnd;

        xml.WriteStartElement("CINdetails");
        xml.WriteElementString("CINreferralDate", Date(referral.Date));
        xml.WriteElementString("ReferralSource", referral.Source);
        xml.WriteElementString("PrimaryNeedCode", referral.PrimaryNeed);
        if (Known(referral.Closure))
        {
            xml.WriteElementString("CINclosureDate", Date(referral.Closure!.Value));
            xml.WriteElementString("ReasonForClosure", referral.ClosureReason ?? "RC7");
        }

        var conference = referral.Section47s.Select(s => s.Conference).FirstOrDefault(c => Known(c));
        if (conference is { } held)
        {
            xml.WriteElementString("DateOfInitialCPC", Date(held));
        }

        xml.WriteElementString("ReferralNFA", year >= 2024 ? (referral.NoFurtherAction ? "true" : "false") : (referral.NoFurtherAction ? "1" : "0"));

        foreach (var assessment in referral.Assessments.Where(a => a.Start <= yearEnd))
        {
            xml.WriteStartElement("Assessments");
            xml.WriteElementString("AssessmentActualStartDate", Date(assessment.Start));
            if (assessment.Authorised <= yearEnd)
            {
                xml.WriteElementString("AssessmentInternalReviewDate", Date(assessment.Authorised));
                xml.WriteElementString("AssessmentAuthorisationDate", Date(assessment.Authorised));
                xml.WriteStartElement("FactorsIdentifiedAtAssessment");
                foreach (var factor in assessment.Factors)
                {
                    xml.WriteElementString("AssessmentFactors", factor);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var (start, end) in referral.CinPlans.Where(p => p.Start <= yearEnd))
        {
            xml.WriteStartElement("CINPlanDates");
            xml.WriteElementString("CINPlanStartDate", Date(start));
            if (Known(end))
            {
                xml.WriteElementString("CINPlanEndDate", Date(end!.Value));
            }

            xml.WriteEndElement();
        }

        foreach (var enquiry in referral.Section47s.Where(s => s.Start <= yearEnd))
        {
            xml.WriteStartElement("Section47");
            xml.WriteElementString("S47ActualStartDate", Date(enquiry.Start));
            xml.WriteElementString("InitialCPCtarget", Date(enquiry.ConferenceTarget));
            if (Known(enquiry.Conference))
            {
                xml.WriteElementString("DateOfInitialCPC", Date(enquiry.Conference!.Value));
            }

            if (enquiry.Conference is null)
            {
                xml.WriteElementString("ICPCnotRequired", year >= 2024 ? "true" : "1");
            }

            xml.WriteEndElement();
        }

        foreach (var plan in referral.Plans.Where(p => p.Start <= yearEnd))
        {
            xml.WriteStartElement("ChildProtectionPlans");
            xml.WriteElementString("CPPstartDate", Date(plan.Start));
            if (Known(plan.End))
            {
                xml.WriteElementString("CPPendDate", Date(plan.End!.Value));
            }

            xml.WriteElementString("InitialCategoryOfAbuse", plan.InitialCategory);
            xml.WriteElementString("LatestCategoryOfAbuse", plan.LatestCategory);
            xml.WriteElementString("NumberOfPreviousCPP", plan.PreviousPlans.ToString(CultureInfo.InvariantCulture));
            var reviews = plan.Reviews.Where(r => r <= yearEnd).ToList();
            if (reviews.Count > 0)
            {
                xml.WriteStartElement("Reviews");
                foreach (var review in reviews)
                {
                    xml.WriteElementString("CPPreviewDate", Date(review));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
