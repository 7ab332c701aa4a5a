using Lodestar.Web;

var app = LodestarWebApp.Build(args);
await app.RunAsync();
