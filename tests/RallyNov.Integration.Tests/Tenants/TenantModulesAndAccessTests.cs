using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>Who sees the « Sites » screens, and a site's modules switched from its edit page.</summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantModulesAndAccessTests(TenantsAppFactory app)
{
    [Fact]
    public async Task Only_the_portal_administrator_manages_the_sites()
    {
        using (var admin = await app.PortalAdminAsync())
        {
            var dashboard = await admin.GetPageAsync("/admin");
            Assert.Contains("href=\"/admin/tenants\"", dashboard, StringComparison.Ordinal);
            Assert.Contains("Gérer les sites", SiteBrowser.Text(await admin.GetPageAsync("/admin/roles")), StringComparison.Ordinal);
        }

        // A portal editor: no menu entry, and the screen refuses.
        var editor = await app.CreateUserAsync("Default", "Editor");
        using (var browser = app.Site())
        {
            using (await browser.LoginAsync("", editor, TenantsAppFactory.UserPassword))
            {
            }

            Assert.DoesNotContain("/admin/tenants", await browser.GetPageAsync("/admin"), StringComparison.Ordinal);
            using var refused = await browser.GetAsync("/admin/tenants");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // A territory's administrator holds every permission of their site, but « Gérer les sites » does not exist there.
        using (var bourgogne = app.Site())
        {
            using (await bourgogne.LoginAsync("/bourgogne", "admin", TenantsAppFactory.AdminPassword))
            {
            }

            Assert.DoesNotContain("/admin/tenants", await bourgogne.GetPageAsync("/bourgogne/admin"), StringComparison.Ordinal);
            Assert.DoesNotContain("Gérer les sites", SiteBrowser.Text(await bourgogne.GetPageAsync("/bourgogne/admin/roles")), StringComparison.Ordinal);
            using var missing = await bourgogne.GetAsync("/bourgogne/admin/tenants");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // Anonymous: to the portal's sign-in page.
        using var anonymous = await app.Site().GetAsync("/admin/tenants/new");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin/login", anonymous.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Switching_modules_off_hides_their_routes_and_menu_entries_and_dependencies_are_explained()
    {
        var name = TenantsAppFactory.UniqueName("Modules");
        var prefix = name.ToLowerInvariant();
        using var admin = await app.PortalAdminAsync();
        await TenantsAppFactory.CreateThroughFormAsync(admin, name, prefix);
        using var siteAdmin = app.Site();
        using (await siteAdmin.LoginAsync($"/{prefix}", "siteadmin", TenantsAppFactory.SiteAdminPassword))
        {
        }

        // Sections show in the menu once they have something published: an event and an initiative.
        await app.InTenantAsync(name, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            foreach (var type in new[] { "Event", "Initiative" })
            {
                var item = contents.New(type);
                item.Set("Title", type + " du site");
                Assert.True((await contents.PublishAsync(item, CancellationToken.None)).Succeeded);
            }

            return true;
        });
        Assert.Contains($"href=\"/{prefix}/evenements\"", await siteAdmin.GetPageAsync($"/{prefix}/"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/{prefix}/admin/media\"", await siteAdmin.GetPageAsync($"/{prefix}/admin"), StringComparison.Ordinal);

        // Events and the media library off; Laureates on while Initiatives is off: Initiatives comes back, and the page says why.
        var form = await admin.OpenFormAsync($"/admin/tenants/{name}/edit", $"/admin/tenants/{name}/edit");
        form.Check("Form.Modules", "RallyNov.Events", on: false)
            .Check("Form.Modules", "RallyNov.Media", on: false)
            .Check("Form.Modules", "RallyNov.Initiatives", on: false)
            .Check("Form.Modules", "RallyNov.Laureates", on: true);
        using (var saved = await admin.SubmitAsync(form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var edit = await admin.GetPageAsync($"/admin/tenants/{name}/edit");
        // Every ticked module that needs Initiatives is named in one note (the proposals module needs it too).
        Assert.Matches(@"Lauréats( et [^:.]+)? nécessitent? Initiatives : Initiatives a été activé aussi\.", SiteBrowser.Text(edit));
        var modules = app.Store.Find(name)!.EnabledModules!;
        Assert.DoesNotContain("RallyNov.Events", modules);
        Assert.DoesNotContain("RallyNov.Media", modules);
        Assert.Contains("RallyNov.Initiatives", modules);

        // At once: routes answer 404, menu entries are gone, the rest keeps working.
        Assert.Equal(HttpStatusCode.NotFound, (await siteAdmin.GetAsync($"/{prefix}/evenements")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await siteAdmin.GetAsync($"/{prefix}/admin/media")).StatusCode);
        var home = await siteAdmin.GetPageAsync($"/{prefix}/");
        Assert.DoesNotContain($"href=\"/{prefix}/evenements\"", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{prefix}/initiatives\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/{prefix}/admin/media\"", await siteAdmin.GetPageAsync($"/{prefix}/admin"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await siteAdmin.GetAsync($"/{prefix}/laureats")).StatusCode);

        // The portal is untouched.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/evenements")).StatusCode);

        // Ticking every module again stores "all modules" (null): modules added to the host later are on too.
        form = await admin.OpenFormAsync($"/admin/tenants/{name}/edit", $"/admin/tenants/{name}/edit");
        form.Check("Form.Modules", "RallyNov.Events").Check("Form.Modules", "RallyNov.Media");
        using (await admin.SubmitAsync(form))
        {
        }

        Assert.Null(app.Store.Find(name)!.EnabledModules);
        Assert.Equal(HttpStatusCode.OK, (await siteAdmin.GetAsync($"/{prefix}/evenements")).StatusCode);
    }

    [Fact]
    public async Task Renaming_and_moving_a_site_applies_at_once()
    {
        var name = TenantsAppFactory.UniqueName("Deplace");
        var prefix = name.ToLowerInvariant();
        using var admin = await app.PortalAdminAsync();
        await TenantsAppFactory.CreateThroughFormAsync(admin, name, prefix, recipe: "vide");

        var form = await admin.OpenFormAsync($"/admin/tenants/{name}/edit", $"/admin/tenants/{name}/edit");
        using (var saved = await admin.SubmitAsync(form.Set("Form.DisplayName", "Nouveau nom").Set("Form.UrlPrefix", prefix + "-bis")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var visitor = app.Site();
        Assert.Contains("Nouveau nom", SiteBrowser.Text(await visitor.GetPageAsync($"/{prefix}-bis/")), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync($"/{prefix}/")).StatusCode);

        // Then on a host name of its own, at the root.
        form = await admin.OpenFormAsync($"/admin/tenants/{name}/edit", $"/admin/tenants/{name}/edit");
        using (await admin.SubmitAsync(form.Set("Form.UrlPrefix", "").Set("Form.Hosts", "Bis.Example.org")))
        {
        }

        Assert.Equal(["bis.example.org"], app.Store.Find(name)!.Hosts);
        using (var byHost = app.Site())
        {
            byHost.Host = "bis.example.org";
            Assert.Contains("Nouveau nom", SiteBrowser.Text(await byHost.GetPageAsync("/")), StringComparison.Ordinal);
        }

        // A clash is refused on the edit form too, and nothing changes.
        form = await admin.OpenFormAsync($"/admin/tenants/{name}/edit", $"/admin/tenants/{name}/edit");
        using var clash = await admin.SubmitAsync(form.Set("Form.UrlPrefix", "bourgogne").Set("Form.Hosts", ""));
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("Le site « Bourgogne » utilise déjà ce préfixe", SiteBrowser.Text(await clash.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(["bis.example.org"], app.Store.Find(name)!.Hosts);
    }
}
