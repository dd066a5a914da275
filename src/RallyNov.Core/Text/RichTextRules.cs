using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace RallyNov.Core.Text;

/// <summary>
/// What <see cref="HtmlCleaner"/> checks beyond its allowlist, on each kept element: responsive
/// images (srcset, sizes, loading) and the video placeholder (<c>&lt;figure data-video="youtube:ID"&gt;</c>).
/// Attribute values that do not pass are removed, never repaired into something else.
/// </summary>
public static partial class RichTextRules
{
    /// <summary>The attribute of the video placeholder: its value is a <see cref="VideoLink.Key"/>.</summary>
    public const string VideoAttribute = "data-video";

    /// <summary>Attributes the cleaner allows on top of HtmlSanitizer's defaults.</summary>
    public static readonly IReadOnlyList<string> ExtraAttributes = ["srcset", "sizes", "loading", VideoAttribute];

    public static void Apply(INode node)
    {
        if (node is not IElement element)
        {
            return;
        }

        if (element.HasAttribute("srcset") && !(element.LocalName == "img" && SafeSrcset(element.GetAttribute("srcset")!)))
        {
            element.RemoveAttribute("srcset");
        }

        if (element.HasAttribute("sizes") && !(element.HasAttribute("srcset") && SafeSizes(element.GetAttribute("sizes")!)))
        {
            element.RemoveAttribute("sizes");
        }

        if (element.HasAttribute("loading") && !(element.LocalName == "img" && element.GetAttribute("loading") is "lazy" or "eager"))
        {
            element.RemoveAttribute("loading");
        }

        if (element.GetAttribute(VideoAttribute) is { } key)
        {
            if (element.LocalName == "figure" && VideoLinks.TryParseKey(key, out var link))
            {
                element.SetAttribute(VideoAttribute, link.Key);
            }
            else
            {
                element.RemoveAttribute(VideoAttribute);
            }
        }
    }

    /// <summary>How many images of a (sanitized) fragment have no text alternative.</summary>
    public static int ImagesWithoutAlt(string html)
    {
        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html);
        return document.Body!.QuerySelectorAll("img").Count(img => string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
    }

    /// <summary>"a.jpg?w=480 480w, a.jpg?w=768 768w": each candidate a site path or an http(s) URL, with a width or density.</summary>
    private static bool SafeSrcset(string srcset)
    {
        if (srcset.Length > 4000)
        {
            return false;
        }

        var candidates = srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return candidates.Length is > 0 and <= 12 && candidates.All(candidate =>
        {
            var parts = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length is 1 or 2
                && (parts.Length == 1 || Descriptor().IsMatch(parts[1]))
                && (parts[0].StartsWith('/') && !parts[0].StartsWith("//", StringComparison.Ordinal) && !parts[0].Contains('\\', StringComparison.Ordinal)
                    || Uri.TryCreate(parts[0], UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
        });
    }

    /// <summary>"(min-width: 50rem) 46rem, 100vw": optional media conditions, then a length; nothing else.</summary>
    private static bool SafeSizes(string sizes) =>
        sizes.Length <= 300 && sizes.Split(',', StringSplitOptions.TrimEntries).All(size => SizeEntry().IsMatch(size));

    [GeneratedRegex("^[0-9]{1,5}(w|(\\.[0-9]+)?x)$")]
    private static partial Regex Descriptor();

    [GeneratedRegex("^((\\([a-z -]+:\\s*[0-9.]+(px|rem|em)\\)|and|or|not| )+ )?[0-9.]+(px|rem|em|vw|vh|%)$")]
    private static partial Regex SizeEntry();
}
