using Lodestar.Domain.Problems;
using Lodestar.Formats.Validation;
using Microsoft.Extensions.Configuration;

namespace Lodestar.Cli;

/// <summary>
/// The reference lists some 903 rules need (a postcode lookup, Ofsted's providers), configured as the web app's are:
/// the files named by the options when given, else by <c>Lodestar__Reference__Postcodes</c> and
/// <c>Lodestar__Reference__Providers</c> (environment variables of the settings <c>Lodestar:Reference:Postcodes</c> and
/// <c>Lodestar:Reference:Providers</c>); neither: that list is not given, and the rules needing it are not run.
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
}
