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

    [Fact]
    public void Responsive_images_keep_site_srcset_sizes_and_lazy_loading()
    {
        const string image = "<img src=\"/bourgogne/media/a.jpg?w=768\" srcset=\"/bourgogne/media/a.jpg?w=480 480w, /bourgogne/media/a.jpg?w=1024 1024w\" sizes=\"(min-width: 50rem) 48rem, 100vw\" alt=\"Salle\" width=\"768\" height=\"512\" loading=\"lazy\">";

        var html = HtmlCleaner.Sanitize(image);

        Assert.Contains("srcset=\"/bourgogne/media/a.jpg?w=480 480w, /bourgogne/media/a.jpg?w=1024 1024w\"", html, StringComparison.Ordinal);
        Assert.Contains("sizes=\"(min-width: 50rem) 48rem, 100vw\"", html, StringComparison.Ordinal);
        Assert.Contains("loading=\"lazy\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=\"/a.jpg\" alt=\"x\" srcset=\"javascript:alert(1) 1x\">", "srcset")]
    [InlineData("<img src=\"/a.jpg\" alt=\"x\" srcset=\"//evil.example/a.jpg 480w\">", "srcset")]
    [InlineData("<img src=\"/a.jpg\" alt=\"x\" srcset=\"/a.jpg 480w\" sizes=\"url(x)\">", "sizes")]
    [InlineData("<img src=\"/a.jpg\" alt=\"x\" loading=\"soon\">", "loading")]
    [InlineData("<p srcset=\"/a.jpg 1x\">x</p>", "srcset")]
    [InlineData("<p contenteditable=\"true\">x</p>", "contenteditable")]
    [InlineData("<figure data-video=\"youtube:javascript\">x</figure>", "data-video")]
    [InlineData("<figure data-video=\"https://evil.example/\">x</figure>", "data-video")]
    [InlineData("<div data-video=\"youtube:dQw4w9WgXcQ\">x</div>", "data-video")]
    [InlineData("<figure data-other=\"1\">x</figure>", "data-other")]
    public void Unsafe_or_unknown_values_of_the_extra_attributes_are_removed(string input, string attribute)
    {
        Assert.DoesNotContain(attribute + "=", HtmlCleaner.Sanitize(input), StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_placeholder_keeps_its_canonical_key_and_its_link()
    {
        var html = HtmlCleaner.Sanitize("<figure data-video=\"youtube:dQw4w9WgXcQ\" contenteditable=\"false\"><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Vidéo YouTube</a></figure>");

        Assert.Equal("<figure data-video=\"youtube:dQw4w9WgXcQ\"><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Vidéo YouTube</a></figure>", html);
    }

    [Fact]
    public void Tables_with_header_cells_are_kept()
    {
        const string table = "<table><thead><tr><th scope=\"col\">Année</th><th scope=\"col\">Lauréats</th></tr></thead><tbody><tr><td>2023</td><td>12</td></tr></tbody></table>";

        Assert.Equal(table, HtmlCleaner.Sanitize(table));
    }
}
