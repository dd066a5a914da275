using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Proposals.Data;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// A visitor proposes an initiative on the portal for a Doubs structure; the Franche-Comté team
/// finds it on its dashboard, accepts it, completes and publishes it; the visitor's contact
/// details never show on the public page. Also the form's errors, in Chromium, with axe.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ProposalJourneyTests(BrowserFixture browser, AdminSiteFixture admin)
{
    private static string Screens => Path.Combine(Path.GetTempPath(), "rallynov-screens");

    [Fact]
    public async Task Form_then_confirmation_then_moderation_then_published_in_the_right_territory()
    {
        var site = admin.Site;
        var structure = "La Recyclerie " + Unique();
        await using var visitorContext = await browser.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();

        await visitor.GotoAsync(site.Url("/"));
        await visitor.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Proposer une initiative" }).ClickAsync();
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync("Proposer une initiative");
        await visitor.GetByLabel("Nom de la structure").FillAsync(structure);
        await visitor.GetByLabel("Type de structure").SelectOptionAsync(new SelectOptionValue { Label = "Association" });
        await visitor.GetByLabel("Commune").FillAsync("Montbéliard");
        await visitor.GetByLabel("Département").SelectOptionAsync("25");
        await visitor.GetByLabel("Ce que fait l'initiative").FillAsync("Un atelier où les habitants réparent leurs objets avec des bénévoles, deux soirs par semaine.");
        await visitor.GetByLabel("Ce qui est nouveau").FillAsync("Les personnes accueillies deviennent à leur tour réparatrices et forment les suivantes.");
        await visitor.GetByLabel("Solidarité").CheckAsync();
        await visitor.GetByLabel("Votre nom").FillAsync("Alix Proposante");
        await visitor.GetByLabel("Adresse électronique").FillAsync("alix.proposante@exemple.fr");
        await visitor.GetByLabel("Téléphone").FillAsync("03 81 42 42 42");
        await visitor.GetByLabel("J'accepte que rally'nov conserve").CheckAsync();
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Screens, "proposer-1366.png"), FullPage = true });
        await visitor.WaitForTimeoutAsync(3100); // the minimum fill time of a person
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Envoyer la proposition" }).ClickAsync();

        await Expect(visitor.Locator("main h1")).ToHaveTextAsync("Merci pour votre proposition");
        await Expect(visitor.Locator("main")).ToContainTextAsync("transmise à l'équipe de rally'nov Franche-Comté");
        await AssertAccessibleAsync(visitor, "proposal confirmation");

        // The Franche-Comté team: dashboard → Propositions → the proposal → accept → publish.
        await using var editorContext = await browser.NewContextAsync();
        var editor = await SignInAsync(editorContext, site, "/franche-comte");
        await editor.GotoAsync(site.Url("/franche-comte/admin"));
        await editor.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("propositions? du public à examiner") }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = structure }).ClickAsync();
        await Expect(editor.Locator("main")).ToContainTextAsync("alix.proposante@exemple.fr");
        await AssertAccessibleAsync(editor, "proposal detail");
        await editor.ScreenshotAsync(new() { Path = Path.Combine(Screens, "admin-proposition-1366.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Accepter et compléter le brouillon" }).ClickAsync();
        await Expect(editor.Locator("#f-Title")).ToHaveValueAsync(structure);
        await Expect(Message(editor)).ToContainTextAsync("acceptée");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        await Expect(Message(editor)).ToContainTextAsync("publié");

        var proposal = await InTenantAsync(site, "FrancheComte", sp => sp.GetRequiredService<ProposalsDbContext>().Proposals.AsNoTracking().SingleAsync(p => p.StructureName == structure));
        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        var published = await LatestAsync(site, "FrancheComte", proposal.ContentItemId, RallyNov.Core.Content.VersionOptions.Published);
        Assert.NotNull(published);

        await visitor.GotoAsync(site.Url($"/franche-comte/initiatives/{published.Slug}"));
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync(structure);
        var text = await visitor.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("alix.proposante", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alix Proposante", text, StringComparison.Ordinal);
        Assert.DoesNotContain("42 42 42", text, StringComparison.Ordinal);
        Assert.Equal(404, (await visitor.GotoAsync(site.Url($"/initiatives/{published.Slug}")))!.Status); // not on the portal
    }

    [Fact]
    public async Task An_incomplete_form_shows_each_error_by_its_field_keeps_the_input_and_passes_axe()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync(375, 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/bourgogne/proposer"));
        await page.GetByLabel("Nom de la structure").FillAsync("Atelier sans suite");
        await page.GetByLabel("Adresse électronique").FillAsync("pas-une-adresse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la proposition" }).ClickAsync();

        await Expect(page.Locator("#Email-error")).ToContainTextAsync("n'est pas valide");
        await Expect(page.Locator("#Departement-error")).ToHaveTextAsync("Choisissez le département de la structure.");
        await Expect(page.Locator("#Consent-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Nom de la structure")).ToHaveValueAsync("Atelier sans suite");
        await Expect(page.GetByLabel("Adresse électronique")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the form scrolls sideways at 375 px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "proposer-erreurs-375.png"), FullPage = true });
        await AssertAccessibleAsync(page, "proposal form with errors");
    }
}
