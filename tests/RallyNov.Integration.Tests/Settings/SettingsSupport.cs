using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Data;
using RallyNov.AuditTrail.Services;
using RallyNov.Core.Content;
using RallyNov.Core.Settings;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Settings;

/// <summary>Sign-in, the public pages as a visitor reads them, and the stored settings, for the settings tests.</summary>
internal static class SettingsSupport
{
    private static readonly HtmlParser Parser = new();

    public static string Prefix(string tenant) => tenant switch { "Bourgogne" => "/bourgogne", "FrancheComte" => "/franche-comte", _ => "" };

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    public static async Task<TestBrowser> AdminAsync(SettingsAppFactory app, string tenant, string user = "admin", string password = SettingsAppFactory.AdminPassword)
    {
        var browser = app.Browser();
        using var login = await browser.LoginAsync(Prefix(tenant), user, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    /// <summary>The page a redirect leads to (the flash message is on it), or the answer's own page.</summary>
    public static async Task<string> FollowAsync(TestBrowser browser, HttpResponseMessage response)
    {
        var html = response.StatusCode == HttpStatusCode.Redirect
            ? await browser.GetPageAsync(response.Headers.Location!.OriginalString)
            : await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>A visitor's page: a fresh client, no cookie.</summary>
    public static async Task<string> PublicAsync(SettingsAppFactory app, string path)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The public header's menu: (text, href) in order.</summary>
    public static IReadOnlyList<(string Text, string Href)> MainMenu(string html)
    {
        using var document = Parser.ParseDocument(html);
        return document.QuerySelectorAll("nav.main-nav a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? "")).ToList();
    }

    public static IReadOnlyList<(string Text, string Href)> FooterInformation(string html)
    {
        using var document = Parser.ParseDocument(html);
        return document.QuerySelectorAll("nav[aria-labelledby=footer-info] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? "")).ToList();
    }

    public static async Task<JsonObject> SiteSettingsAsync(SettingsAppFactory app, string tenant)
    {
        await using var scope = app.Scope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ISiteSettingsService>().GetAsync("site", CancellationToken.None);
    }

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(SettingsAppFactory app, string tenant, string action, string? item = null)
    {
        await using var scope = app.Scope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Action = action, Item = item, PageSize = 20 }, CancellationToken.None)).Items;
    }

    /// <summary>A published item made through the content manager (the content editor has its own tests).</summary>
    public static async Task<ContentItem> PublishAsync(SettingsAppFactory app, string tenant, string type, string title, Action<ContentItem>? fill = null)
    {
        await using var scope = app.Scope(tenant);
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = contents.New(type);
        item.Set("Title", title);
        item.Owner = item.Author = "admin";
        fill?.Invoke(item);
        var result = await contents.PublishAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!;
    }
}
