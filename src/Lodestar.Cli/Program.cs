using Lodestar.Cli;

return await LodestarCommand.Create().Parse(args).InvokeAsync();
