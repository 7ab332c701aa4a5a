using Lodestar.Application.Kpis;
using Lodestar.Application.Returns;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Formats.Generation;
using Lodestar.Formats.Population;
using Lodestar.Formats.Validation;
using Lodestar.Metrics.Kpis;
using Lodestar.Web.Demo;

namespace Lodestar.Web.Returns;

/// <summary>Where the web app's returns come in at start, and whether the demo council is generated there.</summary>
/// <param name="Folder">Returns taken in at start through submissions: one sub-folder per council code, searched recursively; its population.csv gives the rates' population.</param>
/// <param name="Demo">When the folder holds no file: generate the demo council into it (and submit it as the actor demo).</param>
/// <param name="DemoFaults">
/// Whether the demo council's last year is generated with the generator's deliberate faults (<c>Lodestar:Demo:Faults</c>, default
/// false; docs/generator.md, "Deliberate faults"), so that the demo's check reports have findings to show.
/// </param>
internal sealed record ReturnsOptions(string Folder, bool Demo, bool DemoFaults = false);

internal static class StatutoryDataServices
{
    /// <summary>Who the returns folder's submissions are by, in the audit log (the demo's are by <c>demo</c>).</summary>
    public const string FolderActor = "returns-folder";

    /// <summary>The setting naming the postcode lookup file (docs/validation.md, "Issue 12, reference lists").</summary>
    public const string PostcodesKey = "Lodestar:Reference:Postcodes";

    /// <summary>The setting naming Ofsted's provider list file.</summary>
    public const string ProvidersKey = "Lodestar:Reference:Providers";

    /// <summary>The setting that has the demo council generated with deliberate faults (<see cref="ReturnsOptions.DemoFaults"/>).</summary>
    public const string DemoFaultsKey = "Lodestar:Demo:Faults";

    /// <summary>
    /// Registers the store, built at first use from the database (<see cref="LoadStatutoryData"/>; the app
    /// builds it at start when it migrates, so a start does not touch an unreachable database), with the
    /// population estimates of <c>population.csv</c> in <c>Lodestar:Returns:Folder</c> and the distances of the postcode
    /// lookup of <c>Lodestar:Reference:Postcodes</c> (cla_placed_20_miles); and the submissions
    /// use case, which refreshes the store after a confirmation or roll-back and checks 903 returns with the reference
    /// lists of <c>Lodestar:Reference</c> (<see cref="LoadReferences"/>); and the poll that refreshes it after one made by
    /// another process (<see cref="ModelRefresh"/>).
    /// </summary>
    public static void AddStatutoryData(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var folder = Path.GetFullPath(configuration["Lodestar:Returns:Folder"] ?? Path.Combine(dataFolder, "returns"), Environment.CurrentDirectory);
        var options = new ReturnsOptions(folder, configuration.GetValue("Lodestar:Demo:Enabled", false), configuration.GetValue(DemoFaultsKey, false));
        services.AddSingleton(options);
        services.AddSingleton(sp => ReturnsFolderReady.Prepare(sp.GetRequiredService<ReturnsOptions>()));
        services.AddSingleton(LoadStatutoryData);
        var uploads = DataUploadOptions.From(configuration);
        services.AddSingleton(uploads);
        // The configured lists are read here, so a bad file stops the start before anything is served; the demo's own
        // (generated with its returns) are read once the demo is in the folder (DemoReferences).
        var configured = LoadReferences(configuration);
        services.AddSingleton(sp => DemoReferences(configured, sp.GetRequiredService<ReturnsFolderReady>()));
        services.AddScoped(sp => new Submissions(
            sp.GetRequiredService<LodestarDbContext>(),
            sp.GetRequiredService<AuditLog>(),
            sp.GetRequiredService<TimeProvider>(),
            uploads.Limits,
            sp.GetRequiredService<StatutoryDataStore>(),
            sp.GetRequiredService<ValidationReferences>()));
        services.AddScoped<ChildLevelKpis>();
        services.AddHostedService<ModelRefresh>();
    }

    /// <summary>
    /// The reference lists some 903 rules need, from the settings <c>Lodestar:Reference:Postcodes</c> and
    /// <c>Lodestar:Reference:Providers</c> (file paths, relative to the working folder); a list not set is not given, and
    /// the rules needing it are stored as not run with each submission. Read once, at start: a file that cannot be read or
    /// has a bad row stops the start, naming the file, row, column and value, rather than checking returns with half a list.
    /// </summary>
    private static ValidationReferences LoadReferences(IConfiguration configuration)
    {
        static string? PathOf(string? setting) => string.IsNullOrWhiteSpace(setting) ? null : Path.GetFullPath(setting, Environment.CurrentDirectory);
        var read = ValidationReferences.Load(PathOf(configuration[PostcodesKey]), PathOf(configuration[ProvidersKey]));
        return read.Succeeded ? read.Value
            : throw new InvalidOperationException($"The reference lists ({PostcodesKey}, {ProvidersKey}) cannot be used: {string.Join("; ", read.Problems)}");
    }

