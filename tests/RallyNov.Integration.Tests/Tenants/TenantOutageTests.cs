using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Cms.CommandLine;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Tenants.Management;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>
/// A site created while the server runs whose database is then lost: closed with the 503 page (not a
/// 500, never set up again empty), flagged « Base indisponible » on the Sites screen, and brought back
/// from its recipe by `tenants reset`, after which the running server serves it again.
/// </summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantOutageTests(TenantsAppFactory app)
{
    [Fact]
    public async Task A_live_created_site_that_loses_its_database_is_closed_flagged_and_reset()
    {
        var name = TenantsAppFactory.UniqueName("Perdu");
        var prefix = name.ToLowerInvariant();
        var manager = app.Services.GetRequiredService<ITenantManager>();
        await manager.CreateAsync(
            new TenantCreateRequest { Name = name, DisplayName = "rally'nov " + name, UrlPrefix = prefix, Recipe = TenantRecipes.Territory },
            actor: null,
            progress: null,
            CancellationToken.None);
        try
        {
            using var visitor = app.Site();
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/{prefix}/")).StatusCode);

            // The file goes (a disk incident): the next request that needs it closes the site.
            var settings = app.Store.Find(name)!;
            app.Services.GetRequiredService<ITenantDatabase>().ReleaseConnections(settings);
            TestDatabase.LoseTenantDatabase(app.DataPath, name);

            using (var closed = await visitor.GetAsync($"/{prefix}/pages/mentions-legales"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, closed.StatusCode);
                Assert.Contains("momentanément indisponible", SiteBrowser.Text(await closed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }

            Assert.False(TestDatabase.TenantDatabaseExists(app.DataPath, name), "The database was created again, empty.");
            using (var admin = await app.PortalAdminAsync())
            {
                Assert.Contains("Base indisponible", SiteBrowser.Text(await admin.GetPageAsync("/admin/tenants?q=" + name)), StringComparison.Ordinal);
            }

            // The explicit way back, spelled like the other tenants verbs.
            using var output = new StringWriter();
            var verb = CommandLineRunner.Verbs(app.Services).Single(v => v.Name == "tenants");
            Assert.Equal(0, await verb.RunAsync(new CommandLineContext(["reset", "--name", name, "--confirm", name], output), CancellationToken.None));
            Assert.Contains("réinstallé depuis sa recette", output.ToString(), StringComparison.Ordinal);

            var deadline = DateTime.UtcNow.AddSeconds(20);
            HttpStatusCode status;
            do
            {
                await Task.Delay(100);
                status = (await visitor.GetAsync($"/{prefix}/pages/mentions-legales")).StatusCode;
            }
            while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
            Assert.Equal(HttpStatusCode.OK, status);

            // A working site is never reset by mistake.
            await Assert.ThrowsAsync<InvalidOperationException>(() => verb.RunAsync(new CommandLineContext(["reset", "--name", name, "--confirm", name], output), CancellationToken.None));
        }
        finally
        {
            await manager.DisableAsync(name, null, CancellationToken.None);
            await manager.RemoveAsync(name, name, null, CancellationToken.None);
        }
    }
}
