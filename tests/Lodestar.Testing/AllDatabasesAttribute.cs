using System.Reflection;
using Lodestar.Data;
using Xunit.Sdk;
using Xunit.v3;

namespace Lodestar.Testing;

/// <summary>
/// Runs a theory once per database provider (SQLite, PostgreSQL): the theory takes a
/// <see cref="DatabaseProvider"/> and creates its <see cref="TestDatabase"/> from it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllDatabasesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite), new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
