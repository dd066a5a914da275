using System.Net;
using System.Text.RegularExpressions;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// "Pages under 100 KB transferred": the HTML of each public page plus every stylesheet, script
/// and image it loads from the site, counted uncompressed (what a visitor gets without gzip).
/// </summary>
public sealed partial class PageWeightTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    private const int Budget = 100 * 1024;

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var prefix in SiteAppFactory.Prefixes)
        {
            foreach (var path in new[] { "/", "/initiatives", "/laureats", "/evenements", "/partenaires", "/actualites", "/recherche?q=innovation" })
            {
                data.Add(prefix + path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_public_page_with_its_assets_weighs_under_100_KB(string url)
    {
        using var client = factory.CreateClient();
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsByteArrayAsync();
        var total = html.Length;
        var assets = AssetPattern().Matches(System.Text.Encoding.UTF8.GetString(html))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(src => src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{asset} answered {(int)response.StatusCode}");
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        Assert.NotEmpty(assets); // at least the theme's stylesheet was counted
        Assert.True(total < Budget, $"{url}: {total} bytes with {assets.Count} assets ({string.Join(", ", assets)})");
    }

    // Stylesheets, scripts and images: what a browser loads before the page is usable.
    [GeneratedRegex("""<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src|img[^>]*src)="([^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetPattern();
}
