using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Content;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// The editorial work around an item, clicked in Chromium: bulk actions in the list, restoring an
/// old version, scheduling a publication, submitting for review and approving.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ContentWorkflowTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Theory]
    [InlineData("", "Default")]
    [InlineData("/bourgogne", "Bourgogne")]
    [InlineData("/franche-comte", "FrancheComte")]
    public async Task Ticked_items_are_published_then_put_in_the_bin_from_the_list(string prefix, string tenant)
    {
        var site = admin.Site;
        var batch = "Lot " + Unique();
        var first = await DraftAsync(site, tenant, "News", batch + " premier");
        var second = await DraftAsync(site, tenant, "News", batch + " second");
        var untouched = await DraftAsync(site, tenant, "News", batch + " laissé");
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);

        await page.GotoAsync(site.Url(prefix + "/admin/contents"));
        await page.GetByLabel("Titre contenant").FillAsync(batch);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(page.Locator("main p[role=status]:not(.alert)")).ToHaveTextAsync("3 contenus.");
        await page.GetByLabel($"Sélectionner « {batch} premier »").CheckAsync();
        await page.GetByLabel($"Sélectionner « {batch} second »").CheckAsync();
        await page.GetByLabel("Pour la sélection :").SelectOptionAsync("publish");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();

        await Expect(Message(page)).ToHaveTextAsync("2 contenus publiés.");
        await Expect(page.Locator("tr", new() { HasText = batch + " premier" })).ToContainTextAsync("Publié");
        await Expect(page.GetByLabel("Titre contenant")).ToHaveValueAsync(batch); // back on the same filtered list
        Assert.True((await LatestAsync(site, tenant, first.ContentItemId))!.Published);
        Assert.True((await LatestAsync(site, tenant, second.ContentItemId))!.Published);
        Assert.False((await LatestAsync(site, tenant, untouched.ContentItemId))!.Published);

        await page.GetByLabel($"Sélectionner « {batch} second »").CheckAsync();
        await page.GetByLabel("Pour la sélection :").SelectOptionAsync("delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync("1 contenu mis à la corbeille.");
        await Expect(page.Locator("main p[role=status]:not(.alert)")).ToHaveTextAsync("2 contenus.");
        Assert.Null(await LatestAsync(site, tenant, second.ContentItemId));

        // Nothing chosen: a clear message, nothing changed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
        await Expect(Error(page)).ToHaveTextAsync("Choisissez une action et au moins un contenu.");
        await AssertAccessibleAsync(page, "content list with an error");
    }

    [Fact]
    public async Task An_old_version_is_compared_and_restored_as_a_new_draft()
    {
        var site = admin.Site;
        var unique = Unique();
        var item = await DraftAsync(site, "Bourgogne", "Initiative", "Jardin partagé " + unique);
        await InTenantAsync(site, "Bourgogne", async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var edit = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest, CancellationToken.None))!.Clone();
            edit.Set("Title", "Jardin partagé renommé " + unique);
            edit.Author = "admin";
            Assert.True((await contents.SaveDraftAsync(edit, CancellationToken.None)).Succeeded);
            return true;
        });
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, "/bourgogne");

        await page.GotoAsync(site.Url($"/bourgogne/admin/contents/{item.ContentItemId}/edit"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Historique des versions" }).ClickAsync();
        await AssertAccessibleAsync(page, "version history");
        await page.Locator("main a[href$='/versions/" + item.ContentItemVersionId + "']").First.ClickAsync();
        await AssertAccessibleAsync(page, "version diff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Restaurer cette version comme brouillon" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/bourgogne/admin/contents/{item.ContentItemId}/edit$"));
        await Expect(Message(page)).ToContainTextAsync("La version n° 1 est restaurée comme brouillon (version n° 3");
        await Expect(page.Locator("#f-Title")).ToHaveValueAsync("Jardin partagé " + unique);
        var latest = (await LatestAsync(site, "Bourgogne", item.ContentItemId))!;
        Assert.Equal(3, latest.VersionNumber);
        Assert.Equal("Jardin partagé " + unique, latest.DisplayText);
        Assert.Equal("admin", latest.Author);
    }

    [Fact]
    public async Task A_publication_is_scheduled_in_Paris_time_shown_on_the_dashboard_and_cancelled()
    {
        var site = admin.Site;
        var title = "Programmé " + Unique();
        var item = await DraftAsync(site, "FrancheComte", "News", title);
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, "/franche-comte");

        await page.GotoAsync(site.Url($"/franche-comte/admin/contents/{item.ContentItemId}/edit"));
        await page.GetByLabel("Date et heure de publication").FillAsync("2031-07-14T09:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Programmer la publication" }).ClickAsync();

        await Expect(Message(page)).ToHaveTextAsync("Publication programmée le 14 juillet 2031 à 9 h 30.");
        await Expect(page.Locator(".content-workflow")).ToContainTextAsync("Programmé le 14 juillet 2031 à 9 h 30");
        await AssertAccessibleAsync(page, "editor with a scheduled publication");
        // Summer time in Paris is UTC+2.
        Assert.Equal(new DateTime(2031, 7, 14, 7, 30, 0, DateTimeKind.Utc), (await LatestAsync(site, "FrancheComte", item.ContentItemId))!.ScheduledPublishUtc);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).ClickAsync();
        var row = page.Locator("section[aria-labelledby=scheduled-title] tr", new() { HasText = title });
        await Expect(row).ToContainTextAsync("14 juillet 2031 à 9 h 30");
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler la programmation" }).ClickAsync();
        await Expect(Message(page)).ToBeVisibleAsync();
        await Expect(page.Locator(".content-workflow")).Not.ToContainTextAsync("Programmé le");
        var after = (await LatestAsync(site, "FrancheComte", item.ContentItemId))!;
        Assert.Null(after.ScheduledPublishUtc);
        Assert.False(after.Published);
    }

    [Fact]
    public async Task A_contributor_submits_for_review_and_an_editor_approves_by_publishing()
    {
        var site = admin.Site;
        var contributor = await CreateUserAsync(site, "Bourgogne", "Contributor");
        var editor = await CreateUserAsync(site, "Bourgogne", "Editor");
        var title = "Proposition " + Unique();

        await using (var context = await browser.NewContextAsync())
        {
            var page = await SignInAsync(context, site, "/bourgogne", contributor, UserPassword);
            await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle initiative" }).ClickAsync();
            await page.Locator("#f-Title").FillAsync(title);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publier" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
            await Expect(Message(page)).ToContainTextAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre pour relecture" }).ClickAsync();
            await Expect(Message(page)).ToHaveTextAsync("Le contenu est soumis pour relecture : un éditeur va le relire et le publier.");
            await Expect(page.Locator(".content-workflow")).ToContainTextAsync("En attente de relecture");
            await AssertAccessibleAsync(page, "contributor's editor awaiting review");
        }

        var id = (await InTenantAsync(site, "Bourgogne", sp => sp.GetRequiredService<IContentManager>().QueryAsync(
            new ContentQuery { Status = ContentStatus.AwaitingReview, Title = title }, CancellationToken.None))).Items.Single().ContentItemId;
        Assert.NotNull((await LatestAsync(site, "Bourgogne", id))!.ReviewRequestedUtc);

        await using (var context = await browser.NewContextAsync())
        {
            var page = await SignInAsync(context, site, "/bourgogne", editor, UserPassword);
            var row = page.Locator("section[aria-labelledby=review-title] tr", new() { HasText = title });
            await Expect(row).ToContainTextAsync(contributor);
            await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
            await Expect(Message(page)).ToHaveTextAsync("« " + title + " » est publié.");
            await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).ClickAsync();
            await Expect(page.Locator("section[aria-labelledby=review-title]")).Not.ToContainTextAsync(title);
        }

        var published = (await LatestAsync(site, "Bourgogne", id))!;
        Assert.True(published.Published);
        Assert.Null(published.ReviewRequestedUtc);
        Assert.Equal(contributor, published.Owner);
    }
}
