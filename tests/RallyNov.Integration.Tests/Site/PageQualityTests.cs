using System.Net;
using System.Text.RegularExpressions;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// What keeps Lighthouse at 100 without timing anything (bench/lighthouse/run.sh measures the rest):
/// every picture reserves its box (width and height: no layout shift) and says what it shows (alt),
/// no script blocks rendering, one stylesheet in the head, and every page has its language, viewport and
/// meta description. On every tenant's lists, on one detail page of each type, and on the forms.
/// </summary>
public sealed partial class PageQualityTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    private static readonly string[] Lists = ["/initiatives", "/laureats", "/evenements", "/partenaires", "/actualites"];

    public static TheoryData<string> Tenants() => new(SiteAppFactory.Prefixes);

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Every_public_page_reserves_its_images_boxes_and_loads_no_blocking_script(string prefix)
    {
        using var client = factory.CreateClient();
        foreach (var (url, html) in await PagesAsync(client, prefix))
        {
            foreach (Match img in ImagePattern().Matches(html))
            {
                var tag = img.Value;
                Assert.True(DimensionPattern("width").IsMatch(tag) && DimensionPattern("height").IsMatch(tag), $"{url}: an image without width and height (layout shift): {tag}");
                Assert.Contains(" alt=\"", tag, StringComparison.Ordinal);
            }

            foreach (Match script in ScriptPattern().Matches(html))
            {
                Assert.True(script.Value.Contains(" defer", StringComparison.Ordinal) || script.Value.Contains(" async", StringComparison.Ordinal) || script.Value.Contains("type=\"module\"", StringComparison.Ordinal),
                    $"{url}: a script that blocks rendering: {script.Value}");
            }

            // One render-blocking stylesheet in the head (rich text links its own small one in the body, before the text it styles).
            var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
            Assert.Single(StylesheetPattern().Matches(head));
        }
    }

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task Every_public_page_has_its_language_viewport_and_one_meta_description(string prefix)
    {
        using var client = factory.CreateClient();
        foreach (var (url, html) in await PagesAsync(client, prefix))
        {
            Assert.True(html.Contains("<html lang=\"fr\">", StringComparison.Ordinal), $"{url}: no lang=\"fr\"");
            Assert.True(html.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", StringComparison.Ordinal), $"{url}: no viewport");
            var descriptions = DescriptionPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            Assert.True(descriptions.Count == 1 && descriptions[0].Trim().Length > 0, $"{url}: {descriptions.Count} meta description(s): {string.Join(" | ", descriptions)}");
        }
    }

    /// <summary>The home, the lists, the first item each list links to, search, the proposal form and open data.</summary>
    private static async Task<List<(string Url, string Html)>> PagesAsync(HttpClient client, string prefix)
    {
        var pages = new List<(string, string)>();
        async Task<string?> AddAsync(string url)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null; // a module this tenant does not run
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            pages.Add((url, html));
            return html;
        }

        await AddAsync(prefix + "/");
        foreach (var list in Lists)
        {
            if (await AddAsync(prefix + list) is { } html
                && Regex.Match(html, "href=\"(" + Regex.Escape(prefix + list) + "/[^\"?#/]+)\"") is { Success: true } detail)
            {
                await AddAsync(detail.Groups[1].Value);
            }
        }

        await AddAsync(prefix + "/recherche?q=innovation");
        await AddAsync(prefix + "/proposer");
        await AddAsync(prefix + "/donnees");
        Assert.True(pages.Count >= 8, $"{prefix}/: only {pages.Count} pages found");
        return pages;
    }

    private static Regex DimensionPattern(string name) => new($" {name}=\"[1-9][0-9]*\"", RegexOptions.CultureInvariant);

    [GeneratedRegex("<img\\b[^>]*>")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("<script\\b[^>]*\\bsrc=[^>]*>")]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("<link rel=\"stylesheet\"[^>]*>")]
    private static partial Regex StylesheetPattern();

    [GeneratedRegex("<meta name=\"description\" content=\"([^\"]*)\">")]
    private static partial Regex DescriptionPattern();
}
