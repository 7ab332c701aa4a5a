namespace Lodestar.Testing;

/// <summary>
/// Where the real DfE benchmark CSVs (samples/benchmarks/dfe) and the shipped
/// mapping (samples/benchmarks/mapping.yaml) are, found from the test's build folder.
/// </summary>
public static class DfeBenchmarkFiles
{
    /// <summary>The repository's root (see <see cref="Repository.Root"/>).</summary>
    public static string RepositoryRoot() => Repository.Root();

    /// <summary>samples/benchmarks/mapping.yaml.</summary>
    public static string Mapping() => Path.Combine(RepositoryRoot(), "samples", "benchmarks", "mapping.yaml");

    /// <summary>Where the folder of DfE CSVs is: samples/benchmarks/dfe (a copy of ../shared/benchmarks/dfe that the repository ships).</summary>
    public static string FolderPath() => Path.Combine(RepositoryRoot(), "samples", "benchmarks", "dfe");

    /// <summary>Whether the DfE CSVs are there.</summary>
    public static bool Present() => File.Exists(Path.Combine(FolderPath(), "sn_model_2025_wide.csv"));

    /// <summary>The folder of DfE CSVs; skips the test (fails it under CI=true) when it is missing.</summary>
    public static string Folder()
    {
        var folder = FolderPath();
        if (!Present())
        {
            var reason = $"{folder} is missing: the DfE benchmark CSVs (samples/benchmarks/dfe) are needed to run this test.";
            if (Requirements.IsCi)
            {
                Assert.Fail($"CI=true and {reason}");
            }

            Assert.Skip(reason);
        }

        return folder;
    }
}
