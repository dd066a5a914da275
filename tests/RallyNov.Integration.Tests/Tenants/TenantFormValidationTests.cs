using System.Net;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>The creation form refuses what would break a site or another one, in French, and keeps what was typed.</summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantFormValidationTests(TenantsAppFactory app)
{
    [Theory]
    [InlineData("Bourgogne", "nouveau", "", "Un site nommé « Bourgogne » existe déjà")]
    [InlineData("Jura 2", "nouveau", "", "lettres et chiffres uniquement")]
    [InlineData("", "nouveau", "", "Le nom technique est obligatoire")]
    [InlineData("{name}", "admin", "", "Le préfixe « admin » est réservé")]
    [InlineData("{name}", "recherche", "", "Le préfixe « recherche » est réservé")]
    [InlineData("{name}", "initiatives", "", "Le préfixe « initiatives » est réservé")]
    [InlineData("{name}", "franche-comte", "", "Le site « FrancheComte » utilise déjà ce préfixe")]
    [InlineData("{name}", "Jura Nord", "", "Préfixe d'URL « Jura Nord » invalide")]
    [InlineData("{name}", "", "", "Le site a besoin d'un préfixe d'URL ou d'un nom d'hôte")]
    [InlineData("{name}", "", "https://jura.example.org/", "Nom d'hôte « https://jura.example.org/ » invalide")]
    [InlineData("{name}", "", "jura_example.org", "Nom d'hôte « jura_example.org » invalide")]
    [InlineData("{name}", "", "jura.example.org:99999", "Nom d'hôte « jura.example.org:99999 » invalide")]
    public async Task Invalid_names_and_addresses_are_refused_and_nothing_is_created(string name, string prefix, string hosts, string expected)
    {
        name = name.Replace("{name}", TenantsAppFactory.UniqueName("Essai"), StringComparison.Ordinal);
        var before = app.Store.All.Count;
        using var admin = await app.PortalAdminAsync();
        var form = await admin.OpenFormAsync("/admin/tenants/new", "/admin/tenants/new");
        form.Set("DisplayName", "Essai").Set("Name", name).Set("UrlPrefix", prefix).Set("Hosts", hosts)
            .Set("AdminUserName", "essai").Set("AdminEmail", "essai@example.org")
            .Set("AdminPassword", TenantsAppFactory.SiteAdminPassword).Set("AdminPasswordConfirmation", TenantsAppFactory.SiteAdminPassword);

        using var response = await admin.SubmitAsync(form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, SiteBrowser.Text(html), StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(before, app.Store.All.Count);
        if (name.Length > 0 && !name.Contains(' ', StringComparison.Ordinal) && name != "Bourgogne")
        {
            Assert.False(Directory.Exists(app.Store.PathsFor(name).Root));
        }

        // What was typed is still there.
        var again = SiteBrowser.Form(html, "/admin/tenants/new");
        Assert.Equal(prefix, again.Value("UrlPrefix"));
        Assert.Equal("essai@example.org", again.Value("AdminEmail"));
    }

    [Theory]
    [InlineData("Admin-Passw0rd-X", "Admin-Passw0rd-Y", "Les deux mots de passe ne correspondent pas.")]
    [InlineData("court", "court", "au moins 10 caractères")]
    [InlineData("sansmajuscule123", "sansmajuscule123", "au moins une majuscule")]
    public async Task The_first_administrator_follows_the_password_rules(string password, string confirmation, string expected)
    {
        var name = TenantsAppFactory.UniqueName("Mdp");
        using var admin = await app.PortalAdminAsync();
        var form = await admin.OpenFormAsync("/admin/tenants/new", "/admin/tenants/new");
        form.Set("DisplayName", "Essai").Set("Name", name).Set("UrlPrefix", name.ToLowerInvariant())
            .Set("AdminUserName", "essai").Set("AdminEmail", "essai@example.org")
            .Set("AdminPassword", password).Set("AdminPasswordConfirmation", confirmation);

        using var response = await admin.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, SiteBrowser.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(app.Store.Find(name));
    }

    [Fact]
    public async Task An_empty_form_names_every_missing_value()
    {
        using var admin = await app.PortalAdminAsync();
        var form = await admin.OpenFormAsync("/admin/tenants/new", "/admin/tenants/new");

        using var response = await admin.SubmitAsync(form);

        var text = SiteBrowser.Text(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var expected in new[] { "Le nom technique est obligatoire", "Le nom affiché est obligatoire", "Le site a besoin d'un préfixe d'URL ou d'un nom d'hôte", "Le nom d'utilisateur doit contenir", "L'adresse e-mail de l'administrateur n'est pas valide", "Le mot de passe de l'administrateur est obligatoire" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }
}
