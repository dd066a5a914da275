using System.Net;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Users;
using static RallyNov.Integration.Tests.Contents.EditorHelpers;

namespace RallyNov.Integration.Tests.Contents;

/// <summary>
/// Role × action on the editor's endpoints, posted directly with a valid antiforgery token: only the
/// server's permission check can refuse, whatever buttons the page would have shown.
/// </summary>
[Collection(UsersAppGroup.Name)]
public sealed class ContentEditorPermissionTests(UsersAppFactory app)
{
    public static TheoryData<string, string, bool> Matrix()
    {
        var allowed = new Dictionary<string, string[]>
        {
            ["Administrator"] = ["create", "edit-own", "edit-other", "publish-own", "publish-other", "delete-own", "delete-other"],
            ["Editor"] = ["create", "edit-own", "edit-other", "publish-own", "publish-other", "delete-own", "delete-other"],
            ["Author"] = ["create", "edit-own", "publish-own", "delete-own"],
            ["Contributor"] = ["create", "edit-own"],
        };
        string[] actions = ["create", "edit-own", "edit-other", "publish-own", "publish-other", "delete-own", "delete-other"];
        var data = new TheoryData<string, string, bool>();
        foreach (var (role, granted) in allowed)
        {
            foreach (var action in actions)
            {
                data.Add(role, action, granted.Contains(action));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_exactly_what_its_permissions_allow(string role, string action, bool allowed)
    {
        var (browser, user) = await SignedInAsync(app, role);
        using var _b = browser;
        var owner = action.EndsWith("-own", StringComparison.Ordinal) ? user : await app.CreateUserAsync(Tenant, "Author");
        var item = action == "create" ? null : await DraftAsync(app, owner);

        // Forged requests: a refused user has no form to submit, so only the permission check may stop them.
        var title = "Matrice " + Guid.NewGuid().ToString("N")[..8];
        using var response = action switch
        {
            "create" => await browser.ForgedPostAsync(Prefix + "/admin/contents", Prefix + "/admin/contents/new/Initiative",
                [new("submit", "draft"), new("f.Title", title)]),
            "edit-own" or "edit-other" => await PostEditAsync(browser, item!, "draft", title),
            "publish-own" or "publish-other" => await PostEditAsync(browser, item!, "publish", title),
            _ => await browser.ForgedPostAsync(Prefix + "/admin/contents", $"{Prefix}/admin/contents/{item!.ContentItemId}/delete", []),
        };

        Assert.Equal(allowed ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden, response.StatusCode);
        if (item is null)
        {
            return;
        }

        var latest = await LatestAsync(app, item.ContentItemId);
        var published = await LatestAsync(app, item.ContentItemId, VersionOptions.Published);
        switch (action)
        {
            case "edit-own" or "edit-other":
                Assert.Equal(allowed ? title : item.DisplayText, latest!.DisplayText);
                break;
            case "publish-own" or "publish-other":
                Assert.Equal(allowed, published is not null);
                Assert.Equal(allowed ? title : item.DisplayText, latest!.DisplayText);
                break;
            default:
                Assert.Equal(allowed, latest is null);
                break;
        }
    }

    [Theory]
    [InlineData("Contributor", false)]
    [InlineData("Author", true)]
    public async Task The_publish_button_is_shown_only_to_who_may_publish(string role, bool shown)
    {
        var (browser, _) = await SignedInAsync(app, role);
        using var _b = browser;

        var html = await browser.GetPageAsync(Prefix + "/admin/contents/new/Initiative");

        Assert.Contains("Enregistrer le brouillon", html, StringComparison.Ordinal);
        Assert.Equal(shown, html.Contains("value=\"publish\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contributor_cannot_open_or_unpublish_someone_elses_item()
    {
        var (browser, _) = await SignedInAsync(app, "Contributor");
        using var _b = browser;
        var item = await DraftAsync(app, await app.CreateUserAsync(Tenant, "Author"));

        using var edit = await browser.GetAsync(EditUrl(item.ContentItemId));
        using var unpublish = await browser.ForgedPostAsync(Prefix + "/admin/contents", $"{Prefix}/admin/contents/{item.ContentItemId}/unpublish", []);

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unpublish.StatusCode);
    }

    private static Task<HttpResponseMessage> PostEditAsync(TestBrowser browser, ContentItem item, string submit, string title) =>
        browser.ForgedPostAsync(Prefix + "/admin/contents", EditUrl(item.ContentItemId),
        [
            new("contentItemVersionId", item.ContentItemVersionId),
            new("submit", submit),
            new("f.Title", title),
        ]);
}
