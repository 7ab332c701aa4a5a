using System.Globalization;
using System.Runtime.CompilerServices;
using Lodestar.Domain.Problems;
using Lodestar.Metrics.Records;
using static Lodestar.Formats.Validation.ValidationContext;

namespace Lodestar.Formats.Validation;

/// <summary>The DfE's CIN rules on the census header, the children and the census as a whole.</summary>
internal static partial class CinValidator
{
    // The check letters of a UPN (character 1), by the remainder of its weighted sum divided by 23; a letter in character 13
    // (a temporary UPN) counts as its place in the same list.
    private const string UpnCheckLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    // Called from the static constructor, after the rules of CinValidator.cs.
    private static void AddChildRules()
    {
        // Header
        Add("100", Severity.Error, "ReferenceDate is blank or is not 31 March of the census year", "Header", [MethodImpl(Optimized)] (c, r) =>
        {
            var files = c.Data.Files;
            for (var f = 0; f < files.Count; f++)
            {
                var file = files[f];
                var at = new SourceLocation(f, file.HeaderLine);
                var year = c.Year(at);
                if (file.HeaderLine > 0 && year > 0 && file.ReferenceDate != YearEnd(year))
                {
                    c.Report(r, at, "ReferenceDate", Has(file.ReferenceDate) ? c.Date(file.ReferenceDate) : null);
                }
            }
        });

        // Children
        Add("1510", Severity.Error, "UPN is not valid: its character 1 is not the check letter its characters 2-13 give", "Child",
            [MethodImpl(Optimized)] (c, r) => c.CheckUpns(r, WrongCheckLetter));
        Add("1560Q", Severity.Warning, "FormerUPN is not in the UPN's format (13 characters: a letter, 11 digits, then a digit or a letter other than I, O and S): check and amend, or give a reason", "Child",
            [MethodImpl(Optimized)] (c, r) => c.CheckFormerUpns(r, former => !UpnShaped(former)));
        // The DfE's range: from 30 days before the reference date (1 March) to 9 months after it (31 December), both included.
        Add("8530Q", Severity.Warning, "ExpectedPersonBirthDate is outside the range expected for this census (1 March to 31 December of the year the census ends): check and amend, or give a reason", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            for (var i = 0; i < k.Count; i++)
            {
                var year = c.Year(k.Source[i]);
                if (year > 0 && Has(k.ExpectedDob[i])
                    && (k.ExpectedDob[i] < YearEnd(year) - 30 || k.ExpectedDob[i] > DateOnly.FromDayNumber(YearEnd(year)).AddMonths(9).DayNumber))
                {
                    c.ReportDate(r, k.Source[i], "ExpectedPersonBirthDate", k.ExpectedDob[i]);
                }
            }
        });
        Add("8545Q", Severity.Warning, "PersonDeathDate does not fall within the census year: check and amend, or give a reason", "Child",
            [MethodImpl(Optimized)] (c, r) => c.InCensusYear(r, c.Data.ChildRecords, t => t.Death, "PersonDeathDate"));
        Add("8590", Severity.Error, "The child has no CIN episode (CINdetails) in the census", "Child", CollectionYears.All, [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            var f = c.Data.Referrals;
            for (var i = 0; i < k.Count; i++)
            {
                if (FirstReferralInFile(f, k.Child[i], k.Source[i].File, except: null) < 0)
                {
                    c.Report(r, k.Source[i], "LAchildID", c.Data.Children.IdOf(k.Child[i]));
                }
            }
        }, "LAchildID");
        // Every referral of a child whose UPN is unknown as UN7 (a referral with no further action) must have ReferralNFA true.
        Add("8772", Severity.Error, "UPNunknown is UN7 (a referral with no further action) but one of the child's CIN episodes has ReferralNFA other than true", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            var f = c.Data.Referrals;
            var un7 = c.Codes.Find("UN7");
            for (var i = 0; i < k.Count; i++)
            {
                if (un7 != CodeTable.Blank && k.UpnUnknown[i] == un7 && FirstReferralInFile(f, k.Child[i], k.Source[i].File, Flag.Yes) >= 0)
                {
                    c.ReportCode(r, k.Source[i], "UPNunknown", un7);
                }
            }
        });
        Add("8775Q", Severity.Warning, "The child is over 25 (PersonBirthDate more than 25 years before the reference date) and has a CIN episode open after their 25th birthday (CINclosureDate blank or later): check and amend, or give a reason", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            var f = c.Data.Referrals;
            for (var i = 0; i < k.Count; i++)
            {
                var year = c.Year(k.Source[i]);
                if (year == 0 || !Has(k.Dob[i]) || k.Dob[i] >= Birthday(YearEnd(year), -25))
                {
                    continue;
                }

                var turned25 = Birthday(k.Dob[i], 25);
                var rows = f.RowsOf(k.Child[i]);
                for (var j = rows.Start; j < rows.End; j++)
                {
                    if (f.Source[j].File == k.Source[i].File && (!Has(f.ClosureDate[j]) || f.ClosureDate[j] > turned25))
                    {
                        c.ReportDate(r, k.Source[i], "PersonBirthDate", k.Dob[i]);
                        break;
                    }
                }
            }
        });
        Add("8794", Severity.Error, "The child has the same Disability code more than once", "Child", [MethodImpl(Optimized)] (c, r) =>
        {
            var k = c.Data.ChildRecords;
            for (var i = 0; i < k.Count; i++)
            {
                var codes = k.Disabilities[i];
                for (var a = 1; a < codes.Length; a++)
                {
                    if (codes[..a].Contains(codes[a]) && !codes[(a + 1)..].Contains(codes[a]))
                    {
                        c.ReportCode(r, k.Source[i], "Disability", codes[a]);
                    }
                }
            }
        });

        // The census as a whole: one finding for a file, on its first child record.
        Add("2887Q", Severity.Warning, "Fewer than 8 different Disability codes (NONE aside) are used in the census: check and amend, or give a reason", "Child",
            [MethodImpl(Optimized)] (c, r) => DisabilitiesOfCensus(c, r, (distinct, _) => distinct <= 7, (distinct, _) => string.Create(CultureInfo.InvariantCulture, $"{distinct} codes")));
        Add("2888Q", Severity.Warning, "Every child in the census with a disability has only one Disability code: record each of a child's disabilities where possible, or give a reason", "Child",
            [MethodImpl(Optimized)] (c, r) => DisabilitiesOfCensus(c, r, (_, children) => children.Count > 0 && children.Max <= 1, (_, children) => string.Create(CultureInfo.InvariantCulture, $"{children.Count} children, one code each")));
    }

    /// <summary>
    /// The check letter a UPN's characters 2-13 give, or null when the UPN cannot have one: not 13 characters, characters 2-12
    /// not all digits (1530 and 1540's business) or character 13 neither a digit nor a check-table letter (1550's).
    /// </summary>
    internal static char? UpnCheckLetter(string upn)
    {
        if (upn.Length != 13 || upn.AsSpan(1, 11).ContainsAnyExcept(AsciiDigits))
        {
            return null;
        }

        var last = char.IsAsciiDigit(upn[12]) ? upn[12] - '0' : UpnCheckLetters.IndexOf(upn[12], StringComparison.Ordinal);
        if (last < 0)
        {
            return null;
        }

        var sum = last * 13;
        for (var position = 2; position <= 12; position++)
        {
            sum += (upn[position - 1] - '0') * position;
        }

        return UpnCheckLetters[sum % 23];
    }

    // 1560Q: a UPN's shape (its check letter aside): 13 characters, a letter, 11 digits, and a digit or a letter other than I, O and S.
    private static bool UpnShaped(string upn) =>
        upn.Length == 13 && char.IsAsciiLetterUpper(upn[0]) && !upn.AsSpan(1, 11).ContainsAnyExcept(AsciiDigits) && UpnLastCharacters.Contains(upn[12]);

    /// <summary>The first of the child's referrals in the same file whose ReferralNFA is not <paramref name="except"/> (any, when null), or -1.</summary>
    [MethodImpl(Optimized)]
    private static int FirstReferralInFile(CinReferrals f, int child, int file, Flag? except)
    {
        var rows = f.RowsOf(child);
        for (var j = rows.Start; j < rows.End; j++)
        {
            if (f.Source[j].File == file && f.Nfa[j] != except)
            {
                return j;
            }
        }

        return -1;
    }

    // 2887Q and 2888Q: per census file, how many different Disability codes other than NONE are used, and how many each child with a
    // disability has; reported once, on the file's first child record, when `fails` says so.
    private static void DisabilitiesOfCensus(Context c, ValidationRule rule, Func<int, (int Count, int Max), bool> fails, Func<int, (int Count, int Max), string> value)
    {
        foreach (var census in c.CensusFiles.Values)
        {
            var children = (census.Disabled, census.MostDisabilities);
            if (fails(census.Disabilities.Count, children))
            {
                c.Report(rule, census.First, "Disability", value(census.Disabilities.Count, children));
            }
        }
    }
}
