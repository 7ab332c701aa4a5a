namespace Lodestar.Formats.Validation;

/// <summary>A code list; some codes are valid only from or until a collection year.</summary>
internal sealed class CodeList
{
    private static int _made;

    private readonly Dictionary<string, (int From, int Until)> _codes = new(StringComparer.Ordinal);

    public CodeList(params string[] codes)
    {
        Index = Interlocked.Increment(ref _made) - 1;
        foreach (var code in codes)
        {
            _codes[code] = (0, int.MaxValue);
        }
    }

    /// <summary>The list's number, from 0 in the order the lists were made: where a validation keeps what it looked up on it.</summary>
    public int Index { get; }

    /// <summary>Adds codes valid in collection years <paramref name="from"/> to <paramref name="until"/> inclusive.</summary>
    public CodeList With(int from, int until, params string[] codes)
    {
        foreach (var code in codes)
        {
            _codes[code] = (from, until);
        }

        return this;
    }

    /// <summary>The collection years <paramref name="code"/> is valid in, or null when it is not on the list.</summary>
    public (int From, int Until)? YearsOf(string code) => _codes.TryGetValue(code, out var range) ? range : null;

    /// <summary>Whether <paramref name="code"/> is on the list in <paramref name="year"/> (0: any year).</summary>
    public bool IsValid(string code, int year) =>
        _codes.TryGetValue(code, out var range) && (year == 0 || (year >= range.From && year <= range.Until));
}

/// <summary>The code lists of the 903 and the CIN census (docs/domain.md "Codes" and "The Children in Need census", and the DfE guidance).</summary>
internal static class CodeLists
{
    // 1 and 2 to 2023/24; from 2024/25 the 903 records sex as M, F or U.
    public static readonly CodeList Sex = new CodeList().With(0, 2024, "1", "2").With(2025, int.MaxValue, "M", "F", "U");
    public static readonly CodeList Ethnic = new(
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
    public static readonly CodeList ZeroOne = new("0", "1");
    public static readonly CodeList Rne = new("S", "L", "P", "T", "B", "U");
    public static readonly CodeList LegalStatus = new("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3");
    public static readonly CodeList CategoryOfNeed = new("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    // K3 was added when supported accommodation became registered (2024/25); the DfE's 2024/25 list still accepts
    // H5 and P2 (placements that began before), so they go only after it. Z1 was split into Z11-Z14 from 2025/26.
    public static readonly CodeList Place = new CodeList(
            "A3", "A4", "A5", "A6", "K1", "K2", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
            "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6")
        .With(0, 2025, "H5", "P2")
        .With(2025, int.MaxValue, "K3")
        .With(0, 2025, "Z1")
        .With(2026, int.MaxValue, "Z11", "Z12", "Z13", "Z14");

    public static readonly CodeList PlaceProvider = new("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");
    public static readonly CodeList Rec = new CodeList(
            "X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E4A", "E4B", "E41",
            "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9")
        .With(0, 2014, "E43", "E44");

    public static readonly CodeList ReasonPlaceChange = new(
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER");

    public static readonly CodeList ReviewCode = new("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");
    public static readonly CodeList SdqReason = new("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");
    public static readonly CodeList InTouch = new("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");
    public static readonly CodeList Activ = new("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0");
    public static readonly CodeList NbAdoptr = new("1", "2");
    public static readonly CodeList SexAdoptr = new("M1", "F1", "MM", "FF", "MF");
    public static readonly CodeList LsAdoptr = new("L0", "L11", "L12", "L2", "L3", "L4");
    public static readonly CodeList ReasonPlacedCeased = new("RD1", "RD2", "RD3", "RD4");
    public static readonly CodeList PrevPerm = new("P1", "P2", "P3", "P4", "Z1");
    public static readonly CodeList MissingType = new("M", "A");

    // The CIN census's GenderCurrent (0 not known, 1 male, 2 female, 9 not specified) to 2023/24; its Sex (M, F, U) from 2024/25.
    public static readonly CodeList CinGender = new("0", "1", "2", "9");
    public static readonly CodeList CinSex = new("M", "F", "U");
    public static readonly CodeList ReferralSource = new(
        "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");
    public static readonly CodeList PrimaryNeed = new("N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9");
    public static readonly CodeList ReasonForClosure = new("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9");
    public static readonly CodeList AbuseCategory = new("NEG", "PHY", "SAB", "EMO", "MUL");
    public static readonly CodeList Disability = new("NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA");
    public static readonly CodeList AssessmentFactors = new(
        "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C",
        "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A", "18B", "18C",
        "19B", "19C", "20", "21", "22A", "23A", "24A");

    /// <summary>ACCOM: a letter and 1 (suitable) or 2 (unsuitable), or 0 (not known).</summary>
    public static bool IsAccommodation(string code) =>
        code == "0" || (code.Length == 2 && "BCDEGHKRSTUVWXYZ".Contains(code[0], StringComparison.Ordinal) && code[1] is '1' or '2');
}
