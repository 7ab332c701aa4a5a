using System.CommandLine;
using Lodestar.Application.Packs;
using Lodestar.Application.Returns;
using Lodestar.Application.Scorecards;
using Lodestar.Data;
using Lodestar.Data.Benchmarks;
using Lodestar.Data.Frameworks;

namespace Lodestar.Cli.Packs;

/// <summary>
/// <c>lodestar pack</c>: a framework's board pack for one council and reporting year as PDF, XLSX or HTML
/// (docs/packs.md), from the database and the council's confirmed returns, as the web app builds it.
/// Exit codes: 0 written, 1 unknown framework or council (or one the user has no grant for), 2 misuse.
/// </summary>
internal static class PackCommand
{
    public static Command Create(Func<LodestarDbContext>? openDatabase = null, TimeProvider? clock = null)
    {
        var open = openDatabase ?? CliDatabase.Open;
        var framework = new Option<string>("--framework") { Description = "The framework's id (or --pack, or --config)." };
        var packId = new Option<string>("--pack") { Description = "A configured pack's id, as loaded from samples/packs (docs/packs.md).", HelpName = "ID" };
        var config = new Option<FileInfo>("--config") { Description = "A pack configuration file (YAML, as in samples/packs).", HelpName = "FILE" };
        var council = new Option<string>("--council") { Description = "The council's DfE code (E10000003) or LA number (873).", Required = true };
        var year = CliYear.Required();
        var format = new Option<string>("--format") { Description = "pdf, xlsx or html.", Required = true };
        format.AcceptOnlyFromAmong("pdf", "xlsx", "html");
        var outFile = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true, HelpName = "FILE" };
        var isPublic = new Option<bool>("--public") { Description = "The public version: counts under 5, and percentages of fewer than 5, shown as c." };
        var postcodes = CliReferences.PostcodesOption();
        var user = CliUser.CreateOption();
        var command = new Command(
            "pack",
            "A framework's board pack for one council and year: cover, RAG summary, exceptions, each outcome's measures with "
            + "target, trend, benchmarks and commentary, the action plan's progress and the savings position. "
            + "Reads the council's data as the --user, who needs a grant for the council.")
        {
            framework, packId, config, council, year, format, outFile, isPublic, postcodes, user,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var yearValue = parse.GetValue(year);
            if (CliUser.Required(parse, user, "pack") is not { } userName)
            {
                return LodestarCommand.Misuse;
            }

            var chosenWays = new object?[] { parse.GetValue(framework), parse.GetValue(packId), parse.GetValue(config) }.Count(v => v is not null);
            if (chosenWays != 1)
            {
                await error.WriteLineAsync("give one of --framework ID, --pack ID or --config FILE");
                return LodestarCommand.Misuse;
            }

            var councilText = parse.GetRequiredValue(council);
            var time = clock ?? TimeProvider.System;
            await using var db = open();
            var store = new FrameworkStore(db);
            if (await CliUser.CouncilAsync(db, userName, councilText, time, error, cancel) is not { } chosen)
            {
                return 1;
            }

            // A configured pack: stored by id, or read from a file and checked against its framework.
            Lodestar.Formats.Packs.PackConfig? packConfig = null;
            if (parse.GetValue(config) is { } file)
            {
                var read = await PackConfigs.ReadAsync(db, file.FullName, cancel);
                if (!read.Succeeded)
                {
                    foreach (var problem in read.Problems)
                    {
                        await error.WriteLineAsync(problem.ToString());
                    }

                    return LodestarCommand.Misuse;
                }

                packConfig = read.Value;
            }
            else if (parse.GetValue(packId) is { } id && (packConfig = await PackConfigs.LoadAsync(db, id, cancel)) is null)
            {
                await error.WriteLineAsync($"no configured pack with id '{id}'");
                return 1;
            }

            var frameworkId = packConfig?.Framework ?? parse.GetRequiredValue(framework);

            // The council's model from its confirmed submissions, as the web app builds it at start (its population estimates, and
            // its postcode lookup unless --postcodes names another).
            var lookup = CliReferences.LoadPostcodes(parse.GetValue(postcodes));
            if (!lookup.Succeeded)
            {
                return CliReferences.Refused(error, "pack", lookup.Problems);
            }

            var returns = StatutoryDataStore.From(await ConfirmedReturns.LoadAsync(db, chosen.Code, cancel), CliDatabase.Options(lookup.Value.Postcodes));
            var builder = new BoardPackBuilder(db, new ScorecardService(db, store, new BenchmarkStore(db), returns, time), returns, time);
            var pack = await builder.BuildAsync(
                new PackRequest { FrameworkId = frameworkId, Council = chosen.Code, Year = yearValue, Public = parse.GetValue(isPublic), Config = packConfig }, cancel);
            if (pack is null)
            {
                await error.WriteLineAsync($"no framework with id '{frameworkId}'");
                return 1;
            }

            var target = parse.GetRequiredValue(outFile);
            await using (var stream = File.Create(target.FullName))
            {
                PackFormats.Write(stream, pack, parse.GetRequiredValue(format));
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Wrote the {(pack.IsPublic ? "public " : "")}pack for {pack.Council.Name}, {pack.Period.Describe()}: {pack.Measures.Count()} measures, {pack.Exceptions.Count} exceptions, to {target.Name}.");
            return 0;
        });
        return command;
    }
}
