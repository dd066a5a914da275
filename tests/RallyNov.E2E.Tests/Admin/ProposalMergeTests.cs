using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Content;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Initiatives;
using RallyNov.Proposals.Data;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// A visitor proposes an initiative the site already shows; the team merges the proposal into it
/// with « Fusionner avec une initiative existante »: the proposal is closed as merged and the
/// initiative's editor shows a draft where only the empty fields were filled.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ProposalMergeTests(BrowserFixture browser, AdminSiteFixture admin)
{
    private static string Screens => Path.Combine(Path.GetTempPath(), "rallynov-screens");

    [Fact]
    public async Task Merging_a_proposal_into_an_existing_initiative_fills_its_empty_fields_in_a_draft()
    {
        var site = admin.Site;
        var word = Unique();
        var title = "Garage solidaire " + word;
        var existing = await InTenantAsync(site, "Bourgogne", async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = contents.New(InitiativeFields.Type);
            item.Set("Title", title);
            item.Set(InitiativeFields.Summary, "Résumé écrit par l'équipe éditoriale.");
            var result = await contents.PublishAsync(item, CancellationToken.None);
            Assert.True(result.Succeeded);
            return result.Item!;
        });

        var structure = "Garage " + word;
        await using var visitorContext = await browser.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync(site.Url("/bourgogne/proposer"));
        await visitor.GetByLabel("Nom de la structure").FillAsync(structure);
        await visitor.GetByLabel("Commune").FillAsync("Chalon-sur-Saône");
        await visitor.GetByLabel("Département").SelectOptionAsync("71");
        await visitor.GetByLabel("Ce que fait l'initiative").FillAsync("Des mécaniciens bénévoles réparent les voitures des personnes qui en ont besoin pour travailler.");
        await visitor.GetByLabel("Ce qui est nouveau").FillAsync("Les propriétaires apprennent à entretenir eux-mêmes leur voiture pendant la réparation.");
        await visitor.GetByLabel("Votre nom").FillAsync("Dominique Mécano");
        await visitor.GetByLabel("Adresse électronique").FillAsync("dominique.mecano@exemple.fr");
        await visitor.GetByLabel("J'accepte que rally'nov conserve").CheckAsync();
        await visitor.WaitForTimeoutAsync(3100); // the minimum fill time of a person
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Envoyer la proposition" }).ClickAsync();
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync("Merci pour votre proposition");

        await using var editorContext = await browser.NewContextAsync();
        var editor = await SignInAsync(editorContext, site, "/bourgogne");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Propositions", Exact = true }).First.ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = structure }).ClickAsync();
        await AssertAccessibleAsync(editor, "proposal detail with the merge form");

        // Without a choice: the error in French next to the list, the proposal still to examine.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Fusionner avec cette initiative" }).ClickAsync();
        await Expect(editor.Locator("#initiative-error")).ToHaveTextAsync("Choisissez l'initiative avec laquelle fusionner la proposition.");
        await Expect(editor.GetByLabel("Initiative à compléter")).ToHaveAttributeAsync("aria-invalid", "true");

        await editor.GetByLabel("Chercher une initiative par son titre").FillAsync(word);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }).ClickAsync();
        await editor.GetByLabel("Initiative à compléter").SelectOptionAsync(new SelectOptionValue { Label = title });
        await editor.ScreenshotAsync(new() { Path = Path.Combine(Screens, "admin-proposition-fusion-1366.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Fusionner avec cette initiative" }).ClickAsync();

        await Expect(Message(editor)).ToContainTextAsync("fusionnée avec « " + title + " »");
        await Expect(editor.Locator(".proposal-facts").First).ToContainTextAsync("fusionnée le");
        await AssertAccessibleAsync(editor, "merged proposal detail");
        var proposal = await InTenantAsync(site, "Bourgogne", sp => sp.GetRequiredService<ProposalsDbContext>().Proposals.AsNoTracking().SingleAsync(p => p.StructureName == structure));
        Assert.Equal(ProposalStatus.Merged, proposal.Status);
        Assert.Equal(existing.ContentItemId, proposal.MergedIntoId);

        await editor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(editor.Locator("#f-Title")).ToHaveValueAsync(title);
        await Expect(editor.Locator("#f-City")).ToHaveValueAsync("Chalon-sur-Saône");
        await Expect(editor.Locator("#f-Summary")).ToHaveValueAsync("Résumé écrit par l'équipe éditoriale.");
        var published = await LatestAsync(site, "Bourgogne", existing.ContentItemId, VersionOptions.Published);
        Assert.Null(published!.GetString(InitiativeFields.City)); // the visitors still see the published version
        Assert.False((await LatestAsync(site, "Bourgogne", existing.ContentItemId))!.Published);
    }
}
