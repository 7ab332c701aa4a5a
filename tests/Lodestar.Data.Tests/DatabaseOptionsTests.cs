using Microsoft.Extensions.Configuration;

namespace Lodestar.Data.Tests;

public sealed class DatabaseOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void FromConfiguration_NothingSet_UsesSqliteFileInDataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lodestar-tests", Guid.NewGuid().ToString("N"));

        var options = DatabaseOptions.FromConfiguration(Config(), folder);

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Contains(Path.Combine(folder, "lodestar.db"), options.ConnectionString, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder), "the data folder is created");
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    public void FromConfiguration_PostgresWithConnectionString_ChoosesPostgres(string provider)
    {
        var options = DatabaseOptions.FromConfiguration(
            Config(("Lodestar:Database:Provider", provider), ("Lodestar:Database:ConnectionString", "Host=127.0.0.1")),
            Path.GetTempPath());

        Assert.Equal(DatabaseProvider.Postgres, options.Provider);
        Assert.Equal("Host=127.0.0.1", options.ConnectionString);
    }

    [Fact]
    public void FromConfiguration_PostgresWithoutConnectionString_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.FromConfiguration(Config(("Lodestar:Database:Provider", "postgres")), Path.GetTempPath()));

        Assert.Contains("Lodestar:Database:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_UnknownProvider_NamesTheValue()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.FromConfiguration(Config(("Lodestar:Database:Provider", "oracle")), Path.GetTempPath()));

        Assert.Contains("'oracle'", error.Message, StringComparison.Ordinal);
    }
}
