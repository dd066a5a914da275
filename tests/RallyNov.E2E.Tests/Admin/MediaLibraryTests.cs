using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Content;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// The media library clicked through in Chromium: upload through the file input, new folder, alt
/// text, delete with the warning about the items using the file. Each step checks what the person
/// sees and what the tenant stored.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class MediaLibraryTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Theory]
    [InlineData("")]
    [InlineData("/bourgogne")]
    [InlineData("/franche-comte")]
    public async Task An_editor_makes_a_folder_uploads_into_it_and_describes_the_image(string prefix)
    {
        var site = admin.Site;
        var tenant = TenantOf(prefix);
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);
        var folder = "reportage-" + Unique();

        await page.GotoAsync(site.Url(prefix + "/admin/media"));
        await page.GetByLabel("Nouveau dossier").FillAsync(folder);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync("Dossier créé.");
        await Expect(page.Locator("nav[aria-label='Fil d\\'Ariane des dossiers'] [aria-current=page]")).ToHaveTextAsync(folder);
        Assert.True(await InTenantAsync(site, tenant, sp => Task.FromResult(sp.GetRequiredService<IMediaStore>().FolderExists(folder))));

        // The file input, as a person picks a file; the alt text asked in the file's row.
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "Atelier Vélo.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByLabel("Texte alternatif de « Atelier Vélo.png » (obligatoire)").FillAsync("Deux bénévoles réparent un vélo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Expect(page.Locator(".upload-item-result")).ToHaveTextAsync("« atelier-velo.png » a été ajouté à la médiathèque.");
        await Expect(page.Locator("[data-upload-summary]")).ToHaveTextAsync("1 fichier ajouté.");
        var row = page.Locator("tbody tr", new() { HasText = "atelier-velo.png" });
        await Expect(row).ToContainTextAsync("Deux bénévoles réparent un vélo");
        await Expect(row.Locator("img.media-thumb")).ToBeVisibleAsync();
        var path = folder + "/atelier-velo.png";
        var stored = await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IMediaLibrary>().GetAsync(path, CancellationToken.None));
        Assert.NotNull(stored);
        Assert.Equal("Deux bénévoles réparent un vélo", stored.Alt);
        Assert.Equal("admin", stored.UploadedBy);

        // Edit the alt text: first emptied (the error is shown and read with the field), then corrected.
        await row.GetByRole(AriaRole.Link, new() { Name = "Modifier atelier-velo.png" }).ClickAsync();
        await page.GetByLabel("Texte alternatif (obligatoire)").FillAsync(" "); // a space passes the browser's "required", not the server
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator("#media-error")).ToContainTextAsync("Le texte alternatif est obligatoire");
        await Expect(page.Locator("#media-alt")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page, "media edit with its error");
        await page.GetByLabel("Texte alternatif (obligatoire)").FillAsync("Atelier de réparation de vélos");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync("Média enregistré.");
        await Expect(page.Locator("tbody tr", new() { HasText = "atelier-velo.png" })).ToContainTextAsync("Atelier de réparation de vélos");
        Assert.Equal("Atelier de réparation de vélos", (await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IMediaLibrary>().GetAsync(path, CancellationToken.None)))!.Alt);
    }

    [Fact]
    public async Task Deleting_a_file_in_use_warns_names_the_items_and_needs_a_tick()
    {
        var site = admin.Site;
        const string prefix = "/bourgogne";
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);
        var name = "affiche-" + Unique();

        await page.GotoAsync(site.Url(prefix + "/admin/media"));
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = name + ".png", MimeType = "image/png", Buffer = Png() });
        await page.GetByLabel($"Texte alternatif de « {name}.png » (obligatoire)").FillAsync("Affiche de la rencontre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Expect(page.Locator(".upload-item-result")).ToContainTextAsync("a été ajouté");
        var title = "Rencontre illustrée " + name;
        await InTenantAsync(site, "Bourgogne", async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = contents.New("News");
            item.Set("Title", title);
            item.Set("Image", new JsonObject { ["path"] = name + ".png", ["alt"] = "Affiche" });
            item.Owner = item.Author = "admin";
            Assert.True((await contents.SaveDraftAsync(item, CancellationToken.None)).Succeeded);
            return true;
        });

        await page.GetByRole(AriaRole.Link, new() { Name = "Supprimer " + name + ".png" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ce média est encore utilisé par 1 contenu");
        await Expect(page.Locator(".media-usages a")).ToHaveTextAsync(title);
        await AssertAccessibleAsync(page, "media delete with the in-use warning");

        // The confirmation box must be ticked: the browser refuses the form without it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer définitivement" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/media/delete\\?path="));
        Assert.NotNull(await InTenantAsync(site, "Bourgogne", sp => sp.GetRequiredService<IMediaLibrary>().GetAsync(name + ".png", CancellationToken.None)));

        await page.GetByLabel("Je confirme la suppression malgré ces contenus").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer définitivement" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync($"« {name}.png » a été supprimé.");
        await Expect(page.Locator("tbody tr", new() { HasText = name })).ToHaveCountAsync(0);
        Assert.Null(await InTenantAsync(site, "Bourgogne", sp => sp.GetRequiredService<IMediaLibrary>().GetAsync(name + ".png", CancellationToken.None)));
        Assert.False(File.Exists(Path.Combine(site.DataPath, "Sites", "Bourgogne", "Media", name + ".png")));
    }

    [Fact]
    public async Task An_empty_folder_is_deleted_from_the_list_and_a_refused_upload_says_why()
    {
        var site = admin.Site;
        const string prefix = "/franche-comte";
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);
        var folder = "vide-" + Unique();
        await page.GotoAsync(site.Url(prefix + "/admin/media"));
        await page.GetByLabel("Nouveau dossier").FillAsync(folder);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync("Dossier créé.");

        // A text file named like an image: refused with a French message in its row, nothing stored.
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "faux.png", MimeType = "image/png", Buffer = "pas une image"u8.ToArray() });
        await page.GetByLabel("Texte alternatif de « faux.png » (obligatoire)").FillAsync("Une fausse image");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Expect(page.Locator(".upload-item-result.is-error")).ToContainTextAsync("Type de fichier non accepté");
        await AssertAccessibleAsync(page, "media library with an upload error");
        Assert.Null(await InTenantAsync(site, "FrancheComte", sp => sp.GetRequiredService<IMediaLibrary>().GetAsync(folder + "/faux.png", CancellationToken.None)));

        await page.GetByRole(AriaRole.Link, new() { Name = "Médiathèque" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer le dossier " + folder }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync("Dossier supprimé.");
        Assert.False(await InTenantAsync(site, "FrancheComte", sp => Task.FromResult(sp.GetRequiredService<IMediaStore>().FolderExists(folder))));
    }
}
