using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Data;
using RallyNov.AuditTrail.Services;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.AuditTrail;

/// <summary>Back-office actions other than sign-in, recorded with the signed-in user as author.</summary>
[Collection(AuditAppGroup.Name)]
public sealed class BackOfficeAuditTests(AuditAppFactory app)
{
    [Fact]
    public async Task Publishing_from_the_content_list_is_recorded_with_the_editor_and_address()
    {
        string id;
        await using (var scope = app.Scope("FrancheComte"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var draft = contents.New("Page");
            draft.Set("Title", "Page à publier " + Guid.NewGuid().ToString("N")[..6]);
            var saved = await contents.SaveDraftAsync(draft, default);
            Assert.True(saved.Succeeded);
            id = saved.Item!.ContentItemId;
        }

        var editor = await app.CreateUserAsync("FrancheComte", "Editor");
        using var browser = app.Browser("192.0.2.44");
        using (var login = await browser.LoginAsync("/franche-comte", editor, UsersAppFactory.UserPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var response = await browser.SubmitAsync("/franche-comte/admin/contents", "/franche-comte/admin/contents/bulk",
            [new("action", "publish"), new("ids", id)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entries = await EntriesAsync("FrancheComte", new AuditQuery { Item = id });
        Assert.Equal([AuditActions.ContentPublished, AuditActions.ContentCreated], entries.Select(e => e.Action));
        Assert.Equal(editor, entries[0].UserName);
        Assert.Equal("192.0.2.44", entries[0].IpAddress);
        Assert.Equal(IAuditEventFactory.SystemUser, entries[1].UserName); // created outside a request
    }

    [Fact]
    public async Task Changing_role_permissions_records_what_was_added_and_removed()
    {
        using var browser = app.Browser();
        using (await browser.LoginAsync("/bourgogne", "admin", UsersAppFactory.AdminPassword))
        {
        }

        var before = DateTime.UtcNow.AddSeconds(-1);

        // Contributor keeps ViewContent and loses EditOwnContent; the other roles keep theirs.
        var grants = new List<KeyValuePair<string, string>> { new("grants", "Contributor:ViewContent") };
        foreach (var (role, permissions) in new[]
        {
            ("Editor", new[] { "ViewContent", "EditContent", "PublishContent", "DeleteContent", "ManageMedia", "ManageTaxonomies" }),
            ("Author", new[] { "ViewContent", "EditOwnContent", "PublishOwnContent", "DeleteOwnContent", "ManageMedia" }),
        })
        {
            grants.AddRange(permissions.Select(p => new KeyValuePair<string, string>("grants", role + ":" + p)));
        }

        using var response = await browser.SubmitAsync("/bourgogne/admin/roles", "/bourgogne/admin/roles", grants);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entries = await EntriesAsync("Bourgogne", new AuditQuery { Action = AuditActions.RolePermissionsChanged, FromUtc = before });
        var entry = Assert.Single(entries, e => e.ItemId == "Contributor");
        Assert.Equal("admin", entry.UserName);
        Assert.Equal("Ajoutées : aucune ; retirées : EditOwnContent", entry.Details);
    }

    [Fact]
    public async Task The_administrator_created_by_the_setup_is_recorded_as_the_systems_doing()
    {
        foreach (var tenant in new[] { "Default", "Bourgogne", "FrancheComte" })
        {
            var entries = await EntriesAsync(tenant, new AuditQuery { Item = "admin", Action = AuditActions.UserCreated });
            var entry = Assert.Single(entries);
            Assert.Equal(IAuditEventFactory.SystemUser, entry.UserName);
            Assert.Equal(AuditCategories.Users, entry.Category);
            Assert.Equal("Rôles : Administrateur (installation du site)", entry.Details);
        }
    }

    [Fact]
    public async Task Signing_out_is_recorded()
    {
        var user = await app.CreateUserAsync("Default", "Author");
        using var browser = app.Browser();
        using (await browser.LoginAsync("", user, UsersAppFactory.UserPassword))
        {
        }

        using var logout = await browser.SubmitAsync("/admin", "/admin/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var entries = await EntriesAsync("Default", new AuditQuery { Item = user, Action = AuditActions.Logout });
        Assert.Equal(user, Assert.Single(entries).UserName);
    }

    private async Task<List<AuditEntry>> EntriesAsync(string tenant, AuditQuery query)
    {
        await using var scope = app.Scope(tenant);
        return [.. (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(query, default)).Items];
    }
}
