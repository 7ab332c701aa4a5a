using System.CommandLine;
using Lodestar.Domain.Periods;

namespace Lodestar.Cli;

/// <summary>
/// The <c>--year</c> option of the commands that take a DfE reporting year as a number (pack, sign-off, scorecard,
/// scorecard national): one description, and one check that it is a year <see cref="Period"/> can build, made when the
/// command line is parsed, so a bad year exits 2 with the parser's message before anything is read.
/// </summary>
internal static class CliYear
{
    private const string Description = "The DfE reporting year: 2025 is 2024-04-01 to 2025-03-31.";

    /// <summary>A required <c>--year YYYY</c>.</summary>
    public static Option<int> Required()
    {
        var option = new Option<int>("--year") { Description = Description, Required = true, HelpName = "YYYY" };
        option.Validators.Add(result => Check(result, result.GetValueOrDefault<int>()));
        return option;
    }

    /// <summary>An optional <c>--year YYYY</c>, for a command that can take the period another way.</summary>
    public static Option<int?> Optional()
    {
        var option = new Option<int?>("--year") { Description = Description, HelpName = "YYYY" };
        option.Validators.Add(result => Check(result, result.GetValueOrDefault<int?>()));
        return option;
    }

    private static void Check(System.CommandLine.Parsing.OptionResult result, int? year)
    {
        if (year is { } value && !Period.IsYear(value))
        {
            result.AddError($"--year: {value} is not a year ({Period.FirstYear} to {Period.LastYear})");
        }
    }
}
