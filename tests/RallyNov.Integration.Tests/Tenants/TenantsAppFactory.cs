using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>
/// The shared site of the tenant-management tests: the portal and the two territories from their
/// recipes. Each test creates (and removes) its own sites with names of its own.
/// </summary>
public sealed class TenantsAppFactory() : SharedSiteFactory("rallynov-tenants")
{
    public const string SiteAdminPassword = "Site-Passw0rd-Admin";

    public SiteBrowser Site() => new(Client());

    public ITenantStore Store => Services.GetRequiredService<ITenantStore>();

    public async Task<T> InTenantAsync<T>(string tenant, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope(tenant);
        return await action(scope.ServiceProvider);
    }

    public static string UniqueName(string stem) => stem + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A browser signed in as the portal's administrator.</summary>
    public async Task<SiteBrowser> PortalAdminAsync()
    {
        var browser = Site();
        using var login = await browser.LoginAsync("", "admin", AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    /// <summary>
    /// Creates a site through the portal's « Nouveau site » form, as an administrator does, and
    /// waits for its installation to finish (the progress page's own status address).
    /// </summary>
    public static async Task CreateThroughFormAsync(SiteBrowser admin, string name, string prefix, string? host = null, string recipe = "territoire", string adminUser = "siteadmin")
    {
        var form = await admin.OpenFormAsync("/admin/tenants/new", "/admin/tenants/new");
        form.Set("DisplayName", "rally'nov " + name)
            .Set("Name", name)
            .Set("UrlPrefix", prefix)
            .Set("Hosts", host ?? "")
            .Check("Recipe", recipe)
            .Set("AdminUserName", adminUser)
            .Set("AdminEmail", adminUser + "@example.org")
            .Set("AdminPassword", SiteAdminPassword)
            .Set("AdminPasswordConfirmation", SiteAdminPassword);
        using var created = await admin.SubmitAsync(form);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"Creation answered {(int)created.StatusCode}: {SiteBrowser.Excerpt(await created.Content.ReadAsStringAsync())}");
        Assert.Equal($"/admin/tenants/{name}/setup", created.Headers.Location!.OriginalString);
        await WaitForSetupAsync(admin, name);
    }

    /// <summary>Polls the progress page's status until the installation ends; fails on an installation error.</summary>
    public static async Task WaitForSetupAsync(SiteBrowser admin, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var status = JsonDocument.Parse(await admin.GetPageAsync($"/admin/tenants/{name}/setup/status"));
            var root = status.RootElement;
            Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, "Setup failed: " + root.GetProperty("error"));
            if (root.GetProperty("ready").GetBoolean())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The setup of {name} did not finish.");
            await Task.Delay(100);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Another process's changes to tenants.json are looked for every 200 ms here.
        builder.UseSetting("RallyNov:TenantsPollMilliseconds", "200");
    }
}

[CollectionDefinition(Name)]
public sealed class TenantsAppGroup : ICollectionFixture<TenantsAppFactory>
{
    public const string Name = "Tenants app";
}
