using System.Net;
using System.Text.Json;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests;

/// <summary>/health, disabled tenants and modules switched off per tenant.</summary>
public sealed class TenantStateTests
{
    [Fact]
    public async Task Health_reports_each_tenant_running_with_its_database_ok()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        using var response = await SettledHealthAsync(client);
        var tenants = await ReadHealthAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Bourgogne", "Default", "FrancheComte"], tenants.Keys.Order(StringComparer.Ordinal));
        Assert.All(tenants.Values, t => Assert.Equal(("Running", "ok"), t));
    }

    [Fact]
    public async Task Health_is_not_served_inside_a_tenant_prefix()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        var (status, html) = await Html.GetAsync(client, "/bourgogne/health");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page introuvable", Html.FirstText(html, "h1"));
    }

    [Fact]
    public async Task A_disabled_tenant_answers_503_in_french_and_health_still_answers()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        await factory.UpdateTenantAsync("Bourgogne", t => t.State = TenantState.Disabled);

        using var page = await client.GetAsync(new Uri("/bourgogne/pages/les-delices-bleus", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("momentanément fermé", Html.Decoded(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Délices", Html.Decoded(html), StringComparison.Ordinal);

        // The other tenants keep working, and the host's health endpoint describes the outage.
        Assert.Equal(HttpStatusCode.OK, (await Html.GetAsync(client, "/franche-comte")).Status);
        using var health = await SettledHealthAsync(client);
        var tenants = await ReadHealthAsync(health);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(("Disabled", "skipped"), tenants["Bourgogne"]);
        Assert.Equal(("Running", "ok"), tenants["FrancheComte"]);
    }

    [Fact]
    public async Task Health_answers_even_when_the_portal_itself_is_disabled()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        await factory.UpdateTenantAsync("Default", t => t.State = TenantState.Disabled);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Html.GetAsync(client, "/")).Status);
        using var health = await SettledHealthAsync(client);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(("Disabled", "skipped"), (await ReadHealthAsync(health))["Default"]);
    }

    [Fact]
    public async Task A_module_switched_off_for_a_tenant_hides_its_routes_there_only()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Html.GetAsync(client, "/bourgogne/pages/les-delices-bleus")).Status);

        await factory.UpdateTenantAsync("Bourgogne", t => t.EnabledModules = ["RallyNov.Contents", "RallyNov.Theme"]);

        var (status, html) = await Html.GetAsync(client, "/bourgogne/pages/les-delices-bleus");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page introuvable", Html.FirstText(html, "h1"));
        Assert.Equal(HttpStatusCode.NotFound, (await Html.GetAsync(client, "/bourgogne/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Html.GetAsync(client, "/franche-comte/pages/conditions-favorables-innovation-sociale")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Html.GetAsync(client, "/pages/a-propos")).Status);
    }

    [Fact]
    public async Task A_tenant_bound_to_a_host_answers_at_the_root_of_that_host()
    {
        await using var factory = new RallyNovFactory();
        await factory.UpdateTenantAsync("Bourgogne", t =>
        {
            t.UrlPrefix = "";
            t.Hosts = ["bourgogne.rallynov.test"];
        });
        using var bourgogne = factory.CreateClient(new() { BaseAddress = new Uri("http://Bourgogne.RallyNov.test:8080/") });
        using var portal = factory.CreateClient();

        var (status, html) = await Html.GetAsync(bourgogne, "/pages/les-delices-bleus");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal); // links without the old prefix
        Assert.Equal("rally'nov Bourgogne", Html.FirstText((await Html.GetAsync(bourgogne, "/")).Html, "h1"));
        Assert.Equal(HttpStatusCode.NotFound, (await Html.GetAsync(portal, "/bourgogne/pages/les-delices-bleus")).Status);
    }

    /// <summary>
    /// /health once the running tenants' search indexes are built: on a loaded machine the
    /// factory's readiness wait (20 s) can end first, and /health rightly says 503 while an index
    /// builds. A disabled tenant that kept /health at 503 would still fail after the minute.
    /// </summary>
    private static async Task<HttpResponseMessage> SettledHealthAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }

    private static async Task<Dictionary<string, (string State, string Database)>> ReadHealthAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("tenants").EnumerateArray().ToDictionary(
            t => t.GetProperty("name").GetString()!,
            t => (t.GetProperty("state").GetString()!, t.GetProperty("database").GetString()!));
    }
}
