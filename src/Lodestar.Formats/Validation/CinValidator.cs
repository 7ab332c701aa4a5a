using System.Runtime.CompilerServices;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.Validation.ValidationContext;

namespace Lodestar.Formats.Validation;

/// <summary>
/// The Children in Need census data-quality rules. Rule ids are the DfE's CIN validation rule numbers
/// where the DfE has one; Lodestar's own checks start "LS-". The census period of a row is the
/// collection year of its file (1 April to 31 March, the reference date).
/// </summary>
internal static partial class CinValidator
{
    private const string Return = "CIN";
    private static readonly List<(ValidationRule Rule, Action<Context, ValidationRule> Run)> Checks = [];

    // The DfE's CIN rule sets changed in 2024/25: Sex (M, F, U) for GenderCurrent, LAchildID's form, two factor queries.
    private static readonly CollectionYears ToGender = new(null, 2024);
    private static readonly CollectionYears FromSex = new(2025, null);

    // The fields of the rules whose message names none (it says "an unborn child", "the referral" ...).
    private static readonly Dictionary<string, string[]> FieldsNotNamed = new(StringComparer.Ordinal)
    {
        ["LS-CIN-UNBORN-DISABILITY"] = ["ExpectedPersonBirthDate", "PersonBirthDate", "Disability"],
        ["1580"] = ["LAchildID"],
        ["2990"] = ["ReasonForClosure", "S47ActualStartDate", "CINPlanStartDate", "CPPstartDate", "DateOfInitialCPC"],
        ["2884"] = ["DateOfInitialCPC"],
        ["8614"] = ["AssessmentFactors", "AssessmentAuthorisationDate"],
        ["8740"] = ["S47ActualStartDate"],
    };

