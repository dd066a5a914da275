using RallyNov.Core.Text;

namespace RallyNov.Core.Tests.Text;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Markdown_becomes_html()
    {
        var html = MarkdownRenderer.ToHtml("Un **prix** pour l'*innovation sociale*.\n\n- Dijon\n- Besançon");

        Assert.Contains("<strong>prix</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>innovation sociale</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Dijon</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_is_escaped_not_rendered()
    {
        var html = MarkdownRenderer.ToHtml("Avant <script>alert(1)</script> après <b onclick=\"x()\">gras</b>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Javascript_links_are_not_clickable()
    {
        var html = MarkdownRenderer.ToHtml("[cliquez](javascript:alert(1)) et [site](https://rallynov.fr)");

        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://rallynov.fr\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Empty_markdown_gives_empty_html(string? markdown)
    {
        Assert.Equal("", MarkdownRenderer.ToHtml(markdown));
    }
}
