using Lodestar.Cli;

return await LodestarCommand.RunAsync(args);
