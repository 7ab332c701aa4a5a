using System.CommandLine;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Validation;
using Microsoft.Extensions.Configuration;

namespace Lodestar.Cli;

/// <summary>
/// The reference lists some 903 rules need (a postcode lookup, Ofsted's providers), configured as the web app's are:
/// the files named by the options when given, else by <c>Lodestar__Reference__Postcodes</c> and
/// <c>Lodestar__Reference__Providers</c> (environment variables of the settings <c>Lodestar:Reference:Postcodes</c> and
/// <c>Lodestar:Reference:Providers</c>); neither: that list is not given, and the rules needing it are not run. The postcode
/// lookup also gives the KPI engine its distances (cla_placed_20_miles), so that every command computing KPIs computes what
/// the web app does.
/// </summary>
internal static class CliReferences
{
    public const string PostcodesKey = "Lodestar:Reference:Postcodes";

    public const string ProvidersKey = "Lodestar:Reference:Providers";

    /// <summary>Reads the lists; a file that cannot be read or has a bad row fails with every problem.</summary>
    public static Result<ValidationReferences> Load(string? postcodes = null, string? providers = null)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return ValidationReferences.Load(postcodes ?? configuration[PostcodesKey], providers ?? configuration[ProvidersKey]);
    }

    /// <summary>
    /// The postcode lookup alone (<see cref="ValidationReferences.Postcodes"/>, null when none is named), for the KPI engine: the
    /// file given, else the setting's. A file that cannot be read or has a bad row fails with every problem (file, line,
    /// column, value).
    /// </summary>
    public static Result<ValidationReferences> LoadPostcodes(string? postcodes = null) =>
        ValidationReferences.Load(postcodes ?? new ConfigurationBuilder().AddEnvironmentVariables().Build()[PostcodesKey], providers: null);

    /// <summary>The <c>--postcodes FILE</c> option of the commands that compute KPIs.</summary>
    public static Option<string?> PostcodesOption() => new("--postcodes")
    {
        Description = "A postcode lookup (the ONS Postcode Directory's CSV, or pcd with oseast1m and osnrth1m or lat and long) for cla_placed_20_miles "
            + "(without one that KPI has no value); default: the setting Lodestar__Reference__Postcodes, as the web app computes.",
        HelpName = "FILE",
    };

    /// <summary>Writes why a postcode lookup was refused, a problem a line (file, line, column, value); the command then exits 2.</summary>
    public static int Refused(TextWriter error, string command, IReadOnlyList<Problem> problems)
    {
        foreach (var problem in problems)
        {
            error.WriteLine($"lodestar {command}: postcode lookup refused: {problem}");
        }

        return 2;
    }
}
