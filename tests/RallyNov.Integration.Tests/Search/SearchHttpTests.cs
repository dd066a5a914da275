using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Search;

/// <summary>Search through HTTP on the real sample content of the three tenants.</summary>
public sealed class SearchHttpTests : IAsyncLifetime
{
    private RallyNovFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    [Fact]
    public async Task Api_answers_per_tenant_and_the_portal_can_search_every_region()
    {
        var client = Factory.CreateClient();
        var comte = await WaitForAsync(client, "/franche-comte/api/search?q=drive+fermier", json => json.GetProperty("total").GetInt32() > 0);
        var hit = comte.GetProperty("hits")[0];
        Assert.StartsWith("/franche-comte/", hit.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("FrancheComte", hit.GetProperty("tenant").GetString());
        Assert.True(comte.GetProperty("facets").GetProperty("type").GetArrayLength() > 0);

        var bourgogne = await GetJsonAsync(client, "/bourgogne/api/search?q=drive+fermier");
        Assert.All(bourgogne.GetProperty("hits").EnumerateArray(), h => Assert.Equal("Bourgogne", h.GetProperty("tenant").GetString()));

        var everywhere = await WaitForAsync(client, "/api/search?q=laur%C3%A9at&toutes=1&size=50", json =>
            json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("tenant").GetString()).Distinct().Count() >= 2);
        foreach (var found in everywhere.GetProperty("hits").EnumerateArray())
        {
            var url = found.GetProperty("url").GetString()!;
            using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode); // every hit links to a live page of its own tenant
        }
    }

    [Fact]
    public async Task Publish_shows_up_and_unpublish_disappears_without_a_restart()
    {
        var client = Factory.CreateClient();
        var id = await Factory.WithContentAsync("Bourgogne", async contents =>
        {
            var page = contents.New("Page");
            page.Content["Title"] = "Zéphyrin, atelier de réparation de cycles";
            var result = await contents.PublishAsync(page, CancellationToken.None);
            Assert.True(result.Succeeded);
            return page.ContentItemId;
        });

        await WaitForAsync(client, "/bourgogne/api/search?q=zephyrin", json => json.GetProperty("total").GetInt32() == 1);
        await Factory.WithContentAsync("Bourgogne", contents => contents.UnpublishAsync(id, CancellationToken.None));
        await WaitForAsync(client, "/bourgogne/api/search?q=zephyrin", json => json.GetProperty("total").GetInt32() == 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("*:*")]
    [InlineData("(((")]
    [InlineData("\\")]
    [InlineData("q=%00%ff")]
    [InlineData("AND OR NOT")]
    public async Task Search_page_and_api_never_fail(string query)
    {
        var client = Factory.CreateClient();
        foreach (var prefix in new[] { "", "/bourgogne", "/franche-comte" })
        {
            var (status, html) = await Html.GetAsync(client, $"{prefix}/recherche?q={Uri.EscapeDataString(query)}&page=-3&size=abc");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
            using var api = await client.GetAsync(new Uri($"{prefix}/api/search?q={Uri.EscapeDataString(query)}&size=999", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }

        using var huge = await client.GetAsync(new Uri("/api/search?q=" + new string('é', 10_000), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
    }

    [Fact]
    public async Task Search_page_filters_with_plain_links()
    {
        var client = Factory.CreateClient();
        await WaitForAsync(client, "/franche-comte/api/search?q=laur%C3%A9at", json => json.GetProperty("total").GetInt32() > 0);
        var (_, html) = await Html.GetAsync(client, "/franche-comte/recherche?q=laur%C3%A9at");
        Assert.Contains("résultat", Html.Decoded(html), StringComparison.Ordinal);
        Assert.Contains("href=\"/franche-comte/recherche?q=", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_screen_needs_a_signed_in_administrator_and_rebuilds_in_the_background()
    {
        using var anonymous = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var redirect = await anonymous.GetAsync(new Uri("/bourgogne/admin/recherche", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);

        using var browser = new TestBrowser(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
        using (var login = await browser.LoginAsync("/bourgogne", "admin", RallyNovFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = Html.Decoded(await browser.GetPageAsync("/bourgogne/admin/recherche"));
        Assert.Contains("Documents indexés", page, StringComparison.Ordinal);
        using var rebuild = await browser.SubmitAsync("/bourgogne/admin/recherche", "/bourgogne/admin/recherche/reconstruire", []);
        Assert.Equal(HttpStatusCode.Redirect, rebuild.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string state;
        do
        {
            await Task.Delay(200);
            state = await browser.GetPageAsync("/bourgogne/admin/recherche/etat");
        }
        while (state.Contains("\"running\":true", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        using var json = JsonDocument.Parse(state);
        Assert.False(json.RootElement.GetProperty("rebuild").GetProperty("running").GetBoolean());
        Assert.True(json.RootElement.GetProperty("documents").GetInt32() > 0);
        Assert.NotEqual(JsonValueKind.Null, json.RootElement.GetProperty("lastRebuildUtc").ValueKind);
    }

    [Fact]
    public async Task A_tenant_without_the_search_module_has_no_search()
    {
        await Factory.UpdateTenantAsync("Bourgogne", t => t.EnabledModules = ["RallyNov.Pages"]);
        var client = Factory.CreateClient();
        var (status, _) = await Html.GetAsync(client, "/bourgogne/recherche?q=x");
        Assert.Equal(HttpStatusCode.NotFound, status);
        using var api = await client.GetAsync(new Uri("/bourgogne/api/search?q=x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    /// <summary>The index follows the log in the background: poll until the condition holds (5 s at most).</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient client, string url, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var json = await GetJsonAsync(client, url);
            if (condition(json) || DateTime.UtcNow > deadline)
            {
                Assert.True(condition(json), $"{url} did not reach the expected state: {json}");
                return json;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var text = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
