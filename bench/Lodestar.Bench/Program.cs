using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using Lodestar.Formats.Cin;
using Lodestar.Formats.Ssda903;
using Lodestar.Metrics.Records;

// Stopwatch harness for the readers (figures go in docs/benchmarks.md):
//   dotnet run -c Release --project bench/Lodestar.Bench -- read [episodeRows] [cinChildren]
// It writes synthetic files to a temp folder, reads each several times and reports the best run.
if (args.Length == 0 || args[0] != "read")
{
    Console.Error.WriteLine("usage: Lodestar.Bench read [episodeRows (default 1000000)] [cinChildren (default 100000)]");
    return 2;
}

var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var cinChildren = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
var folder = Directory.CreateTempSubdirectory("lodestar-bench-");
try
{
    var csv = Path.Combine(folder.FullName, "episodes.csv");
    File.WriteAllText(csv, Synthetic.Episodes(rows));
    var csvBytes = new FileInfo(csv).Length;
    Console.WriteLine($"903 Episodes CSV: {rows:N0} rows, {csvBytes / 1e6:F1} MB ({Environment.ProcessorCount} logical cores; single-threaded)");

    Report("  phase: read file + decode UTF-8", rows, csvBytes, () =>
        Lodestar.Formats.Text.TextInput.Decode(File.ReadAllBytes(csv)).Length > 0 ? rows : 0);
    var text = File.ReadAllText(csv);
    Report("  phase: tokenise only (CsvCursor)", rows, csvBytes, () =>
    {
        var cursor = new Lodestar.Formats.Text.CsvCursor(text);
        var count = -1;
        while (cursor.Next())
        {
            count++;
        }

        return count;
    });
    Report("  phase: tokenise + intern every field", rows, csvBytes, () =>
    {
        var cursor = new Lodestar.Formats.Text.CsvCursor(text);
        var codes = new CodeTable();
        var count = -1;
        while (cursor.Next())
        {
            for (var i = 0; i < cursor.FieldCount; i++)
            {
                codes.Intern(cursor[i].Trim());
            }

            count++;
        }

        return count;
    });
    Report("Lodestar 903 CSV reader (read + parse + intern)", rows, csvBytes, () =>
    {
        var builder = new Ssda903Builder("E10000003");
        var result = Ssda903CsvReader.Read(csv, builder, 2025, []);
        return result.Refusal is null ? rows : throw new InvalidOperationException(result.Refusal.Message);
    });
    Report("Lodestar 903 CSV reader + Build (sorted columns)", rows, csvBytes, () =>
    {
        var builder = new Ssda903Builder("E10000003");
        Ssda903CsvReader.Read(csv, builder, 2025, []);
        return builder.Build().Episodes.Count;
    });
    Report("CsvHelper 34 reader, every field as a string", rows, csvBytes, () =>
    {
        using var reader = CsvReader.FromFile(csv, new CsvReaderOptions(), FileOptions.SequentialScan);
        var count = 0;
        var length = 0L;
        while (reader.Read())
        {
            for (var i = 0; i < 13; i++)
            {
                length += reader.GetString(i).Length;
            }

            count++;
        }

        return length > 0 ? count : 0;
    });
    Report("CsvHelper 34 reader, every field as a span", rows, csvBytes, () =>
    {
        using var reader = CsvReader.FromFile(csv, new CsvReaderOptions(), FileOptions.SequentialScan);
        var count = 0;
        var length = 0L;
        while (reader.Read())
        {
            for (var i = 0; i < 13; i++)
            {
                length += reader[i].Length;
            }

            count++;
        }

        return length > 0 ? count : 0;
    });

    var xml = Path.Combine(folder.FullName, "cin.xml");
    File.WriteAllText(xml, Synthetic.Cin(cinChildren));
    var xmlBytes = new FileInfo(xml).Length;
    Console.WriteLine();
    Console.WriteLine($"CIN census XML: {cinChildren:N0} children, {xmlBytes / 1e6:F1} MB");
    Report("Lodestar CIN XML reader (read + parse + intern)", cinChildren, xmlBytes, () =>
    {
        var builder = new CinBuilder("E10000003");
        var result = CinXmlReader.Read(xml, builder, []);
        return result.Refusal is null ? builder.Children.Count : throw new InvalidOperationException(result.Refusal.Message);
    });
    Report("XmlReader alone (every node, no work)", cinChildren, xmlBytes, () =>
    {
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        var nodes = 0;
        while (reader.Read())
        {
            nodes++;
        }

        return nodes > 0 ? cinChildren : 0;
    });
    return 0;
}
finally
{
    folder.Delete(recursive: true);
}

static void Report(string name, int items, long bytes, Func<int> run)
{
    run(); // warm-up (JIT, file cache)
    var best = TimeSpan.MaxValue;
    for (var i = 0; i < 5; i++)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        if (run() != items)
        {
            throw new InvalidOperationException($"{name}: wrong count");
        }

        best = watch.Elapsed < best ? watch.Elapsed : best;
    }

    Console.WriteLine($"  {name,-52} {best.TotalMilliseconds,8:F0} ms  {items / best.TotalSeconds / 1e6,6:F2} M items/s  {bytes / best.TotalSeconds / 1e6,7:F1} MB/s");
}

