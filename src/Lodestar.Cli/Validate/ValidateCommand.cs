using System.CommandLine;
using System.Text.Json;
using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Formats.Text;
using Lodestar.Formats.Validation;
using Spectre.Console;

namespace Lodestar.Cli.Validate;

/// <summary>
/// <c>lodestar validate PATH... [--year YYYY] [--format text|json] [--council CODE] [--max-file-mb N] [--postcodes FILE] [--providers FILE]</c>:
/// reads SSDA903 and CIN census files (folders searched recursively for .csv and .xml, each identified
/// by its content) and reports every finding, and the rules that could not run (no previous year's return, no
/// reference list). Exit 0: no errors (warnings allowed); 1: data errors; 2: a file (a return's or a reference
/// list's) could not be read or recognised, or the command was misused.
/// </summary>
internal static class ValidateCommand
{
    public const int Ok = 0;
    public const int DataErrors = 1;
    public const int Unreadable = 2;

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Files or folders; folders are searched recursively for .csv and .xml files.",
        };
        // --year and --format are checked here rather than by the parser, so that misuse exits 2 like unreadable input.
        var year = new Option<string?>("--year")
        {
            Description = "Collection year to check against (e.g. 2025 for April 2024 to March 2025); default: each file's own year.",
        };
        var format = new Option<string>("--format")
        {
            Description = "text (default) or json: {\"findings\": [{\"file\",\"line\",\"column\",\"value\",\"rule\",\"severity\",\"message\"}], \"not_run\": [{\"rule\",\"council\",\"collection_year\",\"reason\"}]}; with --rules also markdown.",
            DefaultValueFactory = _ => "text",
        };
        var council = new Option<string?>("--council")
        {
            Description = "Council code for every file (e.g. E10000003); default: from each file's folder names.",
        };
        var maxFileMb = new Option<long?>("--max-file-mb")
        {
            Description = "Refuse files larger than this many MiB (default 512).",
        };

        var postcodes = new Option<string?>("--postcodes")
        {
            Description = "A postcode lookup (the ONS Postcode Directory's CSV, or pcd with lat and long or oseast1m and osnrth1m) for the 903 rules "
                + "on the placement's country, council and distance from home (218, 230, 169, 179, 392c, 420, 454, 1015) and a provider's council (229); "
                + "default: the setting Lodestar__Reference__Postcodes.",
        };
        var providers = new Option<string?>("--providers")
        {
            Description = "Ofsted's provider list (CSV or XLSX: urn, place_codes, provider_codes, postcode, reg_end, la_code) for the 903 URN rules "
                + "(1008, 219, 221, 224, 227, 228, 229); default: the setting Lodestar__Reference__Providers.",
        };

        var rules = new Option<bool>("--rules")
        {
            Description = "Print the rule catalogue (every rule: id, severity, table, years, fields, message) instead of checking files.",
        };

        var command = new Command("validate", "Check SSDA903 (CSV or XML) and CIN census (XML) files against the DfE's data-quality rules.")
        {
            paths, year, format, council, maxFileMb, postcodes, providers, rules,
        };
        command.SetAction(parse => parse.GetValue(rules)
            ? WriteRules(parse.GetRequiredValue(format), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)
            : Run(
            new ValidateRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(year),
                parse.GetRequiredValue(format),
                parse.GetValue(council),
                parse.GetValue(maxFileMb),
                parse.GetValue(postcodes),
                parse.GetValue(providers)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    internal sealed record ValidateRequest(string[] Paths, string? YearText, string Format, string? Council, long? MaxFileMb, string? Postcodes = null, string? Providers = null)
    {
        public int? Year => int.TryParse(YearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
    }

    /// <summary><c>lodestar validate --rules</c>: the catalogue as text, JSON or the markdown docs/validation.md holds.</summary>
    internal static int WriteRules(string format, TextWriter output, TextWriter error)
    {
        switch (format)
        {
            case "markdown":
                output.Write(RuleCatalogue.Markdown());
                return Ok;
            case "text":
                foreach (var rule in RuleCatalogue.Rules)
                {
                    output.WriteLine($"{rule.Return} {rule.Id} {RuleCatalogue.SeverityName(rule.Severity)} [{rule.Table}; {rule.Years}; {string.Join(", ", rule.Fields)}]: {rule.Message}");
                }

                return Ok;
            case "json":
                using (var buffer = new MemoryStream())
                {
                    using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                    {
                        json.WriteStartArray();
                        foreach (var rule in RuleCatalogue.Rules)
                        {
                            json.WriteStartObject();
                            json.WriteString("return", rule.Return);
                            json.WriteString("id", rule.Id);
                            json.WriteString("severity", RuleCatalogue.SeverityName(rule.Severity));
                            json.WriteString("table", rule.Table);
                            json.WriteString("years", rule.Years.ToString());
                            json.WriteStartArray("fields");
                            foreach (var field in rule.Fields)
                            {
                                json.WriteStringValue(field);
                            }

                            json.WriteEndArray();
                            json.WriteString("message", rule.Message);
                            json.WriteBoolean("dfe", rule.DfeNumbered);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }

                return Ok;
            default:
                error.WriteLine($"lodestar validate: --format {format} is not text, json or markdown");
                return Unreadable;
        }
    }

    internal static int Run(ValidateRequest request, TextWriter output, TextWriter error)
    {
        if (request.Paths.Length == 0)
        {
            error.WriteLine("lodestar validate: give at least one PATH (or --rules for the rule catalogue)");
            return Unreadable;
        }

        if (request.YearText is not null && request.Year is not (>= 1990 and <= 2100))
        {
            error.WriteLine($"lodestar validate: --year {request.YearText} is not a collection year (e.g. 2025)");
            return Unreadable;
        }

        if (request.Format is not ("text" or "json"))
        {
            error.WriteLine($"lodestar validate: --format {request.Format} is not text or json");
            return Unreadable;
        }

        if (request.MaxFileMb is <= 0)
        {
            error.WriteLine("lodestar validate: --max-file-mb must be a positive number");
            return Unreadable;
        }

        // A reference list that cannot be read, or has a bad row, is refused whole before any return is read: half a list would
        // pass or fail rows by accident.
        var references = CliReferences.Load(request.Postcodes, request.Providers);
        if (!references.Succeeded)
        {
            foreach (var problem in references.Problems)
            {
                error.WriteLine($"lodestar validate: reference list refused: {problem}");
            }

            return Unreadable;
        }

        var options = new LoadOptions(
            request.Council,
            request.Year,
            request.MaxFileMb is { } mb ? new ReadLimits(mb * 1024 * 1024) : null);
        var (loaded, diagnostics) = LoadWithProgress(request.Paths, options, request.Year, references.Value, output);

        foreach (var refusal in loaded.Refusals)
        {
            error.WriteLine($"lodestar validate: cannot read {refusal.File}: {refusal.Message}");
        }

        if (loaded.FilesRead == 0 && loaded.Refusals.Count == 0)
        {
            error.WriteLine("lodestar validate: no .csv or .xml files found");
            return Unreadable;
        }

        // A rule that could not run is said in every format, never left to look like a pass.
        var notRuns = ReturnValidator.NotRun(loaded, references.Value);
        if (request.Format == "json")
        {
            WriteJson(output, diagnostics, notRuns);
        }
        else
        {
            WriteText(output, diagnostics, loaded.FilesRead);
            foreach (var line in RuleNotRun.Lines(notRuns))
            {
                output.WriteLine(line);
            }
        }

        return loaded.Refusals.Count > 0 ? Unreadable
            : diagnostics.Any(d => d.Severity == Severity.Error) ? DataErrors
            : Ok;
    }

    private static (LoadResult Loaded, IReadOnlyList<Problem> Diagnostics) LoadWithProgress(string[] paths, LoadOptions options, int? year, ValidationReferences references, TextWriter output)
    {
        // Progress only when a person is watching a terminal; redirected or captured output stays quiet.
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            var loaded = StatutoryDataLoader.Load(paths, options);
            return (loaded, ReturnValidator.Validate(loaded, year, references));
        }

        return AnsiConsole.Status().Start("Reading…", status =>
        {
            var loaded = StatutoryDataLoader.Load(paths, options, new Progress<string>(path => status.Status($"Reading {Markup.Escape(Path.GetFileName(path))}")));
            status.Status("Validating…");
            return (loaded, ReturnValidator.Validate(loaded, year, references));
        });
    }

    private static void WriteText(TextWriter output, IReadOnlyList<Problem> diagnostics, int filesRead)
    {
        foreach (var d in diagnostics)
        {
            var severity = d.Severity == Severity.Error ? "error" : "warning";
            var place = d.Column is null ? string.Empty : d.Value is null ? $" {d.Column}" : $" {d.Column}=\"{d.Value}\"";
            output.WriteLine($"{d.File}:{d.Line}: {severity} {d.Rule}{place}: {d.Message}");
        }

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        output.WriteLine($"{filesRead} file{(filesRead == 1 ? "" : "s")} read: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<Problem> diagnostics, IReadOnlyList<RuleNotRun> notRuns)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("file", d.File);
                json.WriteNumber("line", d.Line);
                json.WriteString("column", d.Column);
                json.WriteString("value", d.Value);
                json.WriteString("rule", d.Rule);
                json.WriteString("severity", d.Severity == Severity.Error ? "error" : "warning");
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("not_run");
            foreach (var n in notRuns)
            {
                json.WriteStartObject();
                json.WriteString("rule", n.Rule.Id);
                json.WriteString("council", n.Council);
                json.WriteNumber("collection_year", n.CollectionYear);
                json.WriteString("reason", n.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
