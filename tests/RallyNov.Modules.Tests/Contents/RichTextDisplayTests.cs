using RallyNov.Contents.Display;

namespace RallyNov.Modules.Tests.Contents;

/// <summary>Stored rich text as the public site shows it: video placeholders become click-to-load previews.</summary>
public sealed class RichTextDisplayTests
{
    [Fact]
    public void A_video_placeholder_becomes_a_preview_that_names_its_provider_and_embeds_nothing()
    {
        var html = RichTextHtmlExtensions.WithVideoPreviews(
            "<p>Avant</p><figure data-video=\"vimeo:76979871\"><a href=\"https://vimeo.com/76979871\">Vidéo Vimeo</a></figure><p>Après</p>");

        Assert.StartsWith("<p>Avant</p><figure class=\"video-embed\" data-video-embed=\"https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1\" data-video-title=\"Vidéo Vimeo\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"video-embed-provider\">Vidéo Vimeo</p>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" class=\"video-embed-play\" hidden=\"\">Lire la vidéo Vimeo</button>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://vimeo.com/76979871\">Voir la vidéo sur Vimeo</a>", html, StringComparison.Ordinal);
        Assert.EndsWith("<p>Après</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_with_a_key_that_is_not_canonical_stays_a_plain_link()
    {
        var html = RichTextHtmlExtensions.WithVideoPreviews("<figure data-video=\"youtube:x\"><a href=\"https://example.org/\">lien</a></figure>");

        Assert.Equal("<figure><a href=\"https://example.org/\">lien</a></figure>", html);
    }
}