internal static class Synthetic
{
    private static readonly string[] Places = ["U1", "U4", "K2", "R1", "P1", "U6", "A4", "K3"];
    private static readonly string[] Legal = ["C1", "C2", "V2", "E1", "J2"];

    public static string Episodes(int rows)
    {
        var random = new Random(42);
        var text = new StringBuilder(rows * 90);
        text.Append("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n");
        var start = new DateOnly(2019, 4, 1);
        for (var i = 0; i < rows; i++)
        {
            var child = 100000 + (i / 4);
            var decom = start.AddDays(random.Next(0, 2000));
            var open = random.Next(4) == 0;
            var dec = decom.AddDays(random.Next(1, 400));
            text.Append(child).Append(',')
                .Append(decom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(',')
                .Append(i % 4 == 0 ? "S" : "P").Append(',')
                .Append(Legal[random.Next(Legal.Length)]).Append(",N").Append(random.Next(1, 9)).Append(',')
                .Append(Places[random.Next(Places.Length)]).Append(",PR").Append(random.Next(0, 6)).Append(',')
                .Append(open ? "" : dec.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(',')
                .Append(open ? "" : "X1").Append(',')
                .Append(open ? "" : "CARPL").Append(',')
                .Append("AB1 ").Append(random.Next(1, 10)).Append("CD,")
                .Append("EF2 ").Append(random.Next(1, 10)).Append("GH,")
                .Append("SC").Append(100000 + random.Next(0, 3000)).Append("\r\n");
        }

        return text.ToString();
    }

    public static string Cin(int children)
    {
        var random = new Random(7);
        var text = new StringBuilder(children * 1500);
        text.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n      <Collection>CIN</Collection>\n      <Year>2025</Year>\n      <ReferenceDate>2025-03-31</ReferenceDate>\n    </CollectionDetails>\n  </Header>\n  <Children>\n");
        for (var i = 0; i < children; i++)
        {
            var referral = new DateOnly(2024, 4, 1).AddDays(random.Next(0, 300));
            text.Append("    <Child>\n      <ChildIdentifiers>\n")
                .Append("        <LAchildID>C").Append(i).Append("</LAchildID>\n")
                .Append("        <UPN>A").Append(random.NextInt64(100000000000, 999999999999)).Append("</UPN>\n")
                .Append("        <PersonBirthDate>").Append(Iso(new DateOnly(2008, 1, 1).AddDays(random.Next(0, 5000)))).Append("</PersonBirthDate>\n")
                .Append("        <Sex>").Append(random.Next(2) == 0 ? "M" : "F").Append("</Sex>\n")
                .Append("      </ChildIdentifiers>\n      <ChildCharacteristics>\n        <Ethnicity>WBRI</Ethnicity>\n        <Disabilities>\n          <Disability>NONE</Disability>\n        </Disabilities>\n      </ChildCharacteristics>\n")
                .Append("      <CINdetails>\n")
                .Append("        <CINreferralDate>").Append(Iso(referral)).Append("</CINreferralDate>\n")
                .Append("        <ReferralSource>1A</ReferralSource>\n        <PrimaryNeedCode>N1</PrimaryNeedCode>\n")
                .Append("        <CINclosureDate>").Append(Iso(referral.AddDays(60))).Append("</CINclosureDate>\n")
                .Append("        <ReasonForClosure>RC1</ReasonForClosure>\n        <ReferralNFA>false</ReferralNFA>\n")
                .Append("        <Assessments>\n          <AssessmentActualStartDate>").Append(Iso(referral.AddDays(1))).Append("</AssessmentActualStartDate>\n")
                .Append("          <AssessmentAuthorisationDate>").Append(Iso(referral.AddDays(30))).Append("</AssessmentAuthorisationDate>\n")
                .Append("          <FactorsIdentifiedAtAssessment>\n            <AssessmentFactors>2A</AssessmentFactors>\n            <AssessmentFactors>3B</AssessmentFactors>\n          </FactorsIdentifiedAtAssessment>\n        </Assessments>\n")
                .Append("        <Section47>\n          <S47ActualStartDate>").Append(Iso(referral.AddDays(2))).Append("</S47ActualStartDate>\n")
                .Append("          <InitialCPCtarget>").Append(Iso(referral.AddDays(21))).Append("</InitialCPCtarget>\n")
                .Append("          <DateOfInitialCPC>").Append(Iso(referral.AddDays(15))).Append("</DateOfInitialCPC>\n          <ICPCnotRequired>false</ICPCnotRequired>\n        </Section47>\n")
                .Append("        <ChildProtectionPlans>\n          <CPPstartDate>").Append(Iso(referral.AddDays(15))).Append("</CPPstartDate>\n")
                .Append("          <CPPendDate>").Append(Iso(referral.AddDays(55))).Append("</CPPendDate>\n")
                .Append("          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>\n          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>\n")
                .Append("          <Reviews>\n            <CPPreviewDate>").Append(Iso(referral.AddDays(40))).Append("</CPPreviewDate>\n          </Reviews>\n        </ChildProtectionPlans>\n")
                .Append("      </CINdetails>\n    </Child>\n");
        }

        text.Append("  </Children>\n</Message>\n");
        return text.ToString();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
