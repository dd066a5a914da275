using System.Net;
using System.Text.Json.Nodes;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>
/// An installation with 500 sites in tenants.json (generated: the three sample sites plus 497
/// disabled ones), as a national network would have: the list pages, filters and searches them.
/// </summary>
public sealed class ManyTenantsTests : IClassFixture<ManyTenantsTests.Factory>
{
    private readonly Factory _app;

    public ManyTenantsTests(Factory app) => _app = app;

    [Fact]
    public async Task The_list_pages_filters_and_searches_500_sites()
    {
        using var admin = _app.Site();
        using (await admin.LoginAsync("", "admin", SharedSiteFactory.AdminPassword))
        {
        }

        var first = await admin.GetPageAsync("/admin/tenants");
        Assert.Contains("500 sites.", SiteBrowser.Text(first), StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 10", SiteBrowser.Text(first), StringComparison.Ordinal);
        Assert.Equal(50, CountRows(first));
        Assert.Contains("Désactivés (497)", SiteBrowser.Text(first), StringComparison.Ordinal);
        Assert.Contains("En service (3)", SiteBrowser.Text(first), StringComparison.Ordinal);

        // The portal and the running sites show their content; the generated ones have no database yet (« — »).
        Assert.Matches(@"\d+ publiés sur \d+", SiteBrowser.Text(first));

        var last = await admin.GetPageAsync("/admin/tenants?page=10");
        Assert.Equal(50, CountRows(last));
        Assert.Contains("Page 10 sur 10", SiteBrowser.Text(last), StringComparison.Ordinal);

        var running = await admin.GetPageAsync("/admin/tenants?etat=running");
        Assert.Equal(3, CountRows(running));

        var search = await admin.GetPageAsync("/admin/tenants?q=site-0420");
        Assert.Equal(1, CountRows(search));
        Assert.Contains("Territoire 420", SiteBrowser.Text(search), StringComparison.Ordinal);

        // Creating one more still checks its address against all of them.
        var form = await admin.OpenFormAsync("/admin/tenants/new", "/admin/tenants/new");
        form.Set("DisplayName", "Doublon").Set("Name", "Doublon").Set("UrlPrefix", "site-0007")
            .Set("AdminUserName", "doublon").Set("AdminEmail", "d@example.org")
            .Set("AdminPassword", TenantsAppFactory.SiteAdminPassword).Set("AdminPasswordConfirmation", TenantsAppFactory.SiteAdminPassword);
        using var clash = await admin.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("Le site « Site0007 » utilise déjà ce préfixe", SiteBrowser.Text(await clash.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static int CountRows(string html) =>
        html.Split("<tr>", StringSplitOptions.None).Length - 2; // minus the text before the first row and the header row

    public sealed class Factory : SharedSiteFactory
    {
        public Factory()
            : base("rallynov-many-tenants")
        {
            Directory.CreateDirectory(DataPath);
            var tenants = new JsonArray
            {
                Tenant("Default", "rally'nov Bourgogne-Franche-Comté", "", "Uninitialized", "portal.recipe.json"),
                Tenant("Bourgogne", "rally'nov Bourgogne", "bourgogne", "Uninitialized", "bourgogne.recipe.json"),
                Tenant("FrancheComte", "rally'nov Franche-Comté", "franche-comte", "Uninitialized", "franche-comte.recipe.json"),
            };
            for (var i = 1; i <= 497; i++)
            {
                tenants.Add(Tenant($"Site{i:0000}", $"Territoire {i}", $"site-{i:0000}", "Disabled", null));
            }

            File.WriteAllText(Path.Combine(DataPath, "tenants.json"), new JsonObject { ["tenants"] = tenants }.ToJsonString());
        }

        public SiteBrowser Site() => new(Client());

        private static JsonObject Tenant(string name, string displayName, string prefix, string state, string? recipe) => new()
        {
            ["name"] = name,
            ["displayName"] = displayName,
            ["urlPrefix"] = prefix,
            ["state"] = state,
            ["recipe"] = recipe,
        };
    }
}
