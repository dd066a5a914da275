using System.Net;
using System.Text.Json.Nodes;

namespace RallyNov.Integration.Tests.Site;

/// <summary>Every public route of the site renders for every tenant, and nothing links to a missing page.</summary>
public sealed class PublicSiteTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    public static TheoryData<string, string> Routes()
    {
        var data = new TheoryData<string, string>();
        foreach (var prefix in SiteAppFactory.Prefixes)
        {
            foreach (var path in new[] { "/", "/initiatives", "/laureats", "/evenements", "/partenaires", "/actualites" })
            {
                data.Add(prefix, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Public_lists_render_in_French_with_a_title(string prefix, string path)
    {
        using var client = factory.CreateClient();
        var (status, html) = await SitePages.GetAsync(client, prefix + path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(SitePages.Title(html)));
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"contenu\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_published_item_with_a_page_renders_in_its_tenant()
    {
        using var client = factory.CreateClient();
        var checkedUrls = 0;
        foreach (var prefix in SiteAppFactory.Prefixes)
        {
            foreach (var type in new[] { "Initiative", "Laureate", "Event", "Partner", "News", "Page" })
            {
                var (status, body) = await SitePages.GetAsync(client, $"{prefix}/api/content/{type}?pageSize=100");
                Assert.Equal(HttpStatusCode.OK, status);
                foreach (var item in JsonNode.Parse(body)!["items"]!.AsArray())
                {
                    var url = item!["url"]!.GetValue<string>();
                    Assert.StartsWith(prefix + "/", url, StringComparison.Ordinal);
                    var (pageStatus, html) = await SitePages.GetAsync(client, url);
                    Assert.True(pageStatus == HttpStatusCode.OK, $"{url} answered {pageStatus}");
                    Assert.Contains(item["title"]!.GetValue<string>(), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
                    checkedUrls++;
                }
            }
        }

        Assert.True(checkedUrls > 60, $"only {checkedUrls} detail pages checked");
    }

    [Fact]
    public async Task Crawling_each_tenant_finds_no_broken_link_and_no_placeholder_text()
    {
        string[] placeholders = ["en cours de rédaction", "lorem ipsum", "à compléter", "Voir les 1 "];
        var wrongPlural = new System.Text.RegularExpressions.Regex(@"(?<![\d\u202f\u00a0])[01] (initiatives|résultats|lauréats|événements|partenaires|actualités)\b");
        var placeholderHits = new List<string>();
        using var client = factory.CreateClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(SiteAppFactory.Prefixes.Select(p => p + "/"));
        var broken = new List<string>();
        while (queue.Count > 0 && seen.Count < 600)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url} → {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await response.Content.ReadAsStringAsync();
                placeholderHits.AddRange(placeholders.Where(p => html.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(p => $"{url}: « {p} »"));
                placeholderHits.AddRange(wrongPlural.Matches(html).Select(m => $"{url}: « {m.Value} »"));
                foreach (var link in SitePages.InternalLinks(html))
                {
                    // The back office has its own tests; the public crawl stays public.
                    if (!link.Contains("/admin", StringComparison.Ordinal) && !seen.Contains(link))
                    {
                        queue.Enqueue(link);
                    }
                }
            }
        }

        Assert.Empty(broken);
        Assert.Empty(placeholderHits);
        Assert.True(seen.Count > 100, $"the crawl saw only {seen.Count} URLs");
    }

    [Fact]
    public async Task Portal_home_presents_the_two_territories_and_the_latest_key_figures()
    {
        using var client = factory.CreateClient();
        var (_, html) = await SitePages.GetAsync(client, "/");

        Assert.Contains("href=\"/bourgogne/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/franche-comte/\"", html, StringComparison.Ordinal);
        Assert.Contains("Chiffres clés 2023", html, StringComparison.Ordinal);
        Assert.Contains("<strong>143</strong>", html, StringComparison.Ordinal);

        var (_, comte) = await SitePages.GetAsync(client, "/franche-comte/");
        Assert.Contains("Chiffres clés 2014", comte, StringComparison.Ordinal);
        Assert.Contains("Les lauréats 2022", comte, StringComparison.Ordinal);
        Assert.DoesNotContain("Les territoires du réseau", comte, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initiative_filters_are_links_with_counts_and_pages()
    {
        using var client = factory.CreateClient();
        var (_, all) = await SitePages.GetAsync(client, "/franche-comte/initiatives");
        Assert.Contains("href=\"/franche-comte/initiatives?departement=25\">Doubs <span class=\"count\">(2)</span>", all, StringComparison.Ordinal);
        Assert.Contains("?annee=2014\">2014 <span class=\"count\">(4)</span>", all, StringComparison.Ordinal);

        // The map links each département with initiatives to the same filtered list, naming the impact declared there.
        Assert.Contains("<a href=\"/franche-comte/initiatives?departement=39\" class=\"area level-1\" aria-label=\"1 – Jura : 1 initiative ; impact déclaré : 28 partenaires\">", all, StringComparison.Ordinal);
        Assert.DoesNotContain("initiatives?departement=21", all, StringComparison.Ordinal);

        var (status, doubs) = await SitePages.GetAsync(client, "/franche-comte/initiatives?departement=25");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 résultats", doubs, StringComparison.Ordinal);
        Assert.Contains("/franche-comte/initiatives/metalhom", doubs, StringComparison.Ordinal);
        Assert.DoesNotContain("/franche-comte/initiatives/vadapad\"", doubs, StringComparison.Ordinal);

        var (themeStatus, fourDays) = await SitePages.GetAsync(client, "/initiatives?theme=organisation-du-travail");
        Assert.Equal(HttpStatusCode.OK, themeStatus);
        Assert.Contains("3 résultats", fourDays, StringComparison.Ordinal);

        var (beyond, _) = await SitePages.GetAsync(client, "/initiatives?page=9");
        Assert.Equal(HttpStatusCode.NotFound, beyond);
    }

    [Fact]
    public async Task Laureate_and_initiative_link_to_each_other()
    {
        using var client = factory.CreateClient();
        var (_, laureate) = await SitePages.GetAsync(client, "/bourgogne/laureats/delices-bleus-laureat-2022");
        Assert.Contains("href=\"/bourgogne/initiatives/delices-bleus\"", laureate, StringComparison.Ordinal);

        var (_, initiative) = await SitePages.GetAsync(client, "/bourgogne/initiatives/delices-bleus");
        Assert.Contains("href=\"/bourgogne/laureats/delices-bleus-laureat-2022\"", initiative, StringComparison.Ordinal);

        var (_, list) = await SitePages.GetAsync(client, "/franche-comte/laureats");
        Assert.True(list.IndexOf("Lauréats 2022", StringComparison.Ordinal) < list.IndexOf("Lauréats 2014", StringComparison.Ordinal));
        Assert.Matches(@"2\s000\s€", WebUtility.HtmlDecode(list));
    }
}
