using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Text;

namespace RallyNov.Contents.Display;

/// <summary>
/// Stored rich text as the public site shows it. The HTML was sanitized when it was saved; here each
/// video placeholder (<c>&lt;figure data-video="youtube:ID"&gt;</c>) becomes a preview that names its
/// provider and loads nothing from it: video-embed.js creates the player after the visitor's click.
/// Its style sheet (images, tables, previews) and script are linked once per page, from files.
/// </summary>
public static class RichTextHtmlExtensions
{
    private const string StylesKey = "RallyNov.RichText.Styles";
    private const string ScriptKey = "RallyNov.RichText.VideoScript";

    public static IHtmlContent RichText(this IHtmlHelper html, string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return HtmlString.Empty;
        }

        var builder = new HtmlContentBuilder();
        var items = html.ViewContext.HttpContext.Items;
        if (items.TryAdd(StylesKey, true))
        {
            builder.AppendHtml("<link rel=\"stylesheet\" href=\"" + Asset(html, "css/rich-text.css") + "\">");
        }

        var hasVideo = stored.Contains(RichTextRules.VideoAttribute, StringComparison.Ordinal);
        builder.AppendHtml(hasVideo ? WithVideoPreviews(stored) : stored);
        if (hasVideo && items.TryAdd(ScriptKey, true))
        {
            builder.AppendHtml("<script src=\"" + Asset(html, "js/video-embed.js") + "\" defer></script>");
        }

        return builder;
    }

    /// <summary>Replaces each placeholder by its preview; a placeholder whose key is not canonical becomes its plain link.</summary>
    public static string WithVideoPreviews(string stored)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + stored);
        foreach (var figure in document.Body!.QuerySelectorAll("figure[" + RichTextRules.VideoAttribute + "]").ToList())
        {
            if (VideoLinks.TryParseKey(figure.GetAttribute(RichTextRules.VideoAttribute), out var video))
            {
                figure.OuterHtml = Preview(video);
            }
            else
            {
                figure.RemoveAttribute(RichTextRules.VideoAttribute);
            }
        }

        return document.Body.InnerHtml;
    }

    /// <summary>The preview of a video: its provider named, what loading it means, a button the script shows and a plain link.</summary>
    public static string Preview(VideoLink video)
    {
        var provider = WebUtility.HtmlEncode(video.ProviderName);
        var host = WebUtility.HtmlEncode(video.PlayerHost);
        return "<figure class=\"video-embed\" data-video-embed=\"" + WebUtility.HtmlEncode(video.EmbedUrl) + "\" data-video-title=\"Vidéo " + provider + "\">"
            + "<div class=\"video-embed-frame\">"
            + "<p class=\"video-embed-provider\">Vidéo " + provider + "</p>"
            + "<p class=\"video-embed-note\">Cette vidéo est hébergée par " + provider + ". Rien n'est chargé depuis " + host
            + " avant que vous ne la lanciez : " + provider + " recevra alors votre adresse IP et pourra déposer des cookies.</p>"
            + "<button type=\"button\" class=\"video-embed-play\" hidden>Lire la vidéo " + provider + "</button>"
            + "</div>"
            + "<figcaption><a href=\"" + WebUtility.HtmlEncode(video.WatchUrl) + "\">Voir la vidéo sur " + provider + "</a></figcaption>"
            + "</figure>";
    }

    private static string Asset(IHtmlHelper html, string path)
    {
        var http = html.ViewContext.HttpContext;
        var versions = http.RequestServices.GetRequiredService<IFileVersionProvider>();
        return WebUtility.HtmlEncode(versions.AddFileVersionToPath(http.Request.PathBase, http.Request.PathBase + "/_content/RallyNov.Contents/" + path));
    }
}
