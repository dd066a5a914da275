using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Users;

/// <summary>The dashboard and the content list, as the roles see them.</summary>
[Collection(UsersAppGroup.Name)]
public sealed class BackOfficeContentTests(UsersAppFactory app)
{
    [Fact]
    public async Task The_dashboard_counts_content_and_lists_the_users_own_drafts()
    {
        var author = await app.CreateUserAsync("Bourgogne", "Author");
        var title = "Brouillon de " + author;
        await SaveDraftAsync("Bourgogne", title, author);

        using var browser = await SignedInAsync("Bourgogne", author);
        var html = await browser.GetPageAsync("/bourgogne/admin");

        Assert.Contains("Contenus du site", html, StringComparison.Ordinal);
        Assert.Contains("Brouillons", html, StringComparison.Ordinal);
        Assert.Contains(title, Html.Section(html, "drafts-title"), StringComparison.Ordinal);

        // Another user's drafts list does not show it (their "recent changes by others" does).
        using var other = await SignedInAsync("Bourgogne", await app.CreateUserAsync("Bourgogne", "Editor"));
        var theirs = await other.GetPageAsync("/bourgogne/admin");
        Assert.DoesNotContain(title, Html.Section(theirs, "drafts-title"), StringComparison.Ordinal);
        Assert.Contains(title, Html.Section(theirs, "changes-title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_content_list_filters_by_type_status_and_title()
    {
        var owner = await app.CreateUserAsync("Bourgogne", "Contributor");
        var title = "Liste " + owner;
        await SaveDraftAsync("Bourgogne", title, owner);
        using var browser = await SignedInAsync("Bourgogne", owner);

        var drafts = await browser.GetPageAsync($"/bourgogne/admin/contents?type=Page&status=draft&q={Uri.EscapeDataString(title)}");
        Assert.Contains($"<th scope=\"row\">{title}</th>", drafts, StringComparison.Ordinal);
        Assert.Contains("1 contenu.", drafts, StringComparison.Ordinal);

        var published = await browser.GetPageAsync($"/bourgogne/admin/contents?type=Page&status=published&q={Uri.EscapeDataString(title)}");
        Assert.DoesNotContain($"<th scope=\"row\">{title}</th>", published, StringComparison.Ordinal);
        Assert.Contains("Aucun contenu ne correspond.", published, StringComparison.Ordinal);

        // Hand-edited URLs with unknown values fall back to the full list instead of failing.
        using var odd = await browser.GetAsync("/bourgogne/admin/contents?type=Nope&status=bizarre&page=-3");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
    }

    [Fact]
    public async Task The_content_list_title_search_ignores_case_on_every_database()
    {
        // PostgreSQL's LIKE is case-sensitive where SQLite's is not: an editor typing in lower case still finds the page.
        var owner = await app.CreateUserAsync("Bourgogne", "Contributor");
        var title = "Épicerie Casse-Tête " + owner;
        await SaveDraftAsync("Bourgogne", title, owner);
        using var browser = await SignedInAsync("Bourgogne", owner);

        var html = await browser.GetPageAsync($"/bourgogne/admin/contents?q={Uri.EscapeDataString("casse-tête " + owner.ToUpperInvariant())}");
        Assert.Contains($"<th scope=\"row\">{title}</th>", html, StringComparison.Ordinal);
        Assert.Contains("1 contenu.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_content_list_of_another_tenant_does_not_show_this_tenants_items()
    {
        var owner = await app.CreateUserAsync("Bourgogne", "Editor");
        var title = "Isolé " + owner;
        await SaveDraftAsync("Bourgogne", title, owner);

        using var admin = await SignedInAsync("FrancheComte", "admin", UsersAppFactory.AdminPassword);
        var html = await admin.GetPageAsync("/franche-comte/admin/contents?q=" + Uri.EscapeDataString(title));
        Assert.DoesNotContain($"<th scope=\"row\">{title}</th>", html, StringComparison.Ordinal);
        Assert.Contains("Aucun contenu ne correspond.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_user_without_role_cannot_open_the_content_list()
    {
        using var browser = await SignedInAsync("Bourgogne", await app.CreateUserAsync("Bourgogne", ""));
        using var response = await browser.GetAsync("/bourgogne/admin/contents");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Bulk_publish_respects_own_and_all_permissions_item_by_item()
    {
        var author = await app.CreateUserAsync("Bourgogne", "Author");
        var other = await app.CreateUserAsync("Bourgogne", "Author");
        var mine = await SaveDraftAsync("Bourgogne", "À moi " + author, author);
        var theirs = await SaveDraftAsync("Bourgogne", "À l'autre " + other, other);

        using var browser = await SignedInAsync("Bourgogne", author);
        using var response = await BulkAsync(browser, "publish", mine, theirs);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bourgogne/admin/contents?status=draft", response.Headers.Location!.OriginalString);
        Assert.True(await IsPublishedAsync(mine));
        Assert.False(await IsPublishedAsync(theirs));
        Assert.Contains("1 refusé", await browser.GetPageAsync("/bourgogne/admin/contents?status=draft"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_cannot_publish_even_their_own_draft()
    {
        var contributor = await app.CreateUserAsync("Bourgogne", "Contributor");
        var mine = await SaveDraftAsync("Bourgogne", "Proposition " + contributor, contributor);

        using var browser = await SignedInAsync("Bourgogne", contributor);
        using var response = await BulkAsync(browser, "publish", mine);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await IsPublishedAsync(mine));
    }

    [Fact]
    public async Task An_editor_publishes_and_deletes_anybodys_content()
    {
        var author = await app.CreateUserAsync("Bourgogne", "Author");
        var item = await SaveDraftAsync("Bourgogne", "Relu " + author, author);
        using var editor = await SignedInAsync("Bourgogne", await app.CreateUserAsync("Bourgogne", "Editor"));

        using (var publish = await BulkAsync(editor, "publish", item))
        {
            Assert.True(await IsPublishedAsync(item));
        }

        using var delete = await BulkAsync(editor, "delete", item);
        Assert.False(await IsPublishedAsync(item));
        await using var scope = app.Scope("Bourgogne");
        var bin = await scope.ServiceProvider.GetRequiredService<IContentManager>().QueryAsync(
            new ContentQuery { Status = ContentStatus.Deleted, Owner = author, PageSize = 10 }, CancellationToken.None);
        Assert.Contains(bin.Items, i => i.ContentItemId == item);
    }

    private static async Task<HttpResponseMessage> BulkAsync(TestBrowser browser, string action, params string[] ids)
    {
        // The list's own bulk form; the ids are ticked as given (one may belong to someone else: the server decides).
        return await browser.SubmitAsync("/bourgogne/admin/contents?status=draft", "/bourgogne/admin/contents/bulk",
        [
            new("action", action),
            .. ids.Select(id => new KeyValuePair<string, string>("ids", id)),
        ]);
    }

    private async Task<bool> IsPublishedAsync(string id)
    {
        await using var scope = app.Scope("Bourgogne");
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published, CancellationToken.None) is not null;
    }

    private async Task<string> SaveDraftAsync(string tenant, string title, string owner)
    {
        await using var scope = app.Scope(tenant);
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = contents.New("Page");
        item.Set("Title", title);
        item.Owner = owner;
        item.Author = owner;
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!.ContentItemId;
    }

    private async Task<TestBrowser> SignedInAsync(string tenant, string user, string password = UsersAppFactory.UserPassword)
    {
        var prefix = tenant switch { "Bourgogne" => "/bourgogne", "FrancheComte" => "/franche-comte", _ => "" };
        var browser = app.Browser();
        using var login = await browser.LoginAsync(prefix, user, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }
}
