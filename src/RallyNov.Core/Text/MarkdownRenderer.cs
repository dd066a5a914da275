using Markdig;

namespace RallyNov.Core.Text;

/// <summary>Markdown to safe HTML: raw HTML in the source is escaped, then the output is sanitized.</summary>
public static class MarkdownRenderer
{
    /// <summary>Characters of Markdown one field may hold.</summary>
    public const int MaxLength = 100_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    /// <summary>
    /// For display: never fails. Markdown that cannot be rendered (too long, too deeply nested)
    /// is shown as its plain text, so one odd field never takes a page down.
    /// </summary>
    public static string ToHtml(string? markdown) =>
        TryToHtml(markdown, CancellationToken.None, out var html, out _) ? html : PlainText(markdown!);

    /// <summary>For saving and previews: the HTML, or a French reason ("est trop long…") to follow the field's name.</summary>
    public static bool TryToHtml(string? markdown, CancellationToken cancellationToken, out string html, out string? problem)
    {
        html = "";
        problem = null;
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return true;
        }

        if (markdown.Length > MaxLength)
        {
            problem = $"est trop long : {MaxLength.ToString("#,0", new System.Globalization.NumberFormatInfo { NumberGroupSeparator = " " })} caractères au maximum.";
            return false;
        }

        string raw;
        try
        {
            raw = Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than it can render (1 KB of ">" is enough).
            problem = "imbrique trop de citations ou de listes les unes dans les autres. Simplifiez la mise en forme.";
            return false;
        }

        try
        {
            html = HtmlCleaner.Sanitize(raw, cancellationToken);
            return true;
        }
        catch (HtmlTooComplexException ex)
        {
            problem = ex.Message;
            return false;
        }
    }

    private static string PlainText(string markdown)
    {
        var text = markdown.Length > MaxLength ? markdown[..MaxLength] : markdown;
        var encoded = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return "<p>" + XmlText.Strip(encoded) + "</p>";
    }
}
