using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Settings;
using static Microsoft.Playwright.Assertions;

namespace RallyNov.E2E.Tests.Infrastructure;

/// <summary>
/// « Réglages du site » as a site administrator uses it (identity and main menu), and what a visitor then
/// sees on the public home: shared by the settings tests and the new-site journey so both click the same way.
/// </summary>
public static class SiteSettingsPages
{
    /// <summary>The « Menu principal » block of the « Menus » screen.</summary>
    public static ILocator MainMenu(IPage page) =>
        page.Locator("section.menu-block", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Menu principal", Exact = true }) });

    /// <summary>Types a name and a primary colour and picks a PNG logo on the identity screen, without saving.</summary>
    public static async Task FillIdentityAsync(IPage page, string name, string primaryColor)
    {
        await page.GetByLabel("Nom du site").FillAsync(name);
        await page.GetByLabel("Couleur principale", new() { Exact = true }).FillAsync(primaryColor);
        await page.GetByLabel("Logo (fichier image)").SetInputFilesAsync(new FilePayload { Name = "logo-" + BackOffice.Unique() + ".png", MimeType = "image/png", Buffer = BackOffice.Png(200, 200) });
    }

    /// <summary>« Enregistrer l'identité », then the confirmation and the logo's preview.</summary>
    public static async Task SaveIdentityAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'identité" }).ClickAsync();
        await Expect(BackOffice.Message(page)).ToContainTextAsync("Identité du site enregistrée");
        await Expect(page.GetByLabel("Nom du site")).ToHaveValueAsync(name);
        await Expect(page.Locator(".logo-preview img")).ToBeVisibleAsync();
    }

    /// <summary>Adds an external link at the end of the main menu from the « Menus » screen.</summary>
    public static async Task AddMainMenuLinkAsync(IPage page, string text, string url)
    {
        var main = MainMenu(page);
        await main.GetByLabel("Intitulé", new() { Exact = true }).FillAsync(text);
        await main.GetByLabel("Adresse (https://…)").FillAsync(url);
        await main.GetByRole(AriaRole.Button, new() { Name = "Ajouter le lien" }).ClickAsync();
        await Expect(BackOffice.Message(page)).ToBeVisibleAsync();
    }

    /// <summary>
    /// The visitor's page shows the stored identity: name in the header and the title, the primary colour on
    /// the menu bar (computed style, e.g. "rgb(27, 94, 32)"), the logo loaded, the favicon derived from it.
    /// </summary>
    public static async Task ExpectPublicIdentityAsync(IPage visitor, SiteIdentity stored, string primaryRgb)
    {
        await Expect(visitor.Locator(".brand")).ToContainTextAsync(stored.DisplayName);
        await Expect(visitor).ToHaveTitleAsync(new Regex(Regex.Escape(stored.DisplayName)));
        Assert.Equal(primaryRgb, await visitor.Locator(".main-nav").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        var logo = visitor.Locator("img.brand-logo");
        await Expect(logo).ToHaveAttributeAsync("src", new Regex(Regex.Escape(stored.LogoPath!)));
        Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the logo does not load on the public site");
        Assert.Equal(1, await visitor.Locator("link[rel=icon][href*='" + stored.LogoPath + "']").CountAsync());
    }

    /// <summary>The identity as stored for one tenant.</summary>
    public static Task<SiteIdentity> IdentityAsync(LiveSite site, string tenant) =>
        BackOffice.InTenantAsync(site, tenant, sp => sp.GetRequiredService<ISiteIdentityService>().GetAsync(CancellationToken.None));
}
