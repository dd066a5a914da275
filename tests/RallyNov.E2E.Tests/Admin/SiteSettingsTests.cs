using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Settings;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;
using static RallyNov.E2E.Tests.Infrastructure.SiteSettingsPages;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// « Réglages du site » clicked in Chromium by a site administrator: identity (name, colour, logo), the
/// main menu and the home page sections, each checked on the public site and in what was stored.
/// Each screen is photographed at 1366 and 375 px into the temp folder "rallynov-screens".
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class SiteSettingsTests(BrowserFixture browser, SettingsSiteFixture settings)
{
    [Fact]
    public async Task An_administrator_changes_the_name_colour_and_logo_and_the_public_site_shows_them()
    {
        var site = settings.Site;
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, "/bourgogne");
        var name = "Réseau bourguignon " + Unique();

        await page.GetByRole(AriaRole.Link, new() { Name = "Réglages du site", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Réglages du site");
        await AssertAccessibleAsync(page, "settings identity");
        await ScreensAsync(page, "settings-identity");

        await FillIdentityAsync(page, name, "#1b5e20");
        await Expect(page.Locator("#PrimaryColor-contrast")).ToContainTextAsync("Contraste du blanc sur cette couleur : 7,");
        await SaveIdentityAsync(page, name);
        await AssertAccessibleAsync(page, "settings identity with a logo");
        await ScreensAsync(page, "settings-identity-saved");

        // Stored, and on the public site at the next request: the name in the header, the colour of the menu bar, the logo.
        var stored = await IdentityAsync(site, "Bourgogne");
        Assert.Equal(name, stored.DisplayName);
        Assert.Equal("#1b5e20", stored.PrimaryColor);
        Assert.NotNull(stored.LogoPath);
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync(site.Url("/bourgogne/"));
        await ExpectPublicIdentityAsync(visitor, stored, "rgb(27, 94, 32)");
        await ScreensAsync(visitor, "public-after-identity");
        // The other tenants keep their own identity.
        await visitor.GotoAsync(site.Url("/franche-comte/"));
        await Expect(visitor.Locator(".brand")).Not.ToContainTextAsync(name);
        await visitor.CloseAsync();

        // A colour too pale for white text is refused in French; what was typed stays, nothing is saved.
        await page.GetByLabel("Slogan").FillAsync("Un slogan gardé " + name);
        await page.GetByLabel("Couleur principale", new() { Exact = true }).FillAsync("#f5c400");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'identité" }).ClickAsync();
        await Expect(Error(page)).ToContainTextAsync("Rien n'a été enregistré");
        await Expect(page.Locator("#PrimaryColor-error")).ToContainTextAsync("il faut au moins 4,5:1 pour que le texte reste lisible");
        await Expect(page.GetByLabel("Couleur principale", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Couleur principale", new() { Exact = true })).ToHaveValueAsync("#f5c400");
        await Expect(page.GetByLabel("Slogan")).ToHaveValueAsync("Un slogan gardé " + name);
        await Expect(page.GetByLabel("Nom du site")).ToHaveValueAsync(name);
        await AssertAccessibleAsync(page, "settings identity with a refused colour");
        await ScreensAsync(page, "settings-identity-error");
        var after = await IdentityAsync(site, "Bourgogne");
        Assert.Equal(("#1b5e20", stored.Tagline, stored.LogoPath), (after.PrimaryColor, after.Tagline, after.LogoPath));
    }

    [Fact]
    public async Task An_administrator_adds_moves_and_hides_a_menu_link_and_the_public_menu_follows()
    {
        var site = settings.Site;
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, "");
        var text = "Adhérer " + Unique();

        await page.GotoAsync(site.Url("/admin/settings"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Menus", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page, "settings menus");
        await ScreensAsync(page, "settings-menus");
        var main = MainMenu(page);
        var before = await PublicMenuAsync(context, site, "");

        // A bad address is refused in French, the typed label kept.
        await main.GetByLabel("Intitulé", new() { Exact = true }).FillAsync(text);
        await main.GetByLabel("Adresse (https://…)").FillAsync("javascript:alert(1)");
        await main.GetByRole(AriaRole.Button, new() { Name = "Ajouter le lien" }).ClickAsync();
        await Expect(Error(page)).ToContainTextAsync("Rien n'a été enregistré");
        await Expect(main.GetByLabel("Intitulé", new() { Exact = true })).ToHaveValueAsync(text);
        await AssertAccessibleAsync(page, "settings menus with an error");
        Assert.Equal(before, await PublicMenuAsync(context, site, ""));

        await AddMainMenuLinkAsync(page, text, "https://www.example.org/adherer");
        var menu = await PublicMenuAsync(context, site, "");
        Assert.Equal([.. before, text], menu);

        // « Monter » on its row: it passes the entry shown before it (entries hidden in between are skipped over).
        var row = main.Locator("li.order-item", new() { HasText = text });
        for (var i = 0; i < 10 && (await PublicMenuAsync(context, site, ""))[^1] == text; i++)
        {
            await row.GetByRole(AriaRole.Button, new() { Name = $"Monter « {text} »" }).ClickAsync();
            await Expect(Message(page)).ToBeVisibleAsync();
            // The keyboard stays on the row that moved.
            await Expect(page.Locator(":focus")).ToHaveAccessibleNameAsync($"Monter « {text} »");
        }

        menu = await PublicMenuAsync(context, site, "");
        Assert.Equal([.. before[..^1], text, before[^1]], menu);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Masquer « {text} »" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Masqué");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Afficher « {text} »" })).ToBeVisibleAsync();
        Assert.Equal(before, await PublicMenuAsync(context, site, ""));

        var stored = (await SiteSettingsAsync(site, "Default"))["mainMenu"]!.AsArray();
        var entry = stored.Single(e => (string?)e!["text"] == text)!;
        Assert.Equal("https://www.example.org/adherer", (string?)entry["url"]);
        Assert.True((bool?)entry["hidden"]);
        await AssertAccessibleAsync(page, "settings menus with a hidden entry");
    }

    [Fact]
    public async Task An_administrator_moves_and_hides_home_sections_and_the_public_home_page_follows()
    {
        var site = settings.Site;
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, "/franche-comte");

        await page.GotoAsync(site.Url("/franche-comte/admin/settings"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Page d'accueil", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page, "settings home");
        await ScreensAsync(page, "settings-home");
        var publicBefore = await HomeSectionsAsync(context, site, "/franche-comte");
        Assert.Contains("home-news", publicBefore);
        Assert.NotEqual("home-news", publicBefore[0]);

        // « Dernières actualités » up to the top, one click at a time: each click saves.
        var news = page.Locator("li.home-row", new() { HasText = "Dernières actualités" });
        while (await news.GetByRole(AriaRole.Button, new() { Name = "Monter « Dernières actualités »" }).IsEnabledAsync())
        {
            await news.GetByRole(AriaRole.Button, new() { Name = "Monter « Dernières actualités »" }).ClickAsync();
            await Expect(Message(page)).ToContainTextAsync("Ordre de la page d'accueil enregistré");
            await Expect(page.Locator(":focus")).ToHaveAttributeAsync("data-move", new System.Text.RegularExpressions.Regex("up|down"));
        }

        await Expect(page.Locator("li.home-row").First).ToContainTextAsync("1. Dernières actualités");
        await page.GetByLabel("Chiffres clés").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la page d'accueil" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("Page d'accueil enregistrée");
        await Expect(page.GetByLabel("Chiffres clés")).Not.ToBeCheckedAsync();

        var publicAfter = await HomeSectionsAsync(context, site, "/franche-comte");
        Assert.Equal("home-news", publicAfter[0]);
        Assert.DoesNotContain("figures-title", publicAfter);
        Assert.Equal(publicBefore.Where(s => s is not "home-news" and not "figures-title"), publicAfter.Skip(1));

        var stored = (await IdentityAsync(site, "FrancheComte")).HomeSections!;
        Assert.Equal(new HomeSectionChoice("actualites", false), stored[0]);
        Assert.Contains(new HomeSectionChoice("chiffres-cles", true), stored);
    }

    private static Task<JsonObject> SiteSettingsAsync(LiveSite site, string tenant) =>
        InTenantAsync(site, tenant, sp => sp.GetRequiredService<ISiteSettingsService>().GetAsync(SiteIdentityRules.SettingsGroup, CancellationToken.None));

    private static async Task<string[]> PublicMenuAsync(IBrowserContext context, LiveSite site, string prefix)
    {
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync(site.Url(prefix + "/"));
        var texts = await visitor.Locator("nav.main-nav a").AllInnerTextsAsync();
        await visitor.CloseAsync();
        return [.. texts.Select(t => t.Trim())];
    }

    private static async Task<List<string>> HomeSectionsAsync(IBrowserContext context, LiveSite site, string prefix)
    {
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync(site.Url(prefix + "/"));
        var ids = await visitor.Locator("main section[aria-labelledby]").EvaluateAllAsync<string[]>("all => all.map(s => s.getAttribute('aria-labelledby'))");
        await visitor.CloseAsync();
        return [.. ids.Where(id => id != "site-title")];
    }

    /// <summary>The page at 1366 and 375 px, full length, to look at; nothing may stick out sideways on the phone.</summary>
    internal static async Task ScreensAsync(IPage page, string name)
    {
        var folder = AdminAccessibilityTests.ScreensFolder;
        Directory.CreateDirectory(folder);
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-375.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.SetViewportSizeAsync(1366, 900);
        Assert.True(overflow <= 0, $"{name} is {overflow} px wider than a 375 px phone screen");
    }
}
