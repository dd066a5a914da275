using Ganss.Xss;

namespace RallyNov.Core.Text;

/// <summary>
/// The one place rich text is sanitized: scripts, event handlers and javascript: URLs go,
/// editorial markup stays. Shared because HtmlSanitizer is thread-safe once configured.
/// </summary>
public static class HtmlCleaner
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html).Trim();

    /// <summary>The visible text of an HTML fragment (for validation and search).</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var builder = new System.Text.StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                builder.Append(' ');
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }

        var text = System.Net.WebUtility.HtmlDecode(builder.ToString());
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();

        // Editing state copied from the editor must not be stored.
        sanitizer.AllowedAttributes.Remove("contenteditable");
        sanitizer.AllowedAttributes.Remove("draggable");
        sanitizer.AllowedAttributes.Remove("dropzone");

        // Responsive images and video placeholders, each value checked by RichTextRules.
        foreach (var attribute in RichTextRules.ExtraAttributes)
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.PostProcessNode += (_, e) => RichTextRules.Apply(e.Node);
        return sanitizer;
    }
}
