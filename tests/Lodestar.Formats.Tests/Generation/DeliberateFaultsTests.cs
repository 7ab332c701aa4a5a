using System.Globalization;
using System.Text.Json;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Generation;
using Lodestar.Formats.Validation;

namespace Lodestar.Formats.Tests.Generation;

/// <summary>
/// <c>lodestar generate --faults</c> (<see cref="GenerationOptions.Faults"/>): the deliberate mistakes in the last year's returns
/// are each found by the rule they are recorded against, at the recorded file and line, and change nothing else.
/// (That the same options without faults give returns with no error: <c>GeneratedReturnsTests</c>.)
/// </summary>
public sealed class DeliberateFaultsTests : IClassFixture<DeliberateFaultsTests.Runs>
{
    // The catalogue, written out here (docs/generator.md, "Deliberate faults"): each council's faults are these, in this order.
    private static readonly string[] Catalogue =
        ["101", "103", "146", "144", "356", "501", "167", "564", "132", "1510", "1520", "4220", "8750", "8866", "8620", "8832", "LS-CIN-FACTORS-CODE", "8905"];

    private readonly Runs _runs;

    public DeliberateFaultsTests(Runs runs) => _runs = runs;

    /// <summary>The same small run twice with faults and once without.</summary>
    public sealed class Runs : IDisposable
    {
        public static GenerationOptions Options(bool faults) =>
            new(councils: 2, childrenPerCouncil: 300, years: 2, yearEnd: 2025, seed: 3) { Faults = faults };

        public Runs()
        {
            Root = Path.Combine(Path.GetTempPath(), "lodestar-faults-tests", Guid.NewGuid().ToString("N"));
            Result = SyntheticDataGenerator.Generate(Options(faults: true), Faulty);
            SyntheticDataGenerator.Generate(Options(faults: true), Again);
            Clean = SyntheticDataGenerator.Generate(Options(faults: false), Plain);
        }

        public string Root { get; }

        public string Faulty => Path.Combine(Root, "faulty");

        public string Again => Path.Combine(Root, "again");

        public string Plain => Path.Combine(Root, "plain");

        public GenerationResult Result { get; }

        public GenerationResult Clean { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    [Fact]
    public void Faults_EachCouncil_HasTheWholeCatalogueInOrderEachInAnotherChild()
    {
        Assert.Equal(2, _runs.Result.Councils.Count);
        foreach (var council in _runs.Result.Councils)
        {
            Assert.NotNull(council.Faults);
            Assert.Equal(Catalogue, council.Faults.Select(f => f.Rule));
            Assert.Equal(Catalogue.Length, council.Faults.Select(f => f.Child).Distinct().Count());
            Assert.All(council.Faults, f => Assert.True(f.File is "cin/cin_2025.xml" || (f.File.StartsWith("903/", StringComparison.Ordinal) && f.File.EndsWith("_2025.csv", StringComparison.Ordinal)), f.File));
        }
    }

    [Fact]
    public void Validate_FaultyReturns_ReportsEveryFaultByItsRuleAtItsFileLineAndColumn()
    {
        // As lodestar validate DIR --postcodes ... --providers ... reads and checks them.
        var references = ValidationReferences.Load(Path.Combine(_runs.Faulty, SyntheticDataGenerator.PostcodesFile), Path.Combine(_runs.Faulty, SyntheticDataGenerator.ProvidersFile));
        var findings = ReturnValidator.Validate(StatutoryDataLoader.Load([_runs.Faulty]), references: references.Value);

        var missed = new List<string>();
        foreach (var council in _runs.Result.Councils)
        {
            foreach (var fault in council.Faults!)
            {
                var file = Path.Combine(_runs.Faulty, council.CouncilCode, fault.File.Replace('/', Path.DirectorySeparatorChar));
                if (!findings.Any(p => p.Rule == fault.Rule && p.Severity == Severity.Error && p.File == file && p.Line == fault.Line && p.Column == fault.Column))
                {
                    missed.Add($"{council.CouncilCode} {fault}");
                }
            }
        }

        Assert.True(missed.Count == 0, "not reported:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void Generate_TwiceWithFaults_WritesByteIdenticalFiles()
    {
        var files = Directory.GetFiles(_runs.Faulty, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_runs.Faulty, f)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(files, Directory.GetFiles(_runs.Again, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_runs.Again, f)).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(File.ReadAllBytes(Path.Combine(_runs.Faulty, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(_runs.Again, f))), f));
    }

    [Fact]
    public void Faults_ChangeOnlyTheirOwnLinesOfTheLastYear_AndLeaveTheGroundTruth()
    {
        foreach (var council in _runs.Result.Councils)
        {
            var faults = council.Faults!;
            foreach (var file in Directory.GetFiles(Path.Combine(_runs.Plain, council.CouncilCode), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Path.Combine(_runs.Plain, council.CouncilCode), file).Replace(Path.DirectorySeparatorChar, '/');
                if (relative == "truth.json")
                {
                    continue;
                }

                var before = File.ReadAllLines(file);
                var after = File.ReadAllLines(Path.Combine(_runs.Faulty, council.CouncilCode, relative));
                Assert.Equal(before.Length, after.Length);
                var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).Select(i => i + 1).ToList();
                Assert.Equal(faults.Where(f => f.File == relative).Select(f => f.ValueLine).Order(), changed);
            }

            var plain = _runs.Clean.Councils.Single(c => c.CouncilCode == council.CouncilCode);
            Assert.Null(plain.Faults);
            Assert.Equal(plain.Years, council.Years);
        }

        // Without faults truth.json says nothing of them; with them it lists them.
        Assert.DoesNotContain("\"faults\"", File.ReadAllText(Path.Combine(_runs.Plain, "E09000002", "truth.json")), StringComparison.Ordinal);
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(_runs.Faulty, "E09000002", "truth.json")));
        var first = truth.RootElement.GetProperty("faults")[0];
        Assert.Equal("101", first.GetProperty("rule").GetString());
        Assert.Equal("903/header_2025.csv", first.GetProperty("file").GetString());
        Assert.Equal("X", first.GetProperty("value").GetString());
    }

