using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Content;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>The back-office home in Chromium: quick actions, own drafts, review queue, schedule, others' changes.</summary>
[Collection(SharedBrowser.Name)]
public sealed class DashboardTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Fact]
    public async Task The_dashboard_shows_what_an_editor_needs_today()
    {
        var site = admin.Site;
        const string prefix = "/bourgogne";
        var editor = await CreateUserAsync(site, "Bourgogne", "Editor");
        var colleague = await CreateUserAsync(site, "Bourgogne", "Author");
        var unique = Unique();
        var mine = await DraftAsync(site, "Bourgogne", "Initiative", "Mon brouillon " + unique, editor);
        await DraftAsync(site, "Bourgogne", "News", "Article d'un collègue " + unique, colleague);
        var waiting = await DraftAsync(site, "Bourgogne", "Initiative", "À relire " + unique, colleague);
        var later = await DraftAsync(site, "Bourgogne", "News", "Plus tard " + unique, colleague);
        await InTenantAsync(site, "Bourgogne", async sp =>
        {
            var workflow = sp.GetRequiredService<IContentWorkflow>();
            Assert.True((await workflow.SubmitForReviewAsync(waiting.ContentItemId, CancellationToken.None)).Succeeded);
            Assert.True((await workflow.SchedulePublishAsync(later.ContentItemId, new DateTime(2032, 1, 10, 8, 0, 0, DateTimeKind.Utc), null, CancellationToken.None)).Succeeded);
            return true;
        });

        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix, editor, UserPassword);

        var actions = page.GetByRole(AriaRole.Navigation, new() { Name = "Actions rapides" });
        await Expect(actions.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Nouvelle initiative", "Téléverser", "Voir le site"]);
        await Expect(page.Locator("section[aria-labelledby=drafts-title]")).ToContainTextAsync("Mon brouillon " + unique);
        await Expect(page.Locator("section[aria-labelledby=drafts-title]")).Not.ToContainTextAsync("Article d'un collègue " + unique);
        await Expect(page.Locator("section[aria-labelledby=review-title] tr", new() { HasText = "À relire " + unique })).ToContainTextAsync(colleague);
        // 10 January 2032, 8:00 UTC is 9:00 in Paris (winter time).
        await Expect(page.Locator("section[aria-labelledby=scheduled-title] tr", new() { HasText = "Plus tard " + unique })).ToContainTextAsync("10 janvier 2032 à 9 h 00");
        var changes = page.Locator("section[aria-labelledby=changes-title]");
        await Expect(changes.Locator("tr", new() { HasText = "Article d'un collègue " + unique })).ToContainTextAsync(colleague);
        await Expect(changes).Not.ToContainTextAsync("Mon brouillon " + unique);
        await AssertAccessibleAsync(page, "dashboard");

        await actions.GetByRole(AriaRole.Link, new() { Name = "Nouvelle initiative" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url(prefix + "/admin/contents/new/Initiative"));
        await page.GoBackAsync();
        await actions.GetByRole(AriaRole.Link, new() { Name = "Téléverser" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url(prefix + "/admin/media#televerser"));
        await Expect(page.Locator("#upload-file")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await actions.GetByRole(AriaRole.Link, new() { Name = "Voir le site" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url(prefix + "/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("rally'nov Bourgogne");
        await page.GoBackAsync();

        // A draft link opens its editor.
        await page.Locator("section[aria-labelledby=drafts-title]").GetByRole(AriaRole.Link, new() { Name = "Mon brouillon " + unique }).ClickAsync();
        await Expect(page.Locator("#f-Title")).ToHaveValueAsync("Mon brouillon " + unique);
        Assert.EndsWith($"/admin/contents/{mine.ContentItemId}/edit", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_sees_only_the_quick_actions_they_may_use()
    {
        var site = admin.Site;
        var contributor = await CreateUserAsync(site, "FrancheComte", "Contributor");
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, "/franche-comte", contributor, UserPassword);

        // Contributors do not manage the media library: no « Téléverser ».
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Actions rapides" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["Nouvelle initiative", "Voir le site"]);
    }
}
