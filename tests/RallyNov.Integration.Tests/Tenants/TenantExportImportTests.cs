using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Integration.Tests.Media;
using RallyNov.Media.Services;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>A site downloaded as one .zip from its list row, then created again from it through the import form.</summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantExportImportTests(TenantsAppFactory app)
{
    [Fact]
    public async Task Export_then_import_gives_the_same_published_content_media_vocabularies_and_settings()
    {
        var source = TenantsAppFactory.UniqueName("Source");
        var copy = TenantsAppFactory.UniqueName("Copie");
        using var admin = await app.PortalAdminAsync();
        await TenantsAppFactory.CreateThroughFormAsync(admin, source, source.ToLowerInvariant());
        var photo = MediaTestSupport.Image(64, 48);
        await FillAsync(source, photo);

        // Downloaded from the link of its row.
        var list = await admin.GetPageAsync("/admin/tenants?q=" + source);
        Assert.Contains($"href=\"/admin/tenants/{source}/export\"", list, StringComparison.Ordinal);
        using var download = await admin.GetAsync($"/admin/tenants/{source}/export");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        var zip = await download.Content.ReadAsByteArrayAsync();
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            Assert.Equal(["media/photos/atelier.jpg", "recipe.json", "site.json"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            Assert.DoesNotContain("Passw0rd", new StreamReader(archive.GetEntry("recipe.json")!.Open()).ReadToEnd(), StringComparison.Ordinal);
        }

        // Imported as a new site: the display name comes from the package when left empty.
        var form = await admin.OpenFormAsync("/admin/tenants/import", "/admin/tenants/import");
        form.Attach("Package", "site.zip", zip)
            .Set("Name", copy).Set("UrlPrefix", copy.ToLowerInvariant())
            .Set("AdminUserName", "nouvel-admin").Set("AdminEmail", "nouvel-admin@example.org")
            .Set("AdminPassword", TenantsAppFactory.SiteAdminPassword).Set("AdminPasswordConfirmation", TenantsAppFactory.SiteAdminPassword);
        using (var imported = await admin.SubmitAsync(form))
        {
            Assert.True(imported.StatusCode == HttpStatusCode.Redirect, SiteBrowser.Excerpt(await imported.Content.ReadAsStringAsync()));
        }

        await TenantsAppFactory.WaitForSetupAsync(admin, copy);
        Assert.Equal($"rally'nov {source}", app.Store.Find(copy)!.DisplayName);

        Assert.Equal(await PublishedAsync(source), await PublishedAsync(copy));
        Assert.Equal(await VocabulariesAsync(source), await VocabulariesAsync(copy));
        Assert.Equal(await SettingsAsync(source), await SettingsAsync(copy));
        Assert.Equal(await MediaAsync(source), await MediaAsync(copy));
        Assert.Equal(photo, await File.ReadAllBytesAsync(Path.Combine(app.Store.PathsFor(copy).Media, "photos", "atelier.jpg")));

        // Drafts and accounts travel too (accounts without a password); the new administrator signs in.
        var draft = await app.InTenantAsync(copy, sp => sp.GetRequiredService<IContentManager>().GetAsync("page-brouillon", VersionOptions.Latest, CancellationToken.None));
        Assert.Equal("Brouillon exporté", draft!.DisplayText);
        Assert.False(draft.Published);
        var users = await app.InTenantAsync(copy, sp => sp.GetRequiredService<IUserAdministration>().ListAsync(CancellationToken.None));
        Assert.Contains(users, u => u.UserName == "redactrice");
        using var copyAdmin = app.Site();
        using (var login = await copyAdmin.LoginAsync("/" + copy.ToLowerInvariant(), "nouvel-admin", TenantsAppFactory.SiteAdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        // And the public site shows them, image included.
        using var visitor = app.Site();
        var page = await visitor.GetPageAsync($"/{copy.ToLowerInvariant()}/initiatives/atelier-partage");
        Assert.Contains("Un atelier partagé", SiteBrowser.Text(page), StringComparison.Ordinal);
        using var image = await visitor.GetAsync($"/{copy.ToLowerInvariant()}/media/photos/atelier.jpg");
        Assert.Equal(photo, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_site_export_is_refused_on_the_form()
    {
        var name = TenantsAppFactory.UniqueName("Pasunzip");
        using var admin = await app.PortalAdminAsync();
        var form = await admin.OpenFormAsync("/admin/tenants/import", "/admin/tenants/import");
        form.Attach("Package", "notes.zip", "pas une archive"u8.ToArray())
            .Set("DisplayName", "Essai").Set("Name", name).Set("UrlPrefix", name.ToLowerInvariant())
            .Set("AdminUserName", "essai").Set("AdminEmail", "essai@example.org")
            .Set("AdminPassword", TenantsAppFactory.SiteAdminPassword).Set("AdminPasswordConfirmation", TenantsAppFactory.SiteAdminPassword);

        using var response = await admin.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce fichier n'est pas une archive .zip lisible.", SiteBrowser.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(app.Store.Find(name));
    }

    private async Task FillAsync(string tenant, byte[] photo)
    {
        await using var scope = app.Scope(tenant);
        var services = scope.ServiceProvider;
        var library = services.GetRequiredService<IMediaLibrary>();
        Assert.Null(library.CreateFolder("", "photos", out _));
        var upload = await library.UploadAsync(new MediaUpload("photos", "atelier.jpg", new MemoryStream(photo), photo.Length, "Un atelier de menuiserie partagé", "Atelier", "siteadmin"), CancellationToken.None);
        Assert.True(upload.Succeeded, upload.Error);

        var contents = services.GetRequiredService<IContentManager>();
        var initiative = contents.New("Initiative");
        initiative.Set("Title", "Un atelier partagé");
        initiative.Set("Slug", "atelier-partage");
        initiative.Set("Summary", "Des artisans partagent machines et savoir-faire.");
        initiative.Set("Departement", new JsonArray("39"));
        initiative.Set("Themes", new JsonArray("competences", "emploi-et-inclusion"));
        initiative.Set("Image", new JsonObject { ["path"] = "photos/atelier.jpg", ["alt"] = "Un atelier de menuiserie partagé" });
        Assert.True((await contents.PublishAsync(initiative, CancellationToken.None)).Succeeded);

        var draft = contents.New("Page");
        draft.ContentItemId = "page-brouillon";
        draft.Set("Title", "Brouillon exporté");
        Assert.True((await contents.SaveDraftAsync(draft, CancellationToken.None)).Succeeded);

        var site = await services.GetRequiredService<ISiteSettingsService>().GetAsync("site", CancellationToken.None);
        site["tagline"] = "Le Jura qui innove, vu de près.";
        await services.GetRequiredService<ISiteSettingsService>().SaveAsync("site", site, CancellationToken.None);

        var created = await services.GetRequiredService<IUserAdministration>().CreateAsync("redactrice", "redactrice@example.org", TenantsAppFactory.UserPassword, ["Editor"], CancellationToken.None);
        Assert.True(created.Succeeded);
    }

    private Task<List<string>> PublishedAsync(string tenant) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var result = await sp.GetRequiredService<IContentManager>().QueryAsync(
                new ContentQuery { Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, PageSize = 500 }, CancellationToken.None);
            return result.Items.Select(i => $"{i.ContentItemId} | {i.ContentType} | {i.DisplayText} | {i.Slug} | {i.Content.ToJsonString()}").ToList();
        });

    private Task<List<string>> VocabulariesAsync(string tenant) =>
        app.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<ITaxonomyService>().ListAsync(CancellationToken.None))
            .SelectMany(v => v.Terms.Select(t => $"{v.Name}/{t.Slug}: {t.Name} {t.Data.ToJsonString()}"))
            .Order(StringComparer.Ordinal)
            .ToList());

    private Task<string> SettingsAsync(string tenant) =>
        app.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<ISiteSettingsService>().GetAsync("site", CancellationToken.None)).ToJsonString());

    private Task<List<string>> MediaAsync(string tenant) =>
        app.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<IMediaLibrary>().SearchAsync(null, null, null, 1, 100, CancellationToken.None)).Items
            .Select(f => $"{f.Path} {f.ContentType} {f.Length} {f.Width}x{f.Height} {f.Alt} {f.Title}")
            .ToList());
}
