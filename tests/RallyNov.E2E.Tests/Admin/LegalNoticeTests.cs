using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// The legal notice names the publication director and the host (name, address, phone) as the law
/// asks (LCEN, art. 6): a site administrator types them in « Réglages du site » (a wrong phone number
/// refused in French, the rest kept) and a visitor reads them on /pages/mentions-legales.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LegalNoticeTests(BrowserFixture browser, SettingsSiteFixture settings)
{
    [Fact]
    public async Task Host_and_publisher_details_typed_in_the_settings_show_on_the_legal_notice()
    {
        var site = settings.Site;
        const string prefix = "/franche-comte";
        var host = "Hébergeur régional " + Unique();
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, prefix);
        await page.GetByRole(AriaRole.Link, new() { Name = "Réglages du site", Exact = true }).ClickAsync();

        await page.GetByLabel("Directeur ou directrice de la publication").FillAsync("Claude Responsable");
        await page.GetByLabel("Téléphone de l'éditeur").FillAsync("03 81 00 00 01");
        await page.GetByLabel("Nom ou raison sociale de l'hébergeur").FillAsync(host);
        await page.GetByLabel("Adresse de l'hébergeur").FillAsync("2 rue des Serveurs, 25000 Besançon");
        await page.GetByLabel("Téléphone de l'hébergeur").FillAsync("appelez-nous");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'identité" }).ClickAsync();

        await Expect(Error(page)).ToContainTextAsync("Rien n'a été enregistré");
        await Expect(page.Locator("#HostPhone-error")).ToContainTextAsync("n'est pas un numéro de téléphone");
        await Expect(page.GetByLabel("Téléphone de l'hébergeur")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Nom ou raison sociale de l'hébergeur")).ToHaveValueAsync(host);
        await AssertAccessibleAsync(page, "settings with a wrong host phone");

        await page.GetByLabel("Téléphone de l'hébergeur").FillAsync("+33 3 81 00 00 02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'identité" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("Identité du site enregistrée");

        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync(site.Url(prefix + "/"));
        await visitor.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Mentions légales" }).ClickAsync();
        var facts = visitor.Locator("section.legal-facts");
        await Expect(facts.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Éditeur et hébergeur du site");
        await Expect(facts).ToContainTextAsync("Claude Responsable");
        await Expect(facts).ToContainTextAsync("Téléphone : 03 81 00 00 01");
        await Expect(facts.Locator("dd", new() { HasText = host })).ToContainTextAsync("2 rue des Serveurs, 25000 Besançon");
        await Expect(facts.Locator("dd", new() { HasText = host })).ToContainTextAsync("Téléphone : +33 3 81 00 00 02");
        await AssertAccessibleAsync(visitor, "legal notice with host details");
        var text = await visitor.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("sur simple demande", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)lorem|todo|xxx", text);
    }
}
