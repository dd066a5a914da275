using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;

namespace RallyNov.E2E.Tests;

/// <summary>
/// axe-core on every kind of public page of a tenant: each list, the first detail page linked from
/// each list, the search page (with hits and facets, and without hits).
/// One site per tenant keeps the sweep affordable; every page is checked and all violations are
/// reported together with the URL they were found on.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class PublicPagesAccessibilityTests(BrowserFixture browser)
{
    private static readonly string[] Lists = ["/initiatives", "/laureats", "/evenements", "/partenaires", "/actualites"];

    [Theory]
    [InlineData("")]
    [InlineData("/bourgogne")]
    [InlineData("/franche-comte")]
    public async Task List_detail_and_search_pages_have_no_axe_violations(string prefix)
    {
        using var site = LiveSite.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var report = new List<string>();
        var details = 0;

        foreach (var list in Lists)
        {
            await CheckAsync(page, site.Url(prefix + list), report);

            // The first item of the list, whatever its slug: detail pages come from the sample content.
            var link = page.Locator($"main a[href^='{prefix}{list}/']:not([href$='.ics'])").First;
            if (await link.CountAsync() == 0)
            {
                continue;
            }

            var href = await link.GetAttributeAsync("href");
            await CheckAsync(page, site.Url(href!), report);
            details++;
        }

        // With hits, facets and snippets; then the typo case ("Essayez avec", or nothing found).
        await CheckAsync(page, site.Url(prefix + "/recherche?q=innovation"), report);
        await CheckAsync(page, site.Url(prefix + "/recherche?q=inovation+zzzqqq"), report);

        Assert.True(report.Count == 0, "axe violations:\n" + string.Join("\n", report));

        // Every tenant has sample content, so the sweep must have reached detail pages too.
        Assert.True(details >= 2, $"only {details} detail pages reached under '{prefix}'");
    }

    private static async Task CheckAsync(IPage page, string url, List<string> report)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response!.Status == 200, $"{url} answered {response.Status}");
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe really ran on a rendered page
        report.AddRange(result.Violations.Select(v => Describe(url, v)));
    }

    private static string Describe(string url, AxeResultItem v) =>
        $"- {url}: {v.Id} ({v.Impact}): {v.Help} → {string.Join(", ", v.Nodes.Select(n => n.Html))}";
}
