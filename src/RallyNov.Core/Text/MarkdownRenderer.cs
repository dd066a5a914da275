using Markdig;

namespace RallyNov.Core.Text;

/// <summary>Markdown to safe HTML: raw HTML in the source is escaped, then the output is sanitized.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : HtmlCleaner.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
