using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Contents;

/// <summary>Shortcuts for the content editor tests: users, items, the form's hidden fields.</summary>
internal static partial class EditorHelpers
{
    public const string Prefix = "/bourgogne";
    public const string Tenant = "Bourgogne";

    public static async Task<(TestBrowser Browser, string UserName)> SignedInAsync(UsersAppFactory app, string role)
    {
        var user = role == "Administrator" ? "admin" : await app.CreateUserAsync(Tenant, role);
        var password = role == "Administrator" ? UsersAppFactory.AdminPassword : UsersAppFactory.UserPassword;
        var browser = app.Browser();
        using var login = await browser.LoginAsync(Prefix, user, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (browser, user);
    }

    /// <summary>
    /// Waits until the initiatives' list index is up to date (it answers null while the last change
    /// is not applied) and holds <paramref name="id"/> among its <paramref name="take"/> first items.
    /// </summary>
    public static async Task ListIndexHoldsAsync(UsersAppFactory app, string id, int take)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var scope = app.Scope(Tenant);
            var page = await scope.ServiceProvider.GetServices<IPublishedListIndex>().Single().QueryAsync(
                new PublishedListQuery { ContentType = "Initiative", SortByNumberDescending = "annee", Take = take }, CancellationToken.None);
            if (page is not null && page.Ids.Contains(id))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The search index did not apply the publication in 10 s.");
    }

    /// <summary>An Initiative draft stored straight through the content manager.</summary>
    public static async Task<ContentItem> DraftAsync(UsersAppFactory app, string owner, string? title = null)
    {
        await using var scope = app.Scope(Tenant);
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = contents.New("Initiative");
        item.Set("Title", title ?? "Initiative de " + owner + " " + Guid.NewGuid().ToString("N")[..6]);
        item.Owner = owner;
        item.Author = owner;
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!;
    }

    public static async Task<ContentItem?> LatestAsync(UsersAppFactory app, string id, VersionOptions options = VersionOptions.Latest)
    {
        await using var scope = app.Scope(Tenant);
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, options, CancellationToken.None);
    }

    public static string EditUrl(string id) => $"{Prefix}/admin/contents/{id}/edit";

    /// <summary>Posts the edit form as the page gave it (its token and version id), with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SaveAsync(TestBrowser browser, string id, string submit, params (string Name, string Value)[] fields)
    {
        var page = await browser.GetPageAsync(EditUrl(id));
        return await PostFormAsync(browser, EditUrl(id), page, submit, fields);
    }

    /// <summary>
    /// Submits the editor form of <paramref name="page"/> (the one posting to <paramref name="action"/>)
    /// with the button <paramref name="submit"/>: its own fields, version id and token, with
    /// <paramref name="fields"/> typed in.
    /// </summary>
    public static Task<HttpResponseMessage> PostFormAsync(TestBrowser browser, string action, string page, string submit, params (string Name, string Value)[] fields) =>
        browser.SubmitAsync(HtmlForm.Find(page, action, action),
        [
            new("submit", submit),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
        ]);

    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No hidden field {name} in the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The item id from the redirect to its edit page.</summary>
    public static string IdFromRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = EditLocation().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, "Not a redirect to an edit page: " + response.Headers.Location);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("/admin/contents/([^/]+)/edit$")]
    private static partial Regex EditLocation();
}
