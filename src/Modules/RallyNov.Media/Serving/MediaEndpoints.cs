using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RallyNov.Media.Imaging;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Serving;

/// <summary>
/// GET (and HEAD) /media/{path} of the current tenant (the prefix is already in PathBase, so each tenant only
/// ever reads its own folder), with ?w=320 for a resized variant. Answers carry validators
/// (ETag, Last-Modified) so browsers revalidate with a 304 instead of downloading again.
/// </summary>
internal static class MediaEndpoints
{
    /// <summary>The SVG itself may carry inline styles, nothing else; sandbox also blocks scripts and navigation.</summary>
    public const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapMethods("/media/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeAsync);

    private static async Task ServeAsync(HttpContext context, string? path, IMediaStore store, IMediaVariantCache variants, IOptions<MediaOptions> options)
    {
        if (!MediaPath.TryParseFile(path, out var relative) || MediaKinds.FromExtension(relative) is var kind && kind == MediaKind.Unknown
            || store.Resolve(relative) is not { } original || !File.Exists(original))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var file = original;
        var contentType = MediaKinds.ContentTypeOf(kind)!;
        var tag = "o";
        if (MediaKinds.HasVariants(kind) && context.Request.Query.TryGetValue("w", out var w))
        {
            // The answer depends on Accept from here on, even when the original ends up served.
            context.Response.Headers.Vary = HeaderNames.Accept;
            var width = MediaVariantCache.Nearest(int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : 400);
            var webp = AcceptsWebP(context.Request);
            // PNG keeps the transparency of PNG originals and of drawn SVG (logos on any background).
            var png = kind is MediaKind.Png or MediaKind.Svg;
            var extension = webp ? ".webp" : png ? ".png" : ".jpg";
            if (variants.GetOrCreate(relative, width, extension) is { } variant)
            {
                file = variant;
                contentType = webp ? "image/webp" : png ? "image/png" : "image/jpeg";
                tag = width.ToString(CultureInfo.InvariantCulture) + extension;
            }
        }

        var info = new FileInfo(file);
        var lastModified = new DateTimeOffset(info.LastWriteTimeUtc.Ticks - (info.LastWriteTimeUtc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var etag = new EntityTagHeaderValue("\"" + info.Length.ToString("x", CultureInfo.InvariantCulture) + "-" + info.LastWriteTimeUtc.Ticks.ToString("x", CultureInfo.InvariantCulture) + "-" + tag + "\"");

        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(options.Value.CacheMaxAgeSeconds) };
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (file == original && kind == MediaKind.Svg)
        {
            // Cleaned on upload; opened on its own (not through <img>), it still may not run or load anything.
            context.Response.Headers.ContentSecurityPolicy = SvgPolicy;
        }

        if (NotModified(context.Request, etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = contentType;
        context.Response.ContentLength = info.Length;
        if (kind == MediaKind.Pdf)
        {
            context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = MediaPath.NameOf(relative) }.ToString();
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    private static bool AcceptsWebP(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("image/webp", StringComparison.OrdinalIgnoreCase));

    private static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var typed = request.GetTypedHeaders();
        // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.1.3).
        if (typed.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return typed.IfModifiedSince is { } since && lastModified <= since;
    }
}
