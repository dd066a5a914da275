using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Tenants.Management;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>
/// The host check (400 « Adresse inconnue » for a Host that is no tenant's) follows the live tenant
/// store: a host name given to a site created, changed or removed while the server runs is accepted
/// or refused at once, without a restart and without listing it in RallyNov:PublicHosts.
/// </summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantHostCheckTests(TenantsAppFactory app)
{
    [Fact]
    public async Task A_host_name_of_a_site_created_changed_or_removed_live_is_accepted_then_refused()
    {
        var name = TenantsAppFactory.UniqueName("Hote");
        var host = name.ToLowerInvariant() + ".example.org";
        var moved = "www." + host;
        using var visitor = app.Site();
        visitor.Host = host;
        await AssertRefusedAsync(visitor);

        var manager = app.Services.GetRequiredService<ITenantManager>();
        await manager.CreateAsync(
            new TenantCreateRequest { Name = name, DisplayName = "rally'nov " + name, UrlPrefix = "", Hosts = [host], Recipe = TenantRecipes.Territory },
            actor: null,
            progress: null,
            CancellationToken.None);
        try
        {
            using (var home = await visitor.GetAsync("/pages/a-propos"))
            {
                Assert.Equal(HttpStatusCode.OK, home.StatusCode);
                Assert.Contains($"rally'nov {name}", SiteBrowser.Text(await home.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }

            // Given another host name through the store: the new one is served, the old one refused.
            var tenant = app.Store.Find(name)!.Clone();
            tenant.Hosts = [moved];
            await app.Store.SaveAsync(tenant, CancellationToken.None);
            await AssertRefusedAsync(visitor);
            using (var byNewHost = app.Site())
            {
                byNewHost.Host = moved;
                Assert.Equal(HttpStatusCode.OK, (await byNewHost.GetAsync("/pages/a-propos")).StatusCode);
            }
        }
        finally
        {
            await manager.DisableAsync(name, null, CancellationToken.None);
            await manager.RemoveAsync(name, name, null, CancellationToken.None);
        }

        // Removed: its host names are refused again.
        using var afterRemoval = app.Site();
        afterRemoval.Host = moved;
        await AssertRefusedAsync(afterRemoval);
    }

    private static async Task AssertRefusedAsync(SiteBrowser browser)
    {
        using var response = await browser.GetAsync("/pages/a-propos");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Adresse inconnue", SiteBrowser.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
