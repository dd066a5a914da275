using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Services;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>A site's whole life through the portal's « Sites » screens, submitted from the pages' own forms.</summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantLifecycleTests(TenantsAppFactory app)
{
    [Fact]
    public async Task Create_reach_by_prefix_and_host_sign_in_disable_enable_and_remove()
    {
        var name = TenantsAppFactory.UniqueName("Jura");
        var prefix = name.ToLowerInvariant();
        var host = prefix + ".example.org";
        using var admin = await app.PortalAdminAsync();

        // Created and set up at once, without a restart: the Territoire recipe's pages and vocabularies are there.
        await TenantsAppFactory.CreateThroughFormAsync(admin, name, prefix);
        using var visitor = app.Site();
        var home = await visitor.GetPageAsync($"/{prefix}/");
        Assert.Contains($"rally'nov {name}", SiteBrowser.Text(home), StringComparison.Ordinal);
        Assert.Contains("Mentions légales", SiteBrowser.Text(await visitor.GetPageAsync($"/{prefix}/pages/mentions-legales")), StringComparison.Ordinal);
        var departements = await app.InTenantAsync(name, sp => sp.GetRequiredService<ITaxonomyService>().GetAsync("departements", CancellationToken.None));
        Assert.Equal(["21", "25", "39", "58", "70", "71", "89", "90"], departements!.Terms.Select(t => t.Slug).Order(StringComparer.Ordinal));

        // Moved to a host name of its own (edit form): it answers at the root of that host, at once.
        var edit = await admin.OpenFormAsync($"/admin/tenants/{name}/edit", $"/admin/tenants/{name}/edit");
        using (await admin.SubmitAsync(edit.Set("Form.UrlPrefix", "").Set("Form.Hosts", host)))
        {
        }

        using (var byHost = app.Site())
        {
            byHost.Host = host;
            Assert.Contains("À propos", SiteBrowser.Text(await byHost.GetPageAsync("/pages/a-propos")), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/{prefix}/pages/a-propos")).StatusCode);
        }

        // And back to its prefix.
        edit = await admin.OpenFormAsync($"/admin/tenants/{name}/edit", $"/admin/tenants/{name}/edit");
        using (await admin.SubmitAsync(edit.Set("Form.UrlPrefix", prefix).Set("Form.Hosts", "")))
        {
        }

        // Its administrator signs in to its own back office.
        using (var siteAdmin = app.Site())
        {
            using var login = await siteAdmin.LoginAsync($"/{prefix}", "siteadmin", TenantsAppFactory.SiteAdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal($"/{prefix}/admin", login.Headers.Location!.OriginalString);
            Assert.Contains("Tableau de bord", await siteAdmin.GetPageAsync($"/{prefix}/admin"), StringComparison.Ordinal);
        }

        // Disabled from the list: every address answers 503 in French, with Retry-After, and nothing of the site.
        using (var disabled = await admin.SubmitAsync(SiteBrowser.Form(await admin.GetPageAsync("/admin/tenants?q=" + name), $"/admin/tenants/{name}/disable")))
        {
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        }

        Assert.Equal(TenantState.Disabled, app.Store.Find(name)!.State);
        foreach (var path in new[] { "/", "/pages/a-propos", "/admin", "/admin/login", "/api/content/Page", "/feed.xml", "/media/logo.png", "/recherche?q=a", "/nimporte/quoi" })
        {
            using var response = await visitor.GetAsync($"/{prefix}{path}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.RetryAfter is not null, $"{path} has no Retry-After");
            Assert.Contains("momentanément fermé", SiteBrowser.Text(html), StringComparison.Ordinal);
            Assert.DoesNotContain("Mentions légales", SiteBrowser.Text(html), StringComparison.Ordinal);
        }

        // In the site's own look: its layout, its name, its stylesheet still served.
        var closed = await (await visitor.GetAsync($"/{prefix}/")).Content.ReadAsStringAsync();
        Assert.Contains($"rally'nov {name}", SiteBrowser.Text(closed), StringComparison.Ordinal);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(closed, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith($"/{prefix}/", stylesheet, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(System.Net.WebUtility.HtmlDecode(stylesheet))).StatusCode);

        // Enabled again from its edit page.
        var editPage = await admin.GetPageAsync($"/admin/tenants/{name}/edit");
        using (var enabled = await admin.SubmitAsync(SiteBrowser.Form(editPage, $"/admin/tenants/{name}/enable")))
        {
            Assert.Equal($"/admin/tenants/{name}/edit", enabled.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/{prefix}/pages/a-propos")).StatusCode);

        // Removal needs a disabled site and its name typed.
        var notYet = await admin.GetPageAsync($"/admin/tenants/{name}/remove");
        Assert.Contains("Seul un site désactivé peut être supprimé", SiteBrowser.Text(notYet), StringComparison.Ordinal);
        using (await admin.SubmitAsync(SiteBrowser.Form(await admin.GetPageAsync($"/admin/tenants/{name}/edit"), $"/admin/tenants/{name}/disable")))
        {
        }

        var remove = await admin.OpenFormAsync($"/admin/tenants/{name}/remove", $"/admin/tenants/{name}/remove");
        using (var wrong = await admin.SubmitAsync(remove.Set("Confirmation", "Bourgogne")))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains($"Tapez « {name} » pour confirmer", SiteBrowser.Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var paths = app.Store.PathsFor(name);
        Assert.True(TestDatabase.TenantDatabaseExists(app.DataPath, name));
        remove = await admin.OpenFormAsync($"/admin/tenants/{name}/remove", $"/admin/tenants/{name}/remove");
        using (var removed = await admin.SubmitAsync(remove.Set("Confirmation", name)))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        // Files and settings gone; its address now falls to the portal's 404 page.
        Assert.Null(app.Store.Find(name));
        Assert.False(Directory.Exists(paths.Root));
        Assert.False(TestDatabase.TenantDatabaseExists(app.DataPath, name), "the database (file or schema) is deleted");
        if (!TestDatabase.IsPostgres)
        {
            Assert.DoesNotContain(name, await File.ReadAllTextAsync(Path.Combine(app.DataPath, "tenants.json")), StringComparison.Ordinal);
        }

        using (var gone = await visitor.GetAsync($"/{prefix}/pages/a-propos"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Contains("Page introuvable", SiteBrowser.Text(await gone.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // Every step is in the portal's audit trail, by the portal's administrator.
        var events = await app.InTenantAsync("Default", sp => sp.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Item = name, PageSize = 50 }, CancellationToken.None));
        var actions = events.Items.Select(e => e.Action).ToList();
        Assert.Equal(["tenant.removed", "tenant.disabled", "tenant.enabled", "tenant.disabled", "tenant.updated", "tenant.updated", "tenant.created"], actions);
        Assert.All(events.Items, e => Assert.Equal("admin", e.UserName));
    }

    [Fact]
    public async Task The_portal_can_be_neither_disabled_nor_removed()
    {
        using var admin = await app.PortalAdminAsync();
        var list = await admin.GetPageAsync("/admin/tenants");
        Assert.DoesNotContain("/admin/tenants/Default/disable", list, StringComparison.Ordinal);

        var page = SiteBrowser.Text(await admin.GetPageAsync("/admin/tenants/Default/remove"));
        Assert.Contains("Le portail ne peut jamais être supprimé.", page, StringComparison.Ordinal);

        // Nor through the manager the screens and the command line share.
        var manager = app.Services.GetRequiredService<ITenantManager>();
        var disable = await Assert.ThrowsAsync<TenantManagementException>(() => manager.DisableAsync("Default", "admin", CancellationToken.None));
        Assert.Contains("Le portail ne peut pas être désactivé", disable.Message, StringComparison.Ordinal);
        var remove = await Assert.ThrowsAsync<TenantManagementException>(() => manager.RemoveAsync("Default", "Default", "admin", CancellationToken.None));
        Assert.Contains("ne peut jamais être supprimé", remove.Message, StringComparison.Ordinal);
        Assert.Equal(TenantState.Running, app.Store.Find("Default")!.State);
    }
}
