using Lodestar.Data.Councils;
using Lodestar.Domain.Councils;
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

/// <summary>The English councils today, as shipped in samples/councils.tsv (the former councils it also lists are not reference data).</summary>
internal static class CouncilCatalogue
{
    public static IReadOnlyList<CouncilEntity> Load() =>
        [.. CouncilList.Current.Select(c => new CouncilEntity { Code = c.Code, LaNumber = c.LaNumber, Name = c.Name, Region = c.Region })];
}
