using System.Globalization;
using System.Text;
using System.Text.Json;
using Lodestar.Formats.Actions;

namespace Lodestar.Cli.Actions;

/// <summary>Plain-text tables and JSON for the actions, savings and benefits commands.</summary>
internal static class CliOutput
{
    public static readonly JsonSerializerOptions Json = ActionsJson.Options;

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>A table with a header, columns padded to their widest cell; long text is cut at <paramref name="maxWidth"/>.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, int maxWidth = 60)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => Cut(c ?? "", maxWidth))]));
        var widths = Enumerable.Range(0, header.Count).Select(i => all.Max(r => i < r.Count ? r[i].Length : 0)).ToArray();
        var text = new StringBuilder();
        for (var r = 0; r < all.Count; r++)
        {
            text.AppendLine(string.Join("  ", all[r].Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            if (r == 0)
            {
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        return text.ToString();
    }

    public static string Money(decimal? value) => value is { } v ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly? value) => value is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    private static string Cut(string text, int maxWidth)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= maxWidth ? line : line[..(maxWidth - 1)] + "…";
    }
}
