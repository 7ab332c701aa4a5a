using Lodestar.Formats.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Lodestar.Web.Returns;

/// <summary>
/// The limit on one upload to a council's Data page (<c>Lodestar:Returns:MaxUploadMb</c>, default 512, the
/// read limit's default): the whole request, the multipart form, and each file read (<see cref="ReadLimits"/>).
/// </summary>
internal sealed record DataUploadOptions(long MaxBytes)
{
    public long MaxMb => MaxBytes / (1024 * 1024);

    public ReadLimits Limits => new(MaxBytes);

    public static DataUploadOptions From(IConfiguration configuration) =>
        new(Math.Max(1, configuration.GetValue("Lodestar:Returns:MaxUploadMb", 512L)) * 1024 * 1024);
}

internal static class DataUploads
{
    /// <summary>
    /// Sets the upload limit on the Data page's upload (a POST to <c>/councils/{code}/data</c>) before
    /// anything reads the form, in place of Kestrel's 30 MB and the form's 128 MB defaults; a request that
    /// says it is larger is answered 413 at once, which the status pages show as a page that says why.
    /// </summary>
    public static void UseDataUploadLimit(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DataUploadOptions>();
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && IsUpload(context.Request.Path))
            {
                if (context.Request.ContentLength > options.MaxBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    context.Response.Headers.Connection = "close";
                    return;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = options.MaxBytes;
                }

                context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
                {
                    // Above the request's own limit, so that one always stops an upload first (a 413 below).
                    MultipartBodyLengthLimit = options.MaxBytes + (1024 * 1024),
                    ValueCountLimit = 100,
                }));

                // A body that did not say its length (chunked) is stopped at the limit while the form is read:
                // read it here, so that too gets the page that says why rather than the antiforgery check's 400.
                // The form is kept for the page (and its antiforgery check), which read it anyway.
                if (context.Request.HasFormContentType)
                {
                    try
                    {
                        await context.Request.ReadFormAsync(context.RequestAborted);
                    }
                    catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                    {
                        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                        context.Response.Headers.Connection = "close";
                        return;
                    }
                }
            }

            await next();
        });
    }

    // /councils/{code}/data, the one upload address.
    private static bool IsUpload(PathString path)
    {
        var segments = (path.Value ?? "").Trim('/').Split('/');
        return segments.Length == 3 && segments[0].Equals("councils", StringComparison.OrdinalIgnoreCase) && segments[2].Equals("data", StringComparison.OrdinalIgnoreCase);
    }
}
