using Lodestar.Domain.Councils;
using Lodestar.Formats.Generation;

namespace Lodestar.Web.Demo;

/// <summary>The demo council's synthetic returns and Annex A lists: five years of Cambridgeshire (E10000003), deterministic.</summary>
internal static class DemoReturns
{
    /// <summary>The demo council: Cambridgeshire, whose LAC action plan (seed 004) is in the samples.</summary>
    public const string Council = "E10000003";

    /// <summary>What the demo's generation makes: Cambridgeshire, 800 children over 2020/21 to 2024/25, with Annex A, and the deliberate faults when asked.</summary>
    /// <param name="faults">Whether the last year carries the generator's deliberate faults (<see cref="GenerationOptions.Faults"/>).</param>
    public static GenerationOptions Options(bool faults)
    {
        var cambridgeshire = CouncilList.Current.Select((c, i) => (c.Code, i)).Single(c => c.Code == Council).i;
        return new GenerationOptions(councils: 1, childrenPerCouncil: 800, years: 5, yearEnd: 2025, seed: 20250331) { FirstCouncil = cambridgeshire, AnnexA = true, Faults = faults };
    }

    /// <summary>Generates the demo council into the folder when it holds no return file.</summary>
    /// <param name="folder">The returns folder.</param>
    /// <param name="faults">
    /// Whether the last year (2024/25) carries the generator's deliberate faults (<see cref="GenerationOptions.Faults"/>, setting
    /// <c>Lodestar:Demo:Faults</c>), so that the demo's checks have findings to show; without, its returns pass every rule.
    /// </param>
    /// <returns>Whether it generated.</returns>
    public static bool GenerateIfEmpty(string folder, bool faults = false)
    {
        Directory.CreateDirectory(folder);
        var hasFiles = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Any(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
        if (hasFiles)
        {
            return false;
        }

        // Generated beside the folder's contents, then moved in: a start stopped half-way leaves no half-written year.
        var staging = Path.Combine(folder, ".demo-staging");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        SyntheticDataGenerator.Generate(Options(faults), staging);
        foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
        {
            var target = Path.Combine(folder, Path.GetFileName(entry));
            if (Directory.Exists(entry))
            {
                Directory.Move(entry, target);
            }
            else
            {
                File.Move(entry, target);
            }
        }

        Directory.Delete(staging);
        return true;
    }
}
