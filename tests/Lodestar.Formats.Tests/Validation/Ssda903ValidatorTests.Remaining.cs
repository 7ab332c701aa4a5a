using Lodestar.Metrics.Records;

namespace Lodestar.Formats.Tests.Validation;

/// <summary>The cases of the rules of Ssda903Validator.Remaining.cs (205A, 205C, 205D, 191, 215, 1001, 1002), added to <see cref="Cases"/>.</summary>
public sealed partial class Ssda903ValidatorTests
{
    // Child X, UASC born 1 May 2006 (18 on 1 May 2024), with its Header in the 2024 and 2025 returns giving the UASC flags given
    // (none in last year's when lastUasc is null: not in that return), and a UASC row with the DUC given in each return that has one.
    private static Ssda903Builder UascFlags(Ssda903Builder b, string? lastUasc, string uasc, DateOnly? lastDuc = null, DateOnly? duc = null, bool lastRow = false, bool row = false)
    {
        var last = b.AddFile(new SourceFile("903_2024.csv", "903 Header CSV", 2024));
        var now = b.AddFile(new SourceFile("903_2025.csv", "903 Header CSV", 2025));
        if (lastUasc is not null)
        {
            b.Header("X", sex: "M", dob: D(2006, 5, 1), ethnic: "WBRI", upn: "UN2", uasc: lastUasc, at: new SourceLocation(last, 2));
        }

        b.Header("X", sex: "M", dob: D(2006, 5, 1), ethnic: "WBRI", upn: "UN2", uasc: uasc, at: new SourceLocation(now, 2));
        if (lastRow)
        {
            b.Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: lastDuc, at: new SourceLocation(last, 3));
        }

        return row ? b.Uasc("X", sex: "M", dob: D(2006, 5, 1), duc: duc, at: new SourceLocation(now, 3)) : b;
    }

    // Still UASC in both returns: UASC 1 each year, DUC the 18th birthday each year (205B's quiet case).
    private static Ssda903Builder StillUasc(Ssda903Builder b) =>
        UascFlags(b, "1", "1", lastDuc: D(2024, 5, 1), duc: D(2024, 5, 1), lastRow: true, row: true);

    // Care leaver X, born 1 January 2006, with an OC3 row in the 2025 return and, given, an episode from 1 January 2021 ending on
    // the day given (E8); each of the `before` returns before 2025 given (no rows), so that 1001 and 1002 can run.
    private static Ssda903Builder CareLeaver(Ssda903Builder b, int before, DateOnly? left, DateOnly? from = null)
    {
        for (var year = Year - before; year < Year; year++)
        {
            b.AddFile(new SourceFile($"903_{year}.xml", "903 XML", year));
        }

        var now = b.AddFile(new SourceFile("oc3_2025.csv", "903 OC3 CSV", Year));
        X(b, D(2006, 1, 1)).Oc3("X", year: Year, dob: D(2006, 1, 1), inTouch: "YES", activ: "F2", accom: "B1", at: new SourceLocation(now, 2));
        return left is { } day ? Ep(b, from ?? D(2021, 1, 1), dec: day, rec: "E8") : b;
    }

    private static readonly Dictionary<string, (Func<Ssda903Builder, Ssda903Builder> Bad, Func<Ssda903Builder, Ssda903Builder> Good)> RemainingCases = new()
    {
        // UASC last year with DUC the 18th birthday (1 May 2024, as if still UASC), and not this year; quiet when still UASC this year.
        ["205A"] = (b => UascFlags(b, "1", "0", lastDuc: D(2024, 5, 1), lastRow: true), StillUasc),
        // A DUC last year for a child UASC in neither return.
        ["205C"] = (b => UascFlags(b, "0", "0", lastDuc: D(2024, 5, 1), lastRow: true, row: true), StillUasc),
        // UASC this year but not last year, when last year's return had the child; quiet for a child new this year.
        ["205D"] = (b => UascFlags(b, "0", "1", duc: D(2024, 5, 1), row: true), b => UascFlags(b, null, "1", duc: D(2024, 5, 1), row: true)),
        // X looked after since June 2023 (continuously for the 12 months to 31 March 2025), its OC2 row with the health items blank.
        ["191"] = (b => Ep(X(b), D(2023, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, convicted: "0"),
            b => Ep(X(b), D(2023, 6, 1)).Oc2("X", year: Year, dob: D(2010, 5, 1), sdqScore: 12, convicted: "0", immunisations: "1", teethCheck: "1", healthAssessment: "1", substanceMisuse: "0")),
        // A care leaver (left at 17 in December 2023) with an OC2 item for the same year; quiet with none.
        ["215"] = (b => Ep(X(b, D(2007, 2, 1)), D(2021, 1, 1), dec: D(2023, 12, 1), rec: "E8").Oc3("X", year: Year, dob: D(2007, 2, 1), inTouch: "YES", activ: "F2", accom: "B1")
                .Oc2("X", year: Year, dob: D(2007, 2, 1), convicted: "0"),
            b => Ep(X(b, D(2007, 2, 1)), D(2021, 1, 1), dec: D(2023, 12, 1), rec: "E8").Oc3("X", year: Year, dob: D(2007, 2, 1), inTouch: "YES", activ: "F2", accom: "B1")),
        // Looked after from January to December 2021, before the 16th birthday (1 January 2022); quiet when it lasted to June 2022.
        ["1001"] = (b => CareLeaver(b, 7, D(2021, 12, 1)), b => CareLeaver(b, 7, D(2022, 6, 1))),
        // No episode in 2019/20 to 2024/25; quiet with the one from January 2021 to June 2022.
        ["1002"] = (b => CareLeaver(b, 5, null), b => CareLeaver(b, 5, D(2022, 6, 1))),
    };
}
