using Lodestar.Data.Councils;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data;

/// <summary>Brings a database up to date: applies migrations, then loads reference data it lacks.</summary>
public static class DatabaseInitializer
{
    public static void Initialize(LodestarDbContext db)
    {
        db.Database.Migrate();
        if (!db.Councils.Any())
        {
            db.Councils.AddRange(CouncilCatalogue.Load());
            db.SaveChanges();
        }
    }
}

/// <summary>The English councils that report to the DfE, as shipped in samples/councils.tsv.</summary>
public static class CouncilCatalogue
{
    public static IReadOnlyList<Council> Load()
    {
        using var stream = typeof(CouncilCatalogue).Assembly.GetManifestResourceStream("Lodestar.Data.councils.tsv")
            ?? throw new InvalidOperationException("The council list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var councils = new List<Council>();
        reader.ReadLine(); // header: code, la_number, name, region
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split('\t');
            councils.Add(new Council { Code = cells[0], LaNumber = cells[1], Name = cells[2], Region = cells[3] });
        }

        return councils;
    }
}
