using RallyNov.Core.Text;

namespace RallyNov.Core.Tests.Text;

public sealed class HtmlCleanerTests
{
    [Fact]
    public void Scripts_are_removed_and_paragraphs_kept()
    {
        var html = HtmlCleaner.Sanitize("<p>Une <strong>épicerie</strong> solidaire.</p><script>alert('x')</script><p>Suite</p>");

        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.Contains("<p>Une <strong>épicerie</strong> solidaire.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Suite</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_handlers_are_removed_from_kept_tags()
    {
        var html = HtmlCleaner.Sanitize("<img src=\"https://example.org/a.jpg\" alt=\"Photo\" onerror=\"alert(1)\"><p onclick=\"x()\">Texte</p>");

        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<img", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Photo\"", html, StringComparison.Ordinal);
        Assert.Contains("<p>Texte</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">lien</a>")]
    [InlineData("<a href=\"JavaScript:alert(1)\">lien</a>")]
    [InlineData("<a href=\" javascript:alert(1)\">lien</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">lien</a>")]
    public void Dangerous_urls_are_removed(string input)
    {
        var html = HtmlCleaner.Sanitize(input);

        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lien", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_links_styles_and_forms_are_handled()
    {
        var html = HtmlCleaner.Sanitize(
            "<a href=\"https://rallynov.fr/prix\">Prix</a> <a href=\"mailto:contact@rallynov.fr\">Écrire</a>"
            + "<p style=\"color:red\">Rouge</p><form action=\"/x\"><input name=\"a\"><button>OK</button></form>");

        Assert.Contains("href=\"https://rallynov.fr/prix\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:contact@rallynov.fr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<input", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Empty_input_gives_empty_output(string? input, string expected)
    {
        Assert.Equal(expected, HtmlCleaner.Sanitize(input));
    }

    [Theory]
    [InlineData("<p>Une <em>épicerie</em></p><p>solidaire &amp; locale</p>", "Une épicerie solidaire & locale")]
    [InlineData("<ul><li>a</li><li>b</li></ul>", "a b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void ToPlainText_keeps_visible_words(string? html, string expected)
    {
        Assert.Equal(expected, HtmlCleaner.ToPlainText(html));
    }
}
