using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;

namespace RallyNov.Integration.Tests.Site;

/// <summary>Sitemap, Atom feed and robots.txt: published URLs only, nothing else.</summary>
public sealed class SyndicationTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("")]
    [InlineData("/bourgogne")]
    [InlineData("/franche-comte")]
    public async Task Sitemap_lists_exactly_the_published_pages(string prefix)
    {
        using var client = factory.CreateClient();
        var (status, body) = await SitePages.GetAsync(client, prefix + "/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, status);
        var listed = XDocument.Parse(body).Root!.Elements(Sitemap + "url").Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath).ToList();

        var expected = new List<string> { prefix + "/", prefix + "/initiatives", prefix + "/laureats", prefix + "/evenements", prefix + "/partenaires", prefix + "/actualites" };
        foreach (var type in new[] { "Initiative", "Laureate", "Event", "Partner", "News", "Page" })
        {
            var (_, api) = await SitePages.GetAsync(client, $"{prefix}/api/content/{type}?pageSize=100");
            expected.AddRange(JsonNode.Parse(api)!["items"]!.AsArray().Select(i => i!["url"]!.GetValue<string>()));
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Feed_is_atom_with_news_and_initiatives_but_no_draft()
    {
        await using (var scope = factory.TenantScope("FrancheComte"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var draft = contents.New("News");
            draft.Content = new JsonObject { ["Title"] = "Actualité en brouillon", ["Date"] = "2026-01-01" };
            Assert.True((await contents.SaveDraftAsync(draft, CancellationToken.None)).Succeeded);
        }

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/franche-comte/feed.xml", UriKind.Relative));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        var entries = feed.Elements(Atom + "entry").ToList();
        var links = entries.Select(e => new Uri(e.Element(Atom + "link")!.Attribute("href")!.Value).AbsolutePath).ToList();
        Assert.Contains("/franche-comte/actualites/metalhom-prix-innovation-sociale", links);
        Assert.Contains("/franche-comte/initiatives/vadapad", links);
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value.Contains("brouillon", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Element(Atom + "updated")?.Value)));
    }

    [Fact]
    public async Task Robots_points_at_the_sitemap()
    {
        using var client = factory.CreateClient();
        var (status, body) = await SitePages.GetAsync(client, "/bourgogne/robots.txt");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sitemap: http://localhost/bourgogne/sitemap.xml", body, StringComparison.Ordinal);
        Assert.Contains("Disallow: /bourgogne/admin", body, StringComparison.Ordinal);
    }
}
