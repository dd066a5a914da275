using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Search.Lucene.Indexing;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>« Reconstruire » on the search screen, clicked in Chromium: the rebuild starts, runs in the background and is recorded.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SearchAdminTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Theory]
    [InlineData("/bourgogne", "Bourgogne")]
    [InlineData("", "Default")]
    public async Task An_administrator_rebuilds_the_index_from_the_search_screen(string prefix, string tenant)
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);
        var before = await InTenantAsync(site, tenant, sp => Task.FromResult(sp.GetRequiredService<ISearchIndexer>().Info()));

        await page.GetByRole(AriaRole.Link, new() { Name = "Recherche" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Recherche");
        await AssertAccessibleAsync(page, "search admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconstruire" }).ClickAsync();

        await Expect(Message(page)).ToContainTextAsync("La reconstruction de l'index a démarré.");
        // The page follows the rebuild and reloads when it is over.
        await Expect(page.Locator("#rebuild-progress")).ToContainTextAsync("Dernière reconstruction terminée le", new() { Timeout = 60_000 });
        var after = await InTenantAsync(site, tenant, sp => Task.FromResult(sp.GetRequiredService<ISearchIndexer>().Info()));
        Assert.NotNull(after.LastRebuildUtc);
        Assert.True(before.LastRebuildUtc is null || after.LastRebuildUtc > before.LastRebuildUtc);
        Assert.True(after.Documents > 0);
        await Expect(page.Locator("[data-field=documents]")).ToHaveTextAsync(after.Documents.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
    }
}
