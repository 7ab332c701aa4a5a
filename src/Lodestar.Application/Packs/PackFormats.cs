namespace Lodestar.Application.Packs;

/// <summary>A pack written in one of its formats: the command line's file and the web's download are the same bytes.</summary>
public static class PackFormats
{
    /// <summary>Writes the pack to <paramref name="output"/>: "pdf", "xlsx", or anything else as the stand-alone HTML page (UTF-8).</summary>
    public static void Write(Stream output, BoardPack pack, string format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(pack);
        switch (format)
        {
            case "pdf":
                PackPdf.Write(output, pack);
                break;
            case "xlsx":
                PackXlsx.Write(output, pack);
                break;
            default:
                output.Write(System.Text.Encoding.UTF8.GetBytes(PackHtml.Document(pack)));
                break;
        }
    }
}
