using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RallyNov.Integration.Tests.Site;

/// <summary>HTTP behaviour search engines and caches rely on: HEAD, canonical URLs, robots, compression, asset caching, feed dates.</summary>
public sealed partial class HttpAndSeoTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    public static TheoryData<string> PublicRoutes()
    {
        var data = new TheoryData<string> { "/health", "/robots.txt" };
        foreach (var prefix in SiteAppFactory.Prefixes)
        {
            foreach (var path in new[] { "/", "/initiatives", "/laureats", "/evenements", "/partenaires", "/actualites", "/recherche?q=innovation", "/feed.xml", "/sitemap.xml", "/api/content/Initiative" })
            {
                data.Add(prefix + path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicRoutes))]
    public async Task Head_answers_like_get_without_a_body(string url)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var get = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Health_refuses_other_methods_without_an_error_page()
    {
        using var client = factory.CreateClient();
        using var post = await client.PostAsync(new Uri("/health", UriKind.Relative), new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Theory]
    [InlineData("/initiatives/", "/initiatives")]
    [InlineData("/Initiatives", "/initiatives")]
    [InlineData("/bourgogne", "/bourgogne/")]
    [InlineData("/BOURGOGNE/Initiatives/", "/bourgogne/initiatives")]
    [InlineData("/franche-comte/laureats/?annee=2014", "/franche-comte/laureats?annee=2014")]
    public async Task Variants_of_a_url_redirect_permanently_to_the_canonical_one(string variant, string canonical)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri(variant, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
        using var target = await client.GetAsync(new Uri(canonical, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
    }

    [Fact]
    public async Task Search_pages_are_not_indexed_but_followed()
    {
        using var client = factory.CreateClient();
        var (_, search) = await SitePages.GetAsync(client, "/bourgogne/recherche?q=restaurant");
        var (_, list) = await SitePages.GetAsync(client, "/bourgogne/initiatives");

        Assert.Contains("<meta name=\"robots\" content=\"noindex, follow\">", search, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"robots\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_robots_txt_speaks_for_every_running_tenant()
    {
        using var client = factory.CreateClient();
        var (status, robots) = await SitePages.GetAsync(client, "/robots.txt");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var prefix in SiteAppFactory.Prefixes)
        {
            Assert.Contains($"Disallow: {prefix}/admin\n", robots, StringComparison.Ordinal);
            Assert.Contains($"Disallow: {prefix}/recherche\n", robots, StringComparison.Ordinal);
            Assert.Contains($"Sitemap: http://localhost{prefix}/sitemap.xml\n", robots, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/feed.xml", "application/atom+xml")]
    [InlineData("/api/content/Initiative", "application/json")]
    public async Task Text_answers_are_compressed_with_brotli_or_gzip(string url, string type)
    {
        using var client = factory.CreateDefaultClient();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        }
    }

    [Fact]
    public async Task The_page_links_one_fingerprinted_stylesheet_cached_for_a_year()
    {
        using var client = factory.CreateClient();
        foreach (var url in new[] { "/franche-comte/", "/franche-comte/recherche?q=innovation" })
        {
            var (_, html) = await SitePages.GetAsync(client, url);
            var sheets = StylesheetPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
            var sheet = Assert.Single(sheets);
            Assert.Matches("^/franche-comte/assets/site-[0-9a-f]{16}\\.css$", sheet);

            using var css = await client.GetAsync(new Uri(sheet, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl!.ToString());
            Assert.Contains("--brand:#155e4b", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Scripts and pictures of the theme carry their content hash and the same header.
        var (_, home) = await SitePages.GetAsync(client, "/");
        var script = ScriptPattern().Match(home).Groups[1].Value;
        Assert.Contains("?v=", script, StringComparison.Ordinal);
        using var js = await client.GetAsync(new Uri(WebUtility.HtmlDecode(script), UriKind.Relative));
        Assert.Equal("public, max-age=31536000, immutable", js.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Feed_entries_carry_editorial_or_first_publication_dates_never_the_import_time()
    {
        using var client = factory.CreateClient();
        var (_, body) = await SitePages.GetAsync(client, "/franche-comte/feed.xml");
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(body).Root!.Elements(atom + "entry").ToList();

        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            var published = DateTime.Parse(entry.Element(atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(published.Year < 2025, $"{entry.Element(atom + "title")!.Value} published {published:O}: the import time");
        }

        var euwin = entries.Single(e => e.Element(atom + "title")!.Value.Contains("Sofia", StringComparison.Ordinal));
        Assert.StartsWith("2014-09-30", euwin.Element(atom + "published")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_known_by_their_month_or_year_are_whole_month_or_year_calendar_entries()
    {
        using var client = factory.CreateClient();
        var (status, agenda) = await SitePages.GetAsync(client, "/franche-comte/evenements.ics");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(9, Regex.Count(agenda, "BEGIN:VEVENT"));
        Assert.Contains("DTSTART;VALUE=DATE:20140501\r\nDTEND;VALUE=DATE:20140601\r\n", agenda, StringComparison.Ordinal);

        var (single, prize) = await SitePages.GetAsync(client, "/franche-comte/evenements/remise-des-prix-2014.ics");
        Assert.Equal(HttpStatusCode.OK, single);
        Assert.Contains("DTSTART;VALUE=DATE:20140101\r\nDTEND;VALUE=DATE:20150101\r\n", prize, StringComparison.Ordinal);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetPattern();

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptPattern();
}
