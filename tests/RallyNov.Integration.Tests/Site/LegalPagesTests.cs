using System.Net;
using AngleSharp.Html.Parser;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// The pages a public site owes its visitors (mentions légales, accessibilité, données personnelles,
/// plan du site) exist in every tenant from its recipe, are linked from every footer, and the
/// site map is generated from the menus and the published content.
/// </summary>
public sealed class LegalPagesTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Prefixes() => new(SiteAppFactory.Prefixes);

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Every_footer_links_the_legal_pages_and_every_footer_link_answers_200(string prefix)
    {
        using var client = factory.CreateClient();
        var (status, html) = await SitePages.GetAsync(client, prefix + "/");
        Assert.Equal(HttpStatusCode.OK, status);

        var footer = Parser.ParseDocument(html).QuerySelector("footer.site-footer")!;
        var links = footer.QuerySelectorAll("a[href]").Select(a => (Text: a.TextContent.Trim(), Href: a.GetAttribute("href")!)).ToList();
        foreach (var (slug, title) in new[] { ("mentions-legales", "Mentions légales"), ("accessibilite", "Déclaration d'accessibilité"), ("donnees-personnelles", "Données personnelles"), ("plan-du-site", "Plan du site") })
        {
            Assert.Contains((title, $"{prefix}/pages/{slug}"), links);
        }

        foreach (var (_, href) in links.Where(l => l.Href.StartsWith('/')))
        {
            var (linkStatus, _) = await SitePages.GetAsync(client, href);
            Assert.True(linkStatus == HttpStatusCode.OK, $"{href} (footer of '{prefix}/') answered {linkStatus}");
        }
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task The_accessibility_statement_follows_the_RGAA_model_and_the_privacy_page_names_retention_and_cookies(string prefix)
    {
        using var client = factory.CreateClient();
        var (_, accessibility) = await SitePages.GetAsync(client, prefix + "/pages/accessibilite");
        var text = WebUtility.HtmlDecode(accessibility);
        Assert.Contains("RGAA", text, StringComparison.Ordinal);
        Assert.Contains("État de conformité", text, StringComparison.Ordinal);
        Assert.Contains("Retour d'information et contact", text, StringComparison.Ordinal);
        Assert.Contains("Défenseur des droits", text, StringComparison.Ordinal);

        var (_, privacy) = await SitePages.GetAsync(client, prefix + "/pages/donnees-personnelles");
        text = WebUtility.HtmlDecode(privacy);
        Assert.Contains("aucun cookie de mesure d'audience", text, StringComparison.Ordinal);
        Assert.Contains("douze mois après la décision", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task The_site_map_lists_the_menu_sections_with_their_items_the_pages_and_the_services(string prefix)
    {
        using var client = factory.CreateClient();
        var (_, home) = await SitePages.GetAsync(client, prefix + "/");
        var menu = Parser.ParseDocument(home).QuerySelectorAll("nav.main-nav a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(menu);

        var (status, html) = await SitePages.GetAsync(client, prefix + "/pages/plan-du-site");
        Assert.Equal(HttpStatusCode.OK, status);
        var map = Parser.ParseDocument(html).QuerySelector("nav.site-map")!;
        var hrefs = map.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToHashSet();

        Assert.Superset(menu.ToHashSet(), hrefs);
        Assert.Contains($"{prefix}/pages/mentions-legales", hrefs);
        Assert.Contains($"{prefix}/recherche", hrefs);
        Assert.Contains(hrefs, h => h.StartsWith(prefix + "/initiatives/", StringComparison.Ordinal));
        foreach (var href in hrefs.Where(h => h.StartsWith('/')))
        {
            var (linkStatus, _) = await SitePages.GetAsync(client, href);
            Assert.True(linkStatus == HttpStatusCode.OK, $"{href} (site map of '{prefix}') answered {linkStatus}");
        }
    }
}