    /// <summary>
    /// The reference lists of a start: those configured, and with the demo on, for a list not configured, the demo's own
    /// invented list that the generator wrote beside its returns (<c>reference/generated-postcodes.csv</c> and
    /// <c>reference/generated-providers.csv</c> in the returns folder), so that the demo's 903 returns are checked by every
    /// rule and its cla_placed_20_miles has a value. The folder is ready first (<see cref="ReturnsFolderReady"/>): the demo in it.
    /// </summary>
    private static ValidationReferences DemoReferences(ValidationReferences configured, ReturnsFolderReady ready)
    {
        var options = ready.Options;
        if (!options.Demo || (configured.Postcodes is not null && configured.Providers is not null))
        {
            return configured;
        }

        static string? Generated(string folder, string file) => Path.Combine(folder, file) is var path && File.Exists(path) ? path : null;
        var read = ValidationReferences.Load(
            configured.Postcodes is null ? Generated(options.Folder, SyntheticDataGenerator.PostcodesFile) : null,
            configured.Providers is null ? Generated(options.Folder, SyntheticDataGenerator.ProvidersFile) : null);
        return read.Succeeded
            ? new ValidationReferences(configured.Postcodes ?? read.Value.Postcodes, configured.Providers ?? read.Value.Providers)
            : throw new InvalidOperationException($"The demo's generated reference lists cannot be used: {string.Join("; ", read.Problems)}");
    }

    /// <summary>
    /// Generates the demo council into an empty returns folder when the demo is on, takes the folder's
    /// files in through submissions (those not submitted before), then builds every council's model from
    /// its confirmed submissions.
    /// </summary>
    private static StatutoryDataStore LoadStatutoryData(IServiceProvider services)
    {
        var ready = services.GetRequiredService<ReturnsFolderReady>();
        var options = ready.Options;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<StatutoryDataStore>();
        if (ready.DemoGenerated)
        {
            logger.LogInformation("Generated the demo council's synthetic returns into the returns folder.");
        }

        var population = Path.Combine(options.Folder, "population.csv");
        // The postcode lookup read once at start for the submission check (LoadReferences) also gives cla_placed_20_miles its
        // distances: one copy in memory (the whole ONSPD is about 100 MB), shared by every page, the API and the stored results.
        var references = services.GetRequiredService<ValidationReferences>();
        var store = new StatutoryDataStore(new KpiOptions
        {
            Population = File.Exists(population) ? PopulationCsvReader.ReadFile(population) : PopulationEstimates.None,
            Distances = references.Postcodes?.Distances,
        });
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LodestarDbContext>();
        // No model to refresh yet: every council's is built once the folder is in. The stored results are computed
        // with the model's engine (its population estimates and postcode lookup), as they are after every later confirmation;
        // the import's last step refreshes those stored with another lookup (or none) than this start's.
        var submissions = new Submissions(
            db, scope.ServiceProvider.GetRequiredService<AuditLog>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(),
            references: references, engine: store.Engine);
        var actor = options.Demo ? DemoContent.Actor : FolderActor;
        var imported = ReturnsFolderImport.ImportAsync(db, submissions, options.Folder, actor).GetAwaiter().GetResult();
        if (imported.Confirmed > 0 || imported.Refused.Count > 0)
        {
            // Counts only: the refusals name files and values, which may be child-level.
            logger.LogInformation(
                "Returns folder taken in through submissions: {Confirmed} confirmed, {Already} submitted before, {Refused} problems.",
                imported.Confirmed, imported.AlreadySubmitted, imported.Refused.Count);
        }

        var councils = ConfirmedReturns.LoadAllAsync(db, store).GetAwaiter().GetResult();
        logger.LogInformation(
            "Built the models of {Councils} councils from their confirmed submissions: {Files} files, {Errors} data errors, {Warnings} warnings.",
            councils, store.FilesRead, store.Errors, store.Warnings);
        return store;
    }
}

/// <summary>
/// The returns folder made ready once a start, before anything reads it: with the demo on, the demo council is generated into
/// it when it holds no return file. The reference lists and the store's start both wait for it, so the folder is walked once.
/// </summary>
internal sealed record ReturnsFolderReady(ReturnsOptions Options, bool DemoGenerated)
{
    public static ReturnsFolderReady Prepare(ReturnsOptions options) => new(options, options.Demo && DemoReturns.GenerateIfEmpty(options.Folder, options.DemoFaults));
}