    [Fact]
    public void Faults_AsWritten_AreTheMistakesTheCatalogueDescribes()
    {
        var council = _runs.Result.Councils[0];
        var folder = Path.Combine(_runs.Faulty, council.CouncilCode);
        GeneratedFault Fault(string rule) => council.Faults!.Single(f => f.Rule == rule);
        string[] Row(GeneratedFault fault) => File.ReadAllLines(Path.Combine(folder, fault.File))[fault.ValueLine - 1].Split(',');
        int Col(GeneratedFault fault, string column) => Array.IndexOf(File.ReadAllLines(Path.Combine(folder, fault.File))[0].Split(','), column);
        DateOnly Date(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);

        // Each CSV fault's value is in its row and column, and its row is its child's.
        foreach (var fault in council.Faults!.Where(f => f.Return == "903"))
        {
            Assert.Equal(fault.Line, fault.ValueLine);
            Assert.Equal(fault.Value, Row(fault)[Col(fault, fault.Column)]);
            Assert.Equal(fault.Child, Row(fault)[0]);
            Assert.NotEqual(fault.Original, fault.Value);
        }

        // 356: DEC one day before the episode's own DECOM.
        var dec = Fault("356");
        Assert.Equal(Date(Row(dec)[Col(dec, "DECOM")]).AddDays(-1), Date(dec.Value));

        // 501: DECOM one day before the DEC of the child's episode on the line before, which it used to start on.
        var overlap = Fault("501");
        var previous = File.ReadAllLines(Path.Combine(folder, overlap.File))[overlap.ValueLine - 2].Split(',');
        Assert.Equal(overlap.Child, previous[0]);
        Assert.Equal(previous[Col(overlap, "DEC")], overlap.Original);
        Assert.Equal(Date(overlap.Original).AddDays(-1), Date(overlap.Value));

        // 1520: the UPN is another child's, written in the census as that child's.
        var census = File.ReadAllLines(Path.Combine(folder, "cin", "cin_2025.xml"));
        var shared = Fault("1520");
        Assert.Equal($"<UPN>{shared.Value}</UPN>", census[shared.ValueLine - 1].Trim());
        Assert.Equal(2, census.Count(l => l.Trim() == $"<UPN>{shared.Value}</UPN>"));

        // 1510: the same UPN but for its first character.
        var check = Fault("1510");
        Assert.Equal(check.Original[1..], check.Value[1..]);
        Assert.NotEqual(check.Original[0], check.Value[0]);

        // 8750: the birth date's element renamed; 8620: the day after the census year.
        Assert.StartsWith("<ExpectedPersonBirthDate>", census[Fault("8750").ValueLine - 1].Trim(), StringComparison.Ordinal);
        Assert.Equal("2025-04-01", Fault("8620").Value);
    }
}
