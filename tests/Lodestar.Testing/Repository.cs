namespace Lodestar.Testing;

/// <summary>Paths in the repository, found from the test's build folder.</summary>
public static class Repository
{
    /// <summary>The repository's root: the first folder above the build output holding Lodestar.slnx.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Lodestar.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Lodestar.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>A file the repository ships, e.g. <c>File("samples", "actions", "x.yaml")</c>; fails the test when it is missing.</summary>
    public static string File(params string[] segments)
    {
        var path = Path.Combine([Root(), .. segments]);
        Assert.True(System.IO.File.Exists(path), $"{Path.Combine(segments)} is missing from the repository.");
        return path;
    }
}
