using System.Net;
using System.Text.RegularExpressions;
using RallyNov.Integration.Tests.Infrastructure;
using static RallyNov.Integration.Tests.Settings.SettingsSupport;

namespace RallyNov.Integration.Tests.Settings;

/// <summary>« Réglages du site › Page d'accueil »: the public home page follows the chosen sections, their order and the welcome text.</summary>
[Collection(SettingsAppGroup.Name)]
public sealed partial class HomeSettingsTests(SettingsAppFactory app)
{
    private const string Page = "/admin/settings/home";

    [Fact]
    public async Task Sections_moved_and_unticked_and_a_new_welcome_text_change_the_public_home_page()
    {
        using var browser = await AdminAsync(app, "Default");
        var intro = "Bienvenue sur le portail " + Unique() + ".";

        // News up to the first place, one « Monter » at a time (each click saves the form as it is).
        for (var i = 0; i < 10 && SectionIds(await PublicAsync(app, "/"))[0] != "home-news"; i++)
        {
            using var moved = await browser.SubmitAsync(Page, Page, [new("move", "actualites:up")]);
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            Assert.EndsWith("?focus=home-actualites&button=up#home-actualites", moved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal("home-news", SectionIds(await PublicAsync(app, "/"))[0]);

        // Key figures unticked, the welcome text rewritten in two paragraphs.
        var form = HtmlForm.Find(await browser.GetPageAsync(Page), Page, Page);
        var shown = form.Values("Shown").Where(k => k != "chiffres-cles").Select(k => new KeyValuePair<string, string>("Shown", k)).ToList();
        Assert.Contains(shown, s => s.Value == "territoires");
        using (var saved = await browser.SubmitAsync(form, [.. shown, new("Intro", intro + "\r\n\r\nDeuxième paragraphe.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains("Page d'accueil enregistrée", await FollowAsync(browser, saved), StringComparison.Ordinal);
        }

        var home = WebUtility.HtmlDecode(await PublicAsync(app, "/"));
        Assert.DoesNotContain("figures-title", SectionIds(home));
        var hero = home[home.IndexOf("<section class=\"hero\"", StringComparison.Ordinal)..];
        hero = hero[..hero.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains($"<p>{intro}</p>", hero, StringComparison.Ordinal);
        Assert.Contains("<p>Deuxième paragraphe.</p>", hero, StringComparison.Ordinal);
        Assert.DoesNotContain("rally'nov repère les pratiques", hero, StringComparison.Ordinal);

        // Ticked again: back in its place.
        form = HtmlForm.Find(await browser.GetPageAsync(Page), Page, Page);
        using (var again = await browser.SubmitAsync(form, [.. form.Values("Shown").Append("chiffres-cles").Select(k => new KeyValuePair<string, string>("Shown", k))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Contains("figures-title", SectionIds(await PublicAsync(app, "/")));
    }

    [Fact]
    public async Task A_welcome_text_too_long_is_refused_and_kept_in_the_form_with_the_order_as_it_was_left()
    {
        using var browser = await AdminAsync(app, "Bourgogne");
        var text = string.Concat(Enumerable.Repeat("Un texte bien trop long. ", 80));
        var before = await SiteSettingsAsync(app, "Bourgogne");
        var storedOrder = HtmlForm.Find(await browser.GetPageAsync("/bourgogne" + Page), "/bourgogne" + Page, "/bourgogne" + Page).Values("Order").ToList();
        var newsAt = storedOrder.IndexOf("actualites");
        Assert.True(newsAt > 0, "news is not first in Bourgogne's home page yet");

        using var response = await browser.SubmitAsync("/bourgogne" + Page, "/bourgogne" + Page, [new("Intro", text), new("move", "actualites:up")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"1500 caractères au plus pour le texte d'accueil : il en compte {text.Trim().Length}.", page, StringComparison.Ordinal);
        Assert.Matches("id=\"Intro\"[^>]*aria-describedby=\"Intro-hint Intro-error\"[^>]*aria-invalid=\"true\"", page);
        var form = HtmlForm.Find(page, "/bourgogne" + Page, "/bourgogne" + Page);
        Assert.Equal(text, form.Values("Intro").Single());
        Assert.Equal(newsAt - 1, form.Values("Order").ToList().IndexOf("actualites"));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(before, await SiteSettingsAsync(app, "Bourgogne")));
    }

    /// <summary>The ids of the home page's section headings, in page order.</summary>
    private static List<string> SectionIds(string html) =>
        SectionHeading().Matches(html).Select(m => m.Groups[1].Value).Where(id => id != "site-title").ToList();

    [GeneratedRegex("<section class=\"[^\"]*\" aria-labelledby=\"([^\"]+)\"")]
    private static partial Regex SectionHeading();
}
