using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace RallyNov.Contents.Display;

/// <summary>How an image is laid out: its box ratio, the widths offered and the sizes hint.</summary>
/// <param name="Width">Intrinsic width given to the browser (with Height, the box ratio: no layout shift).</param>
/// <param name="Sizes">The sizes attribute: how wide the image is shown at each viewport width.</param>
public sealed record ImageSlot(int Width, int Height, string Sizes, int[] Widths)
{
    /// <summary>A card of a grid: a third of the page on wide screens, the full width on phones.</summary>
    public static readonly ImageSlot Card = new(480, 270, "(min-width: 76rem) 360px, (min-width: 40rem) 45vw, 100vw", [320, 480, 768]);

    /// <summary>The wide picture under a detail page's title.</summary>
    public static readonly ImageSlot Hero = new(1600, 686, "(min-width: 76rem) 1184px, 100vw", [480, 768, 1024, 1600]);

    /// <summary>The home page's illustration beside the welcome text.</summary>
    public static readonly ImageSlot Feature = new(768, 576, "(min-width: 56rem) 480px, 100vw", [480, 768, 1024]);

    /// <summary>A round portrait (laureates).</summary>
    public static readonly ImageSlot Portrait = new(320, 320, "(min-width: 40rem) 192px, 144px", [160, 320]);

    /// <summary>A logo shown whole in a box (partners).</summary>
    public static readonly ImageSlot Logo = new(320, 180, "240px", [160, 320, 480]);
}

/// <summary>
/// Images of content items: the item's own picture through the media library's resized variants
/// (srcset over ?w=…, WebP when the browser accepts it), or a designed fallback of the theme when the
/// item has none. Fallbacks are files of the public theme found by name, most specific first:
/// img/fallback/{kind}-{term}.svg (e.g. theme-mobilite), then img/fallback/{type}.svg, then default.svg.
/// </summary>
public static class ContentImageExtensions
{
    private const string FallbackFolder = "_content/RallyNov.Theme/img/fallback/";
    private static readonly ConcurrentDictionary<string, bool> Exists = new(StringComparer.Ordinal);

    /// <summary>An &lt;img&gt; of a media field with srcset; <paramref name="lazy"/> for images below the fold.</summary>
    public static IHtmlContent MediaImage(this IHtmlHelper html, MediaValue media, ImageSlot slot, string cssClass, bool lazy = true, string? alt = null)
    {
        var url = html.ViewContext.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(html.ViewContext);
        var src = url.MediaUrl(media);
        var srcset = string.Join(", ", slot.Widths.Select(w => $"{src}?w={w.ToString(CultureInfo.InvariantCulture)} {w.ToString(CultureInfo.InvariantCulture)}w"));
        var middle = slot.Widths[Math.Min(1, slot.Widths.Length - 1)];
        return Img(html, $"{src}?w={middle.ToString(CultureInfo.InvariantCulture)}", srcset, slot, cssClass, lazy, alt ?? media.Alt);
    }

    /// <summary>The item's picture, else the theme's fallback for <paramref name="terms"/> (e.g. ("theme", "mobilite")) or its type.</summary>
    public static IHtmlContent ContentImage(this IHtmlHelper html, MediaValue? media, string contentType, ImageSlot slot, string cssClass, bool lazy = true, params (string Kind, string? Term)[] terms)
    {
        if (media is not null)
        {
            return html.MediaImage(media, slot, cssClass, lazy);
        }

        // A fallback only decorates: the title next to it says what the item is.
        return Img(html, FallbackUrl(html, contentType, terms), null, slot, cssClass + " fallback", lazy, "");
    }

    /// <summary>Tenant-relative URL of the most specific fallback picture, with its content hash.</summary>
    public static string FallbackUrl(this IHtmlHelper html, string contentType, params (string Kind, string? Term)[] terms)
    {
        var services = html.ViewContext.HttpContext.RequestServices;
        var files = services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var candidates = terms.Where(t => !string.IsNullOrEmpty(t.Term)).Select(t => $"{t.Kind}-{t.Term}")
            .Append(contentType.ToLowerInvariant())
            .Append("default");
        var name = candidates.FirstOrDefault(c => Exists.GetOrAdd(c, n => files.GetFileInfo(FallbackFolder + n + ".svg").Exists)) ?? "default";
        var versions = services.GetRequiredService<IFileVersionProvider>();
        var pathBase = html.ViewContext.HttpContext.Request.PathBase;
        return versions.AddFileVersionToPath(pathBase, pathBase + "/" + FallbackFolder + name + ".svg");
    }

    private static IHtmlContent Img(IHtmlHelper html, string src, string? srcset, ImageSlot slot, string cssClass, bool lazy, string alt)
    {
        var encoder = html.ViewContext.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>();
        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<img class=\"").AppendHtml(encoder.Encode(cssClass)).AppendHtml("\" src=\"").AppendHtml(encoder.Encode(src)).AppendHtml("\"");
        if (srcset is not null)
        {
            builder.AppendHtml(" srcset=\"").AppendHtml(encoder.Encode(srcset)).AppendHtml("\" sizes=\"").AppendHtml(encoder.Encode(slot.Sizes)).AppendHtml("\"");
        }

        builder.AppendHtml(" width=\"").AppendHtml(slot.Width.ToString(CultureInfo.InvariantCulture))
            .AppendHtml("\" height=\"").AppendHtml(slot.Height.ToString(CultureInfo.InvariantCulture))
            .AppendHtml("\" alt=\"").AppendHtml(encoder.Encode(alt)).AppendHtml("\"");
        builder.AppendHtml(lazy ? " loading=\"lazy\" decoding=\"async\">" : " fetchpriority=\"high\">");
        return builder;
    }
}
