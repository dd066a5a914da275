using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// « Aide » in the back-office header opens the editor guide served by the site itself (no internet):
/// its screenshots load, its table of contents leads somewhere, axe finds nothing; visitors get none of it.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class HelpPageTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Fact]
    public async Task A_contributor_opens_the_guide_from_the_dashboard_with_its_pictures_loaded()
    {
        var site = admin.Site;
        var contributor = await CreateUserAsync(site, "Bourgogne", "Contributor");
        await using var context = await browser.NewContextAsync(1366, 800);
        var page = await SignInAsync(context, site, "/bourgogne", contributor, UserPassword);

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Aide" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(site.Url("/bourgogne/admin/aide"));
        await Expect(page).ToHaveTitleAsync(new Regex("^Guide de l'éditeur – Back-office"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Guide de l'éditeur");
        await Expect(page.Locator("main h2").First).ToBeVisibleAsync();

        // Every screenshot comes from this site, under the tenant's prefix, and is drawn.
        var images = page.Locator("main article img");
        Assert.True(await images.CountAsync() >= 10, "the guide shows fewer than 10 screenshots");
        await page.EvaluateAsync("async () => { for (const i of document.images) { i.loading = 'eager'; await i.decode().catch(() => {}); } }");
        foreach (var image in await images.AllAsync())
        {
            var src = await image.GetAttributeAsync("src");
            Assert.StartsWith("/bourgogne/admin/aide/images/", src, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(await image.GetAttributeAsync("alt")), src + " has no alt text");
            Assert.True(await image.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), src + " does not load");
            Assert.Equal(src, await image.EvaluateAsync<string?>("i => i.closest('a')?.getAttribute('href')")); // a click shows it full size
        }

        // The table of contents points at headings of the page.
        var anchors = await page.Locator("main article a[href^='#']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(anchors);
        foreach (var anchor in anchors)
        {
            Assert.True(await page.Locator($"[id='{Uri.UnescapeDataString(anchor[1..])}']").CountAsync() == 1, "no heading for " + anchor);
        }

        await AssertAccessibleAsync(page, "the editor guide");
        await BrowserFiles.PhotographAsync(page, "aide"); // and nothing sticks out sideways on a phone
    }

    [Fact]
    public async Task Nobody_signed_out_reads_the_guide_or_its_pictures()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        foreach (var path in new[] { "/admin/aide", "/admin/aide/images/connexion.png" })
        {
            var response = await context.APIRequest.GetAsync(site.Url(path), new() { MaxRedirects = 0 });
            Assert.Equal(302, response.Status);
            Assert.Contains("/admin/login", response.Headers["location"], StringComparison.Ordinal);
        }

        var page = await SignInAsync(context, site, "");
        var missing = await page.APIRequest.GetAsync(site.Url("/admin/aide/images/..%2F..%2Fappsettings.json"));
        Assert.Equal(404, missing.Status);
        var picture = await page.APIRequest.GetAsync(site.Url("/admin/aide/images/connexion.png"));
        Assert.Equal(200, picture.Status);
        Assert.Equal("image/png", picture.Headers["content-type"]);
    }
}