    static CinValidator()
    {
        // Children
        Add("8510", Severity.Error, "More than one child record with the same LAchildID in the census", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            for (var i = 1; i < k.Count; i++)
            {
                if (k.Child[i] == k.Child[i - 1] && k.Source[i].File == k.Source[i - 1].File)
                {
                    c.Report(r, k.Source[i], "LAchildID", c.Data.Children.IdOf(k.Child[i]));
                }
            }
        });
        Add("1520", Severity.Error, "More than one child in the census has the same UPN", "Child", [MethodImpl(Optimized)] (c, r) => SharedUpns(c, r));
        Add("1530", Severity.Error, "UPN is not valid: its characters 2-4 are not an LA number the DfE recognises (a council's since April 1998, or a pseudo-LA code)", "Child",
            [MethodImpl(Optimized)] (c, r) => c.CheckUpns(r, UnknownLa));
        // Characters of a UPN long enough to have them (its length is the reader's and 1510's business).
        Add("1540", Severity.Error, "UPN is not valid: its characters 5-12 are not all digits", "Child",
            [MethodImpl(Optimized)] (c, r) => c.CheckUpns(r, NotAllDigits));
        Add("1550", Severity.Error, "UPN is not valid: its character 13 is not a digit or a letter A-Z other than I, O and S", "Child",
            [MethodImpl(Optimized)] (c, r) => c.CheckUpns(r, WrongLastCharacter));
        // Judged over the whole census: one finding for a file, not one a child.
        Add("2886Q", Severity.Warning, "More than 2% of the census's child records have GenderCurrent 0 (not known) or blank and no ExpectedPersonBirthDate: check and amend, or give a reason", "Child", ToGender,
            [MethodImpl(Optimized)] (c, r) => UnknownSexShare(c, r, "0", "GenderCurrent"));
        Add("2886Q", Severity.Warning, "More than 2% of the census's child records have Sex U or blank and no ExpectedPersonBirthDate: check and amend, or give a reason", "Child", FromSex,
            [MethodImpl(Optimized)] (c, r) => UnknownSexShare(c, r, "U", "Sex"));
        // To 2023/24 a child more than 6 at the reference date; from 2024/25 a child of school age: born by 31 August six years before it.
        Add("8770Q", Severity.Warning, "The child is more than 6 and has a referral that led to further action (ReferralNFA false) but neither UPN nor a reason for it missing (UPNunknown UN2-UN7) is given: check and amend, or give a reason", "Child", ToGender,
            [MethodImpl(Optimized)] (c, r) => UpnExpected(c, r, reference => DateOnly.FromDayNumber(reference).AddYears(-6).DayNumber), "UPN", "UPNunknown", "ReferralNFA");
        Add("8770Q", Severity.Warning, "The child is of school age (born by 31 August six years before the reference date) and has a referral that led to further action (ReferralNFA false) but neither UPN nor a reason for it missing other than UN1 (UPNunknown UN2-UN7) is given: check and amend, or give a reason", "Child", FromSex,
            [MethodImpl(Optimized)] (c, r) => UpnExpected(c, r, reference => new DateOnly(DateOnly.FromDayNumber(reference).Year - 6, 8, 31).DayNumber), "UPN", "UPNunknown", "ReferralNFA");
        Add("8525Q", Severity.Warning, "Either PersonBirthDate or ExpectedPersonBirthDate must be given, not both and not neither", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            for (var i = 0; i < k.Count; i++)
            {
                if ((k.Dob[i] == RecordValues.Blank) == (k.ExpectedDob[i] == RecordValues.Blank))
                {
                    c.Report(r, k.Source[i], "PersonBirthDate", Has(k.Dob[i]) ? c.Date(k.Dob[i]) : null);
                }
            }
        });
        Add("8535Q", Severity.Warning, "PersonDeathDate is before PersonBirthDate", "Child",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.ChildRecords, t => t.Dob, t => t.Death, "PersonDeathDate"));
        Add("8520", Severity.Error, "PersonBirthDate is after the census reference date", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            for (var i = 0; i < k.Count; i++)
            {
                var year = c.Year(k.Source[i]);
                if (year > 0 && Has(k.Dob[i]) && k.Dob[i] > YearEnd(year))
                {
                    c.ReportDate(r, k.Source[i], "PersonBirthDate", k.Dob[i]);
                }
            }
        });
        // The census gave GenderCurrent (0, 1, 2, 9) to 2023/24 and Sex (M, F, U) from 2024/25 (the reference's cin2024_25 4180, 8750).
        Add("4180", Severity.Error, "GenderCurrent is not a valid code (0, 1, 2 or 9) or is blank", "Child", ToGender,
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.ChildRecords, t => t.Sex, "GenderCurrent", CodeLists.CinGender, required: true));
        Add("4180", Severity.Error, "Sex is not a valid code (M, F or U) or is blank", "Child", FromSex,
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.ChildRecords, t => t.Sex, "Sex", CodeLists.CinSex, required: true));
        Add("8750", Severity.Error, "GenderCurrent must be 0 (not known) for an unborn child (ExpectedPersonBirthDate given, PersonBirthDate blank)", "Child", ToGender,
            [MethodImpl(Optimized)] (c, r) => c.UnbornSex(r, "GenderCurrent", "0"));
        Add("8750", Severity.Error, "Sex must be U for an unborn child (ExpectedPersonBirthDate given, PersonBirthDate blank)", "Child", FromSex,
            [MethodImpl(Optimized)] (c, r) => c.UnbornSex(r, "Sex", "U"));
        Add("1570", Severity.Error, "LAchildID is longer than 20 characters", "Child", FromSex, [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            for (var i = 0; i < k.Count; i++)
            {
                var id = c.Data.Children.IdOf(k.Child[i]);
                if (id.Length > 20)
                {
                    c.Report(r, k.Source[i], "LAchildID", id);
                }
            }
        });
        Add("1580", Severity.Error, "LAchildID holds a character other than a letter or a digit", "Child", FromSex, [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            for (var i = 0; i < k.Count; i++)
            {
                var id = c.Data.Children.IdOf(k.Child[i]);
                foreach (var ch in id)
                {
                    if (!char.IsLetterOrDigit(ch))
                    {
                        c.Report(r, k.Source[i], "LAchildID", id);
                        break;
                    }
                }
            }
        });
        Add("4220", Severity.Error, "Ethnicity is not a valid ethnicity code", "Child",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.ChildRecords, t => t.Ethnicity, "Ethnicity", CodeLists.Ethnic, required: false));
        Add("8540", Severity.Error, "Disability is not a valid disability code", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            for (var i = 0; i < k.Count; i++)
            {
                foreach (var code in k.Disabilities[i])
                {
                    if (code != CodeTable.Blank && !c.IsValid(CodeLists.Disability, code, 0))
                    {
                        c.ReportCode(r, k.Source[i], "Disability", code);
                    }
                }
            }
        });
        Add("8790", Severity.Error, "Disability NONE cannot be given with other disability codes", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            var none = c.Codes.Find("NONE");
            for (var i = 0; i < k.Count; i++)
            {
                var codes = k.Disabilities[i];
                if (codes.Length > 1 && codes.Contains(none))
                {
                    c.Report(r, k.Source[i], "Disability", "NONE");
                }
            }
        });
        Add("LS-CIN-UNBORN-DISABILITY", Severity.Error, "An unborn child (expected date of birth only) cannot have a disability recorded", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            var none = c.Codes.Find("NONE");
            for (var i = 0; i < k.Count; i++)
            {
                if (k.Dob[i] == RecordValues.Blank && Has(k.ExpectedDob[i]))
                {
                    foreach (var code in k.Disabilities[i])
                    {
                        if (code != none)
                        {
                            c.ReportCode(r, k.Source[i], "Disability", code);
                        }
                    }
                }
            }
        });

        // Referrals
        Add("8600", Severity.Error, "CINreferralDate is blank or after the census reference date", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            c.CheckRequiredDates(r, c.Data.Referrals, t => t.ReferralDate, "CINreferralDate");
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                var year = c.Year(f.Source[i]);
                if (year > 0 && Has(f.ReferralDate[i]) && f.ReferralDate[i] > YearEnd(year))
                {
                    c.ReportDate(r, f.Source[i], "CINreferralDate", f.ReferralDate[i]);
                }
            }
        });
        Add("8630", Severity.Error, "CINclosureDate is before CINreferralDate", "CINdetails",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.Referrals, t => t.ReferralDate, t => t.ClosureDate, "CINclosureDate"));
        Add("8620", Severity.Error, "CINclosureDate does not fall within the census year", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                var year = c.Year(f.Source[i]);
                if (year > 0 && Has(f.ClosureDate[i]) && (f.ClosureDate[i] < YearStart(year) || f.ClosureDate[i] > YearEnd(year)))
                {
                    c.ReportDate(r, f.Source[i], "CINclosureDate", f.ClosureDate[i]);
                }
            }
        });
        Add("8606", Severity.Error, "CINreferralDate is more than 40 weeks before the child's date of birth (or expected date of birth)", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                var born = c.Born[f.Child[i]];
                if (Has(born) && Has(f.ReferralDate[i]) && f.ReferralDate[i] < born - (40 * 7))
                {
                    c.ReportDate(r, f.Source[i], "CINreferralDate", f.ReferralDate[i]);
                }
            }
        });
        Add("8555Q", Severity.Warning, "CINreferralDate is after the child's date of death", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                var death = c.Death[f.Child[i]];
                if (Has(death) && Has(f.ReferralDate[i]) && f.ReferralDate[i] > death)
                {
                    c.ReportDate(r, f.Source[i], "CINreferralDate", f.ReferralDate[i]);
                }
            }
        });
        Add("8805", Severity.Error, "CINclosureDate is given but ReasonForClosure is blank", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                if (Has(f.ClosureDate[i]) && f.ReasonForClosure[i] == CodeTable.Blank)
                {
                    c.Report(r, f.Source[i], "ReasonForClosure", null);
                }
            }
        });
        Add("8810", Severity.Error, "ReasonForClosure is given but CINclosureDate is blank", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                if (f.ClosureDate[i] == RecordValues.Blank && f.ReasonForClosure[i] != CodeTable.Blank)
                {
                    c.ReportCode(r, f.Source[i], "ReasonForClosure", f.ReasonForClosure[i]);
                }
            }
        });
        Add("8640", Severity.Error, "ReasonForClosure is not a valid code (RC1-RC9)", "CINdetails",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Referrals, t => t.ReasonForClosure, "ReasonForClosure", CodeLists.ReasonForClosure, required: false));
        Add("8650", Severity.Error, "PrimaryNeedCode is not a valid code (N0-N9)", "CINdetails",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Referrals, t => t.PrimaryNeed, "PrimaryNeedCode", CodeLists.PrimaryNeed, required: false));
        Add("8610", Severity.Error, "PrimaryNeedCode is blank for a referral that led to further action", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                if (f.Nfa[i] == Flag.No && f.PrimaryNeed[i] == CodeTable.Blank)
                {
                    c.Report(r, f.Source[i], "PrimaryNeedCode", null);
                }
            }
        });
        Add("8866", Severity.Error, "ReferralSource is not a valid code", "CINdetails",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.Referrals, t => t.ReferralSource, "ReferralSource", CodeLists.ReferralSource, required: false));
        Add("8568", Severity.Error, "ReferralNFA is blank (it must be true or false, 1 or 0)", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                if (f.Nfa[i] == Flag.Blank)
                {
                    c.Report(r, f.Source[i], "ReferralNFA", null);
                }
            }
        });
        Add("LS-CIN-REFERRAL-TWICE", Severity.Error, "The child has two referrals with the same CINreferralDate in the same census", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 1; i < f.Count; i++)
            {
                if (f.Child[i] == f.Child[i - 1] && f.ReferralDate[i] == f.ReferralDate[i - 1] && f.Source[i].File == f.Source[i - 1].File)
                {
                    c.ReportDate(r, f.Source[i], "CINreferralDate", f.ReferralDate[i]);
                }
            }
        });
        Add("8815", Severity.Error, "The child has more than one open referral (no CINclosureDate) that led to further action in the same census", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var child = 0; child < c.Data.Children.Count; child++)
            {
                var rows = f.RowsOf(child);
                var open = -1;
                for (var i = rows.Start; i < rows.End; i++)
                {
                    // As the DfE's rule: an open referral with no further action does not count.
                    if (f.ClosureDate[i] != RecordValues.Blank || f.Nfa[i] == Flag.Yes)
                    {
                        continue;
                    }

                    if (open >= 0 && f.Source[open].File == f.Source[i].File)
                    {
                        c.ReportDate(r, f.Source[i], "CINreferralDate", f.ReferralDate[i]);
                    }

                    open = i;
                }
            }
        });
        Add("8565", Severity.Error, "Activity is shown after the case was closed (a date in the referral is after CINclosureDate)", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                var closed = f.ClosureDate[i];
                if (!Has(closed))
                {
                    continue;
                }

                var latest = Math.Max(f.InitialCpc[i], c.LatestActivity(i));
                if (latest > closed)
                {
                    c.ReportDate(r, f.Source[i], "CINclosureDate", closed);
                }
            }
        });

        Add("2990", Severity.Error, "The referral was closed after assessment (RC8 or RC9) but has a section 47 enquiry, CIN plan, child protection plan or initial conference", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            var afterAssessment = c.Codes.SetOf("RC8", "RC9");
            for (var i = 0; i < f.Count; i++)
            {
                if (afterAssessment.Contains(f.ReasonForClosure[i])
                    && (Has(f.InitialCpc[i]) || !c.Data.Section47s.RowsOfReferral(i).IsEmpty
                        || !c.Data.Plans.RowsOfReferral(i).IsEmpty || !c.Data.ProtectionPlans.RowsOfReferral(i).IsEmpty))
                {
                    c.ReportCode(r, f.Source[i], "ReasonForClosure", f.ReasonForClosure[i]);
                }
            }
        });
        Add("2884", Severity.Error, "The initial conference is recorded both on the referral and on its section 47 enquiry: record it once", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            var s = c.Data.Section47s;
            for (var i = 0; i < f.Count; i++)
            {
                if (!Has(f.InitialCpc[i]))
                {
                    continue;
                }

                var rows = s.RowsOfReferral(i);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (s.IcpcDate[j] == f.InitialCpc[i])
                    {
                        c.ReportDate(r, f.Source[i], "DateOfInitialCPC", f.InitialCpc[i]);
                        break;
                    }
                }
            }
        });

        // Assessments
        Add("LS-CIN-ASSESSMENT-START-BLANK", Severity.Error, "AssessmentActualStartDate is blank", "Assessments",
            [MethodImpl(Optimized)] (c, r) => c.CheckRequiredDates(r, c.Data.Assessments, t => t.Start, "AssessmentActualStartDate"));
        Add("1103", Severity.Error, "AssessmentActualStartDate is before the referral date", "Assessments",
            [MethodImpl(Optimized)] (c, r) => c.BeforeReferral(r, c.Data.Assessments, t => t.Start, "AssessmentActualStartDate"));
        Add("8608", Severity.Error, "AssessmentAuthorisationDate is before AssessmentActualStartDate", "Assessments",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.Assessments, t => t.Start, t => t.Authorised, "AssessmentAuthorisationDate"));
        Add("LS-CIN-FACTORS-CODE", Severity.Error, "AssessmentFactors is not a valid factor code", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            var retired18 = c.Codes.Find("18A");
            var retired19 = c.Codes.Find("19A");
            for (var i = 0; i < a.Count; i++)
            {
                foreach (var code in a.Factors[i])
                {
                    if (code != CodeTable.Blank && !c.IsValid(CodeLists.AssessmentFactors, code, 0) && code != retired18 && code != retired19)
                    {
                        c.ReportCode(r, a.Source[i], "AssessmentFactors", code);
                    }
                }
            }
        });

        Add("8696", Severity.Error, "AssessmentAuthorisationDate does not fall within the census year", "Assessments",
            [MethodImpl(Optimized)] (c, r) => c.InCensusYear(r, c.Data.Assessments, t => t.Authorised, "AssessmentAuthorisationDate"));

        // The DfE's queries on the retired physical and sexual abuse factors: a warning, where an unknown code is an error.
        // New in the DfE's 2024/25 rules (the reference's cin2024_25).
        Add("8945Q", Severity.Warning, "AssessmentFactors 18A should not be used: 18B or 18C should be used instead", "Assessments", FromSex,
            [MethodImpl(Optimized)] (c, r) => c.FactorQuery(r, "18A"));
        Add("8950Q", Severity.Warning, "AssessmentFactors 19A should not be used: 19B or 19C should be used instead", "Assessments", FromSex,
            [MethodImpl(Optimized)] (c, r) => c.FactorQuery(r, "19A"));
        Add("8614", Severity.Error, "Factors are recorded for an assessment that is not authorised (completed)", "Assessments", [MethodImpl(Optimized)] (c, r) =>
        {
            var a = c.Data.Assessments;
            for (var i = 0; i < a.Count; i++)
            {
                if (a.Factors[i].Length > 0 && a.Authorised[i] == RecordValues.Blank)
                {
                    c.ReportCode(r, a.Source[i], "AssessmentFactors", a.Factors[i][0]);
                }
            }
        });

        // CIN plans
        Add("4010", Severity.Error, "CINPlanStartDate is missing or after the census reference date", "CINPlanDates", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.Plans;
            for (var i = 0; i < p.Count; i++)
            {
                var year = c.Year(p.Source[i]);
                if (p.Start[i] == RecordValues.Blank || (year > 0 && Has(p.Start[i]) && p.Start[i] > YearEnd(year)))
                {
                    c.Report(r, p.Source[i], "CINPlanStartDate", Has(p.Start[i]) ? c.Date(p.Start[i]) : null);
                }
            }
        });
        Add("4011", Severity.Error, "CINPlanEndDate is before CINPlanStartDate", "CINPlanDates",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.Plans, t => t.Start, t => t.End, "CINPlanEndDate"));
        Add("4013", Severity.Error, "CINPlanEndDate does not fall within the census year", "CINPlanDates",
            [MethodImpl(Optimized)] (c, r) => c.InCensusYear(r, c.Data.Plans, t => t.End, "CINPlanEndDate"));
        Add("4015", Severity.Error, "CINPlanStartDate is before the referral date", "CINPlanDates",
            [MethodImpl(Optimized)] (c, r) => c.BeforeReferral(r, c.Data.Plans, t => t.Start, "CINPlanStartDate"));
        Add("4004", Severity.Error, "The child has more than one open CIN plan (no CINPlanEndDate)", "CINPlanDates",
            [MethodImpl(Optimized)] (c, r) => c.OpenTwice(r, c.Data.Plans, t => t.Start, t => t.End, "CINPlanStartDate"));

        // Section 47
        Add("2889", Severity.Error, "S47ActualStartDate is before the referral date", "Section47",
            [MethodImpl(Optimized)] (c, r) => c.BeforeReferral(r, c.Data.Section47s, t => t.Start, "S47ActualStartDate"));
        Add("1104", Severity.Error, "DateOfInitialCPC is before the referral date", "Section47",
            [MethodImpl(Optimized)] (c, r) => c.BeforeReferral(r, c.Data.Section47s, t => t.IcpcDate, "DateOfInitialCPC"));
        Add("8615", Severity.Error, "S47ActualStartDate is blank, or DateOfInitialCPC is before it", "Section47", [MethodImpl(Optimized)] (c, r) =>
        {
            c.CheckRequiredDates(r, c.Data.Section47s, t => t.Start, "S47ActualStartDate");
            c.CheckOrder(r, c.Data.Section47s, t => t.Start, t => t.IcpcDate, "DateOfInitialCPC");
        });
        Add("8715", Severity.Error, "DateOfInitialCPC of a section 47 enquiry does not fall within the census year", "Section47",
            [MethodImpl(Optimized)] (c, r) => c.InCensusYear(r, c.Data.Section47s, t => t.IcpcDate, "DateOfInitialCPC"));
        Add("8740", Severity.Error, "A section 47 enquiry with no initial conference by the year end (DateOfInitialCPC blank, ICPCnotRequired false) must start within the census year", "Section47", [MethodImpl(Optimized)] (c, r) =>
        {
            // As the DfE's: an enquiry still waiting for its conference belongs to the census of the year it started in.
            var s = c.Data.Section47s;
            for (var i = 0; i < s.Count; i++)
            {
                var year = c.Year(s.Source[i]);
                if (year > 0 && s.IcpcNotRequired[i] == Flag.No && s.IcpcDate[i] == RecordValues.Blank && Has(s.Start[i])
                    && (s.Start[i] < YearStart(year) || s.Start[i] > YearEnd(year)))
                {
                    c.ReportDate(r, s.Source[i], "S47ActualStartDate", s.Start[i]);
                }
            }
        });
        Add("LS-CIN-ICPC-NOT-REQUIRED", Severity.Error, "ICPCnotRequired is true but DateOfInitialCPC is given", "Section47", [MethodImpl(Optimized)] (c, r) =>
        {
            var s = c.Data.Section47s;
            for (var i = 0; i < s.Count; i++)
            {
                if (s.IcpcNotRequired[i] == Flag.Yes && Has(s.IcpcDate[i]))
                {
                    c.ReportDate(r, s.Source[i], "DateOfInitialCPC", s.IcpcDate[i]);
                }
            }
        });
        Add("LS-CIN-ICPC-WITHOUT-S47", Severity.Error, "The referral has a DateOfInitialCPC but no section 47 enquiry", "CINdetails", [MethodImpl(Optimized)] (c, r) =>
        {
            var f = c.Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                if (Has(f.InitialCpc[i]) && c.Data.Section47s.RowsOfReferral(i).IsEmpty)
                {
                    c.ReportDate(r, f.Source[i], "DateOfInitialCPC", f.InitialCpc[i]);
                }
            }
        });

        // Child protection plans
        Add("8720", Severity.Error, "CPPstartDate is blank", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => c.CheckRequiredDates(r, c.Data.ProtectionPlans, t => t.Start, "CPPstartDate"));
        Add("8925", Severity.Error, "CPPendDate is before CPPstartDate", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => c.CheckOrder(r, c.Data.ProtectionPlans, t => t.Start, t => t.End, "CPPendDate"));
        Add("8930", Severity.Error, "CPPendDate does not fall within the census year", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => c.InCensusYear(r, c.Data.ProtectionPlans, t => t.End, "CPPendDate"));
        Add("1105", Severity.Error, "CPPstartDate is before the referral date", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => c.BeforeReferral(r, c.Data.ProtectionPlans, t => t.Start, "CPPstartDate"));
        Add("8905", Severity.Error, "InitialCategoryOfAbuse is not a valid category (NEG, PHY, SAB, EMO, MUL)", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.ProtectionPlans, t => t.InitialCategory, "InitialCategoryOfAbuse", CodeLists.AbuseCategory, required: false));
        Add("8910", Severity.Error, "LatestCategoryOfAbuse is not a valid category (NEG, PHY, SAB, EMO, MUL)", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => c.CheckCodes(r, c.Data.ProtectionPlans, t => t.LatestCategory, "LatestCategoryOfAbuse", CodeLists.AbuseCategory, required: false));
        Add("8730", Severity.Error, "NumberOfPreviousCPP is blank or negative", "ChildProtectionPlans", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.ProtectionPlans;
            for (var i = 0; i < p.Count; i++)
            {
                if (p.PreviousPlans[i] == RecordValues.Blank || (Has(p.PreviousPlans[i]) && p.PreviousPlans[i] < 0))
                {
                    c.Report(r, p.Source[i], "NumberOfPreviousCPP", p.PreviousPlansAt(i)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        });
        Add("8841", Severity.Error, "A CPPreviewDate is on or before CPPstartDate", "ChildProtectionPlans", [MethodImpl(Optimized)] (c, r) =>
        {
            var p = c.Data.ProtectionPlans;
            for (var i = 0; i < p.Count; i++)
            {
                foreach (var review in p.ReviewDates[i])
                {
                    if (Has(review) && Has(p.Start[i]) && review <= p.Start[i])
                    {
                        c.ReportDate(r, p.Source[i], "CPPreviewDate", review);
                    }
                }
            }
        });
        Add("8935", Severity.Error, "The child has more than one open child protection plan (no CPPendDate)", "ChildProtectionPlans",
            [MethodImpl(Optimized)] (c, r) => c.OpenTwice(r, c.Data.ProtectionPlans, t => t.Start, t => t.End, "CPPstartDate"));

        // The rest of the DfE's CIN rules (docs/validation.md, "Issue 12, the last CIN census rules"): on the header, the children
        // and the census as a whole (CinValidator.Children.cs); on referrals and assessments (CinValidator.Referrals.cs); and on
        // CIN plans, section 47 enquiries and child protection plans (CinValidator.Plans.cs).
        AddChildRules();
        AddReferralRules();
        AddPlanRules();

        Rules = [.. Checks.Select(c => c.Rule)];
    }

    /// <summary>Every CIN rule, in the order they run.</summary>
    public static IReadOnlyList<ValidationRule> Rules { get; }

    // 1530: the LA numbers a UPN's characters 2-4 may be, as the DfE lists them (2023/24 on, with 942 and 943): councils' numbers
    // since April 1998 and the pseudo-LA codes.
    private static readonly (int From, int To)[] UpnLaNumbers =
    [
        (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373), (380, 384), (390, 394), (420, 420),
        (660, 681), (701, 708), (800, 803), (805, 808), (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 841),
        (845, 846), (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916), (919, 919), (921, 921), (925, 926),
        (928, 929), (931, 931), (933, 933), (935, 938), (940, 943),
    ];

    private static readonly System.Buffers.SearchValues<char> AsciiDigits = System.Buffers.SearchValues.Create("0123456789");

    // Character 13 of a UPN: a digit, or a letter other than I, O and S (DfE 1550).
    private static readonly System.Buffers.SearchValues<char> UpnLastCharacters = System.Buffers.SearchValues.Create("0123456789ABCDEFGHJKLMNPQRTUVWXYZ");

    // 1520: a UPN given to more than one child in the same census file. Most UPNs are each one child's (in every census it is in), so
    // a first pass over the records, by UPN code, finds the UPNs of more than one child; only their records are then keyed by file.
    [MethodImpl(Optimized)]
    private static void SharedUpns(Context c, ValidationRule rule)
    {
        var k = c.Data.ChildRecords;
        var children = System.Buffers.ArrayPool<int>.Shared.Rent(c.Codes.Count);
        try
        {
            // Each UPN code's child (plus one; 0: none yet), or -1 once a second child has it.
            Array.Clear(children, 0, c.Codes.Count);
            var shared = false;
            for (var i = 0; i < k.Count; i++)
            {
                var upn = k.Upn[i];
                if (upn == CodeTable.Blank || (uint)upn >= (uint)c.Codes.Count)
                {
                    continue;
                }

                ref var child = ref children[upn];
                if (child == 0)
                {
                    child = k.Child[i] + 1;
                }
                else if (child > 0 && child != k.Child[i] + 1)
                {
                    child = -1;
                    shared = true;
                }
            }

            if (!shared)
            {
                return;
            }

            // The first record of each (file, UPN) of a shared UPN; a later one of another child in the same file is reported.
            var first = new Dictionary<(int File, int Upn), int>();
            for (var i = 0; i < k.Count; i++)
            {
                var upn = k.Upn[i];
                if (upn == CodeTable.Blank || (uint)upn >= (uint)c.Codes.Count || children[upn] != -1)
                {
                    continue;
                }

                if (!first.TryAdd((k.Source[i].File, upn), i) && k.Child[first[(k.Source[i].File, upn)]] != k.Child[i])
                {
                    c.ReportCode(rule, k.Source[i], "UPN", upn);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(children);
        }
    }

    // The checks of a UPN's characters, one a rule: 1510, 1530, 1540 (characters of a UPN long enough to have them: its length is
    // the reader's and 1510's business) and 1550. CheckUpns passes over the child records once for all four (UpnSuspects).
    private static bool WrongCheckLetter(string upn) => UpnCheckLetter(upn) is { } letter && upn[0] != letter;

    private static bool UnknownLa(string upn) => !UpnLaKnown(upn);

    private static bool NotAllDigits(string upn) => upn.Length >= 12 && upn.AsSpan(4, 8).ContainsAnyExcept(AsciiDigits);

    private static bool WrongLastCharacter(string upn) => upn.Length == 13 && !UpnLastCharacters.Contains(upn[12]);

    private static bool AnyUpnCheckFails(string upn) => WrongCheckLetter(upn) || UnknownLa(upn) || NotAllDigits(upn) || WrongLastCharacter(upn);

    private static bool UpnLaKnown(string upn)
    {
        // A UPN too short to have characters 2-4 has no LA number to judge.
        if (upn.Length < 4)
        {
            return true;
        }

        var la = upn.AsSpan(1, 3);
        if (!char.IsAsciiDigit(la[0]) || !char.IsAsciiDigit(la[1]) || !char.IsAsciiDigit(la[2]))
        {
            return false;
        }

        return UpnLaTable[((la[0] - '0') * 100) + ((la[1] - '0') * 10) + (la[2] - '0')];
    }

    // UpnLaNumbers as a table of the 1,000 three-digit numbers: one look-up a UPN (1530 runs on every child record).
    private static readonly bool[] UpnLaTable = BuildUpnLaTable();

    private static bool[] BuildUpnLaTable()
    {
        var table = new bool[1000];
        foreach (var (from, to) in UpnLaNumbers)
        {
            Array.Fill(table, true, from, to - from + 1);
        }

        return table;
    }

    // 2886Q: per census file, the share of child records with the sex unknown (`unknown` or blank) and no expected date of birth,
    // out of every child record, as the DfE's rule counts them; reported once, on the file's first child record.
    [MethodImpl(Optimized)]
    private static void UnknownSexShare(Context c, ValidationRule rule, string unknown, string column)
    {
        foreach (var census in c.CensusFiles.Values)
        {
            // More than 2%: 50 unknowns in 100 × 50 records ... in whole numbers, unknowns × 50 > records.
            var unknowns = census.BornWithNoSex + (unknown == "0" ? census.BornWithSex0 : census.BornWithSexU);
            if (unknowns * 50 > census.Records)
            {
                c.Report(rule, census.First, column, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unknowns} of {census.Records} ({100.0 * unknowns / census.Records:0.0}%)"));
            }
        }
    }

    /// <summary>
    /// What the rules judged over a whole census (2886Q, 2887Q, 2888Q) count in one census file's child records, counted for all
    /// three in one pass (<see cref="Context.CensusFiles"/>).
    /// </summary>
    private sealed class CensusCounts(SourceLocation first)
    {
        /// <summary>The file's first child record: where a finding on the whole census is reported.</summary>
        public SourceLocation First { get; } = first;

        public int Records { get; set; }

        /// <summary>Child records with no ExpectedPersonBirthDate and a blank sex (GenderCurrent or Sex).</summary>
        public int BornWithNoSex { get; set; }

        /// <summary>Child records with no ExpectedPersonBirthDate and GenderCurrent 0 (not known; to 2023/24).</summary>
        public int BornWithSex0 { get; set; }

        /// <summary>Child records with no ExpectedPersonBirthDate and Sex U (from 2024/25).</summary>
        public int BornWithSexU { get; set; }

        /// <summary>The different Disability codes used, NONE aside.</summary>
        public HashSet<int> Disabilities { get; } = [];

        /// <summary>Child records with a Disability code other than NONE.</summary>
        public int Disabled { get; set; }

        /// <summary>The most Disability codes (NONE aside) any child record gives.</summary>
        public int MostDisabilities { get; set; }
    }

    [MethodImpl(Optimized)]
    private static Dictionary<int, CensusCounts> CountCensusFiles(Context c)
    {
        var k = c.Data.ChildRecords;
        var none = c.Codes.Find("NONE");
        var (zero, u) = (c.Codes.Find("0"), c.Codes.Find("U"));
        var files = new Dictionary<int, CensusCounts>();
        CensusCounts? census = null;
        for (var i = 0; i < k.Count; i++)
        {
            var file = k.Source[i].File;
            if (census is null || census.First.File != file)
            {
                if (!files.TryGetValue(file, out census))
                {
                    census = new CensusCounts(k.Source[i]);
                    files.Add(file, census);
                }
            }

            census.Records++;
            if (!Has(k.ExpectedDob[i]))
            {
                var sex = k.Sex[i];
                census.BornWithNoSex += sex == CodeTable.Blank ? 1 : 0;
                census.BornWithSex0 += sex == zero ? 1 : 0;
                census.BornWithSexU += sex == u ? 1 : 0;
            }

            var count = 0;
            foreach (var code in k.Disabilities[i])
            {
                if (code != none && code != CodeTable.Blank)
                {
                    census.Disabilities.Add(code);
                    count++;
                }
            }

            if (count > 0)
            {
                census.Disabled++;
                census.MostDisabilities = Math.Max(census.MostDisabilities, count);
            }
        }

        return files;
    }

    // 8770Q: a child born on or before the day `bornBy` gives for its census's reference date, with a referral in the census that
    // led to further action, needs a UPN or a reason for none other than UN1 (not of school age).
    [MethodImpl(Optimized)]
    private static void UpnExpected(Context c, ValidationRule rule, Func<int, int> bornBy)
    {
        var k = c.Data.ChildRecords;
        var f = c.Data.Referrals;
        var reasons = c.Codes.SetOf("UN2", "UN3", "UN4", "UN5", "UN6", "UN7");
        for (var i = 0; i < k.Count; i++)
        {
            // Most children have a UPN: that is looked at first, the reference date's cut-off last.
            if (k.Upn[i] != CodeTable.Blank || !Has(k.Dob[i]) || reasons.Contains(k.UpnUnknown[i]))
            {
                continue;
            }

            var year = c.Year(k.Source[i]);
            if (year == 0 || !rule.Years.Contains(year) || k.Dob[i] > bornBy(YearEnd(year)))
            {
                continue;
            }

            var referrals = f.RowsOf(k.Child[i]);
            for (var j = referrals.Start; j < referrals.End; j++)
            {
                if (f.Source[j].File == k.Source[i].File && f.Nfa[j] == Flag.No)
                {
                    c.Report(rule, k.Source[i], "UPNunknown", c.Text(k.UpnUnknown[i]));
                    break;
                }
            }
        }
    }

    /// <summary>Runs every rule over <paramref name="data"/>.</summary>
    /// <param name="data">One council's CIN census records.</param>
    /// <param name="collectionYear">The census year to check every row against; null: each row's file's year.</param>
    public static IReadOnlyList<Problem> Validate(CinData data, int? collectionYear = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var context = new Context(data, collectionYear);
        foreach (var (rule, run) in Checks)
        {
            // A rule of other years is not run at all when every row is checked against one year.
            if (collectionYear is not { } year || rule.Years.Contains(year))
            {
                run(context, rule);
            }
        }

        return context.Diagnostics;
    }

    private static void Add(string id, Severity severity, string message, string table, Action<Context, ValidationRule> run) =>
        Add(id, severity, message, table, CollectionYears.All, run);

    // Fields: the names the message speaks of (every message names what it checks), plus any given.
    private static void Add(string id, Severity severity, string message, string table, CollectionYears years, Action<Context, ValidationRule> run, params string[] fields) =>
        Checks.Add((new ValidationRule(id, severity, message, Return, table)
        {
            Years = years,
            Fields = [.. RuleFields.FieldsNamed(message, RuleFields.CinElements).Union(fields, StringComparer.Ordinal).Union(FieldsNotNamed.GetValueOrDefault(id, []), StringComparer.Ordinal)],
        }, run));

    private sealed class Context : ValidationContext
    {
        public Context(CinData data, int? collectionYear)
            : base(data.Files, data.Codes, collectionYear, isoDates: true)
        {
            Data = data;
            Born = new int[data.Children.Count];
            Death = new int[data.Children.Count];
            Array.Fill(Born, RecordValues.Blank);
            Array.Fill(Death, RecordValues.Blank);
            var k = data.ChildRecords;
            for (var i = k.Count - 1; i >= 0; i--)
            {
                var born = Has(k.Dob[i]) ? k.Dob[i] : k.ExpectedDob[i];
                if (Has(born))
                {
                    Born[k.Child[i]] = born;
                }

                if (Has(k.Death[i]))
                {
                    Death[k.Child[i]] = k.Death[i];
                }
            }
        }

        public CinData Data { get; }

        /// <summary>Each child's date of birth, else expected date of birth (blank when neither).</summary>
        public int[] Born { get; }

        public int[] Death { get; }

        /// <summary>Each census file's counts (by file index) for the rules judged over a whole census, counted at the first ask.</summary>
        public Dictionary<int, CensusCounts> CensusFiles => _censusFiles ??= CountCensusFiles(this);

        private Dictionary<int, CensusCounts>? _censusFiles;

        /// <summary>
        /// Reports each child record whose UPN is given and <paramref name="bad"/>, one of the checks of a UPN's characters (1510,
        /// 1530, 1540, 1550), looking only at the <see cref="UpnSuspects"/>: the four rules share one pass over the records.
        /// </summary>
        [MethodImpl(Optimized)]
        public void CheckUpns(ValidationRule rule, Func<string, bool> bad)
        {
            var k = Data.ChildRecords;
            foreach (var i in UpnSuspects)
            {
                if (bad(Text(k.Upn[i])!))
                {
                    ReportCode(rule, k.Source[i], "UPN", k.Upn[i]);
                }
            }
        }

        /// <summary>The child records whose UPN is given and fails any check of its characters, found at the first ask.</summary>
        public List<int> UpnSuspects => _upnSuspects ??= FindUpnSuspects();

        private List<int>? _upnSuspects;

        [MethodImpl(Optimized)]
        private List<int> FindUpnSuspects()
        {
            var k = Data.ChildRecords;
            var found = new List<int>();
            for (var i = 0; i < k.Count; i++)
            {
                if (Text(k.Upn[i]) is { } upn && AnyUpnCheckFails(upn))
                {
                    found.Add(i);
                }
            }

            return found;
        }

        /// <summary>1560Q: reports each child record whose FormerUPN is given and <paramref name="bad"/>.</summary>
        [MethodImpl(Optimized)]
        public void CheckFormerUpns(ValidationRule rule, Func<string, bool> bad)
        {
            var k = Data.ChildRecords;
            for (var i = 0; i < k.Count; i++)
            {
                if (Text(k.FormerUpn[i]) is { } former && bad(former))
                {
                    ReportCode(rule, k.Source[i], "FormerUPN", k.FormerUpn[i]);
                }
            }
        }

        /// <summary>Reports each referral with ReferralNFA true that has a row of <paramref name="modules"/> (a plan, a CP plan ...).</summary>
        [MethodImpl(Optimized)]
        public void ModulesOnNoFurtherAction(ValidationRule rule, ReferralTable modules)
        {
            var f = Data.Referrals;
            for (var i = 0; i < f.Count; i++)
            {
                if (f.Nfa[i] == Flag.Yes && !modules.RowsOfReferral(i).IsEmpty)
                {
                    Report(rule, f.Source[i], "ReferralNFA", "true");
                }
            }
        }

        [MethodImpl(Optimized)]
        public void BeforeReferral<TTable>(ValidationRule rule, TTable table, ColumnOf<TTable> column, string name)
            where TTable : ReferralTable
        {
            var dates = column(table);
            var referralDates = Data.Referrals.ReferralDate;
            for (var i = 0; i < table.Count; i++)
            {
                var referred = referralDates[table.Referral[i]];
                if (Has(dates[i]) && Has(referred) && dates[i] < referred)
                {
                    ReportDate(rule, table.Source[i], name, dates[i]);
                }
            }
        }

        /// <summary>Reports a date that is given but falls outside its row's census year (skipped when the year is unknown).</summary>
        [MethodImpl(Optimized)]
        public void InCensusYear<TTable>(ValidationRule rule, TTable table, ColumnOf<TTable> column, string name)
            where TTable : RecordTable
        {
            var dates = column(table);
            for (var i = 0; i < table.Count; i++)
            {
                var year = Year(table.Source[i]);
                if (year > 0 && Has(dates[i]) && (dates[i] < YearStart(year) || dates[i] > YearEnd(year)))
                {
                    ReportDate(rule, table.Source[i], name, dates[i]);
                }
            }
        }

        /// <summary>Reports a child's row that starts while an earlier row of the same file has no end.</summary>
        [MethodImpl(Optimized)]
        public void OpenTwice<TTable>(ValidationRule rule, TTable table, ColumnOf<TTable> start, ColumnOf<TTable> end, string name)
            where TTable : RecordTable
        {
            var starts = start(table);
            var ends = end(table);
            for (var child = 0; child < Data.Children.Count; child++)
            {
                var rows = table.RowsOf(child);
                var open = -1;
                for (var i = rows.Start; i < rows.End; i++)
                {
                    if (ends[i] != RecordValues.Blank)
                    {
                        continue;
                    }

                    if (open >= 0 && table.Source[open].File == table.Source[i].File)
                    {
                        ReportDate(rule, table.Source[i], name, starts[i]);
                    }

                    open = i;
                }
            }
        }

        /// <summary>Reports an unborn child (ExpectedPersonBirthDate given, PersonBirthDate blank) whose sex is not <paramref name="code"/>.</summary>
        [MethodImpl(Optimized)]
        public void UnbornSex(ValidationRule rule, string element, string code)
        {
            var k = Data.ChildRecords;
            var expected = Codes.Find(code);
            for (var i = 0; i < k.Count; i++)
            {
                if (k.Dob[i] == RecordValues.Blank && Has(k.ExpectedDob[i]) && k.Sex[i] != expected)
                {
                    Report(rule, k.Source[i], element, Text(k.Sex[i]));
                }
            }
        }

        /// <summary>Reports each assessment that records the retired factor <paramref name="factor"/>.</summary>
        [MethodImpl(Optimized)]
        public void FactorQuery(ValidationRule rule, string factor)
        {
            var a = Data.Assessments;
            var retired = Codes.Find(factor);
            for (var i = 0; i < a.Count; i++)
            {
                foreach (var code in a.Factors[i])
                {
                    if (code == retired)
                    {
                        ReportCode(rule, a.Source[i], "AssessmentFactors", code);
                    }
                }
            }
        }

        /// <summary>The latest date of any assessment, plan, enquiry or CP plan of referral <paramref name="referral"/>.</summary>
        [MethodImpl(Optimized)]
        public int LatestActivity(int referral)
        {
            var latest = RecordValues.Blank;
            var a = Data.Assessments;
            var aRows = a.RowsOfReferral(referral);
            for (var i = aRows.Start; i < aRows.End; i++)
            {
                latest = Math.Max(latest, Math.Max(a.Start[i], a.Authorised[i]));
            }

            var p = Data.Plans;
            var pRows = p.RowsOfReferral(referral);
            for (var i = pRows.Start; i < pRows.End; i++)
            {
                latest = Math.Max(latest, Math.Max(p.Start[i], p.End[i]));
            }

            var s = Data.Section47s;
            var sRows = s.RowsOfReferral(referral);
            for (var i = sRows.Start; i < sRows.End; i++)
            {
                latest = Math.Max(latest, Math.Max(s.Start[i], s.IcpcDate[i]));
            }

            var cp = Data.ProtectionPlans;
            var cpRows = cp.RowsOfReferral(referral);
            for (var i = cpRows.Start; i < cpRows.End; i++)
            {
                latest = Math.Max(latest, cp.End[i]);
            }

            return latest;
        }
    }
}
