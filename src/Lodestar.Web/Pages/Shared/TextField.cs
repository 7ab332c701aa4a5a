namespace Lodestar.Web.Pages.Shared;

/// <summary>A GOV.UK text input with its label and its error from model state (partial _TextField).</summary>
internal sealed record TextField(string Name, string Label, string? Value, string Type = "text", string Autocomplete = "off");
