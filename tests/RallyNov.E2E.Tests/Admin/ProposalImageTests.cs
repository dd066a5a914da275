using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Proposals.Data;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// A visitor joins a picture to a proposal: a file that is not an image is refused in French next
/// to the field with everything else kept; a real image goes to the receiving site's media library
/// and the team finds it on the proposal and on the accepted draft.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ProposalImageTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Fact]
    public async Task A_proposal_with_an_image_gives_an_accepted_draft_with_that_image()
    {
        var site = admin.Site;
        var structure = "Vélo-école " + Unique();
        await using var visitorContext = await browser.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync(site.Url("/bourgogne/proposer"));
        await visitor.GetByLabel("Nom de la structure").FillAsync(structure);
        await visitor.GetByLabel("Commune").FillAsync("Nevers");
        await visitor.GetByLabel("Département").SelectOptionAsync("58");
        await visitor.GetByLabel("Ce que fait l'initiative").FillAsync("Des bénévoles apprennent à faire du vélo à des adultes qui n'ont jamais appris, le samedi matin.");
        await visitor.GetByLabel("Ce qui est nouveau").FillAsync("Les anciens élèves deviennent moniteurs et accompagnent les suivants jusqu'à leur travail.");
        await visitor.GetByLabel("Votre nom").FillAsync("Camille Cycliste");
        await visitor.GetByLabel("Adresse électronique").FillAsync("camille.cycliste@exemple.fr");
        await visitor.GetByLabel("J'accepte que rally'nov conserve").CheckAsync();
        await visitor.GetByLabel("Une image de l'initiative").SetInputFilesAsync(new FilePayload { Name = "velo.png", MimeType = "image/png", Buffer = Encoding.UTF8.GetBytes("ceci n'est pas une image") });
        await visitor.GetByLabel("Ce que montre l'image").FillAsync("Une adulte sur un vélo, un bénévole à ses côtés");
        await visitor.WaitForTimeoutAsync(3100); // the minimum fill time of a person
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Envoyer la proposition" }).ClickAsync();

        // Refused next to the field; what was typed is still there.
        await Expect(visitor.Locator("#Image-error")).Not.ToBeEmptyAsync();
        await Expect(visitor.Locator("#Image")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(visitor.GetByLabel("Nom de la structure")).ToHaveValueAsync(structure);
        await Expect(visitor.GetByLabel("Ce que montre l'image")).ToHaveValueAsync("Une adulte sur un vélo, un bénévole à ses côtés");
        await Expect(visitor.GetByLabel("Département")).ToHaveValueAsync("58");
        await AssertAccessibleAsync(visitor, "proposal form with an image refused");
        var refusedError = await visitor.Locator("#Image-error").InnerTextAsync();

        await visitor.GetByLabel("Une image de l'initiative").SetInputFilesAsync(new FilePayload { Name = "Photo de Camille.png", MimeType = "image/png", Buffer = Png(200, 120) });
        await visitor.WaitForTimeoutAsync(3100);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Envoyer la proposition" }).ClickAsync();
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync("Merci pour votre proposition");

        // The Bourgogne team sees the picture on the proposal, accepts it: the draft carries it.
        await using var editorContext = await browser.NewContextAsync();
        var editor = await SignInAsync(editorContext, site, "/bourgogne");
        await editor.GotoAsync(site.Url("/bourgogne/admin/proposals"));
        await editor.GetByRole(AriaRole.Link, new() { Name = structure }).ClickAsync();
        var thumbnail = editor.Locator(".proposal-image img");
        await Expect(thumbnail).ToHaveAttributeAsync("alt", "Une adulte sur un vélo, un bénévole à ses côtés");
        Assert.True(await thumbnail.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the proposal's image does not load");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Accepter et compléter le brouillon" }).ClickAsync();
        await Expect(Message(editor)).ToContainTextAsync("acceptée");
        await Expect(editor.Locator("#f-Image-alt")).ToHaveValueAsync("Une adulte sur un vélo, un bénévole à ses côtés");

        var proposal = await InTenantAsync(site, "Bourgogne", sp => sp.GetRequiredService<ProposalsDbContext>().Proposals.AsNoTracking().SingleAsync(p => p.StructureName == structure));
        Assert.Equal(ProposalStatus.Accepted, proposal.Status);
        var draft = (await LatestAsync(site, "Bourgogne", proposal.ContentItemId))!;
        var path = draft.Content["Image"]!["path"]!.GetValue<string>();
        Assert.StartsWith("proposition-", path, StringComparison.Ordinal); // never the visitor's own file name
        Assert.DoesNotContain("Camille", path, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (await editor.GotoAsync(site.Url("/bourgogne/media/" + path)))!.Status);
        Assert.False(string.IsNullOrWhiteSpace(refusedError));
    }
}
