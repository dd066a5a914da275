using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RallyNov.E2E.Tests;

/// <summary>Each tenant's home page in a real browser: language, heading, skip link, navigation.</summary>
[Collection(SharedBrowser.Name)]
public sealed class HomePageTests(BrowserFixture browser, SampleSiteFixture sample)
{
    [Theory]
    [InlineData("/", "rally'nov Bourgogne-Franche-Comté", "rgb(29, 79, 145)")]
    [InlineData("/bourgogne", "rally'nov Bourgogne", "rgb(123, 30, 58)")]
    [InlineData("/franche-comte", "rally'nov Franche-Comté", "rgb(21, 94, 75)")]
    public async Task Home_page_loads_in_french_with_the_tenant_name_as_visible_h1(string path, string displayName, string brand)
    {
        var site = sample.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(site.Url(path));

        Assert.Equal(200, response!.Status);
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(displayName);
        Assert.Contains(displayName, await page.TitleAsync(), StringComparison.Ordinal);
        // The tenant's stylesheet is served: the menu bar takes the site's own primary colour (its settings).
        var menu = await page.Locator("nav.main-nav").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal(brand, menu);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/bourgogne")]
    [InlineData("/franche-comte")]
    public async Task Skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content(string path)
    {
        var site = sample.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" });

        Assert.False(await IsInViewportAsync(skip), "the skip link stays off-screen until focused");
        await page.Keyboard.PressAsync("Tab");
        await Expect(skip).ToBeFocusedAsync();
        Assert.True(await IsInViewportAsync(skip), "a focused skip link must be visible");

        await page.Keyboard.PressAsync("Enter");

        // A tenant's home is "/prefix/" (its canonical URL: "/prefix" redirects there).
        await Expect(page).ToHaveURLAsync(site.Url((path.EndsWith('/') ? path : path + "/") + "#contenu"));
        await Expect(page.Locator("main#contenu")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("/bourgogne", "Les Délices Bleus, lauréat 2022", "/bourgogne/pages/les-delices-bleus")]
    [InlineData("/franche-comte", "Les conditions favorables à l'innovation sociale", "/franche-comte/pages/conditions-favorables-innovation-sociale")]
    [InlineData("/", "La Rencontre régionale 2023 à Dijon", "/pages/rencontre-regionale-2023")]
    public async Task Clicking_a_page_link_opens_the_page(string home, string title, string target)
    {
        var site = sample.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(home));

        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(site.Url(target));
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        Assert.StartsWith(title, await page.TitleAsync(), StringComparison.Ordinal);
        // The brand link leads back to the tenant's own home, prefix included.
        await page.Locator("a.brand").ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url(home == "/" ? "/" : home + "/"));
    }

    private static Task<bool> IsInViewportAsync(ILocator locator) =>
        locator.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight; }");
}
