using System.Net;
using System.Text.RegularExpressions;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// "Pages under 100 KB without images, 300 KB with them": the HTML of each public page plus every
/// stylesheet and script it loads, then the images its src attributes name, counted uncompressed
/// (what a visitor gets without gzip). The browser suite measures the real first visit too.
/// </summary>
public sealed partial class PageWeightTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    private const int Budget = 100 * 1024;
    private const int BudgetWithImages = 300 * 1024;

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
    public async Task A_public_page_weighs_under_100_KB_without_images_and_300_KB_with(string url)
    {
        using var client = factory.CreateClient();
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsByteArrayAsync();
        var total = html.Length;
        var images = 0;
        var assets = AssetPattern().Matches(System.Text.Encoding.UTF8.GetString(html))
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(src => src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{asset} answered {(int)response.StatusCode}");
            var length = (await response.Content.ReadAsByteArrayAsync()).Length;
            if (response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true)
            {
                images += length;
            }
            else
            {
                total += length;
            }
        }

        Assert.NotEmpty(assets); // at least the theme's stylesheet was counted
        Assert.True(total < Budget, $"{url}: {total} bytes without images ({string.Join(", ", assets)})");
        Assert.True(total + images < BudgetWithImages, $"{url}: {total + images} bytes with images ({string.Join(", ", assets)})");
    }

    // Stylesheets, scripts and images: what a browser loads before the page is usable.
    [GeneratedRegex("""<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src|img[^>]*src)="([^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetPattern();
}
