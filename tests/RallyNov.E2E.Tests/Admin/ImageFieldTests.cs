using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Content;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Media.Services;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// « Téléverser » in an image field of the content editor, clicked through in Chromium: the file
/// chosen or dropped, its alt text asked on the spot, sent to the media library with a progress bar,
/// then saved with the item — and a refused file that changes nothing else in the form.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ImageFieldTests(BrowserFixture browser, AdminSiteFixture admin)
{
    private const string Prefix = "/franche-comte";
    private const string Tenant = "FrancheComte";

    [Fact]
    public async Task An_image_uploaded_from_its_field_with_its_alt_text_is_saved_with_the_item()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, Prefix);
        var unique = Unique();
        var newNews = site.Url(Prefix + "/admin/contents/new/News");
        await page.GotoAsync(newNews);
        await page.Locator("#f-Title").FillAsync("Fête des voisins " + unique);
        await page.Locator("#f-Summary").FillAsync("Un repas partagé dans le quartier.");

        await page.GetByLabel("Téléverser une image pour « Image »").SetInputFilesAsync(new FilePayload { Name = $"Repas {unique}.png", MimeType = "image/png", Buffer = Png(640, 360) });
        var alt = page.GetByLabel("Texte alternatif de cette image (obligatoire)");
        await Expect(alt).ToBeFocusedAsync();
        await Expect(page.Locator("[data-media-pending]")).ToContainTextAsync($"Nouvelle image : Repas {unique}.png");
        await AssertAccessibleAsync(page, "image field asking the alt text of a new file");
        await BrowserFiles.PhotographAsync(page, "editor-image-upload");

        // Without the alt text the image is not sent; with it, it is, and chosen for the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’image" }).ClickAsync();
        await Expect(page.Locator("[data-media-pending] .field-error")).ToHaveTextAsync("Décrivez l’image en quelques mots : le texte alternatif est obligatoire.");
        await Expect(alt).ToHaveAttributeAsync("aria-invalid", "true");
        await alt.FillAsync("Des voisins attablés dans la cour");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’image" }).ClickAsync();

        var stored = $"repas-{unique}.png";
        await Expect(page.Locator("#f-Image")).ToHaveValueAsync(stored);
        await Expect(page.Locator("#f-Image-alt")).ToHaveValueAsync("Des voisins attablés dans la cour");
        await Expect(page.Locator("[data-media-status]")).ToContainTextAsync($"« {stored} » a été ajouté à la médiathèque.");
        await Expect(page.Locator("[data-media-thumb] img")).ToHaveAttributeAsync("src", $"{Prefix}/media/{stored}?w=320");
        await Expect(page.Locator("[data-media-pending]")).ToBeHiddenAsync();
        // Uploading neither left the page nor touched the rest of the form.
        Assert.Equal(newNews, page.Url);
        await Expect(page.Locator("#f-Title")).ToHaveValueAsync("Fête des voisins " + unique);
        Assert.Equal("Des voisins attablés dans la cour", (await InTenantAsync(site, Tenant, sp => sp.GetRequiredService<IMediaLibrary>().GetAsync(stored, CancellationToken.None)))!.Alt);

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync($"Brouillon de « Fête des voisins {unique} » enregistré.");
        var item = (await LatestAsync(site, Tenant, IdFromEditUrl(page.Url)))!;
        Assert.Equal(stored, item.Content["Image"]!["path"]!.GetValue<string>());
        Assert.Equal("Des voisins attablés dans la cour", item.Content["Image"]!["alt"]!.GetValue<string>());
        Assert.Equal("Un repas partagé dans le quartier.", item.GetString("Summary"));
    }

    [Fact]
    public async Task A_file_dropped_on_the_field_is_sent_with_enter_in_its_alt_text_without_submitting_the_form()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, Prefix);
        var unique = Unique();
        await page.GotoAsync(site.Url(Prefix + "/admin/contents/new/Laureate"));
        await page.Locator("#f-Title").FillAsync("Lauréat " + unique);

        await BrowserFiles.DropAsync(page.Locator("fieldset[data-media-field]"), new FilePayload { Name = $"portrait-{unique}.png", MimeType = "image/png", Buffer = Png(300, 300) });
        var alt = page.GetByLabel("Texte alternatif de cette image (obligatoire)");
        await Expect(alt).ToBeFocusedAsync();
        await alt.FillAsync("Portrait de l'équipe lauréate");
        await alt.PressAsync("Enter");

        await Expect(page.Locator("#f-Image")).ToHaveValueAsync($"portrait-{unique}.png");
        Assert.EndsWith(Prefix + "/admin/contents/new/Laureate", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#error-summary")).ToHaveCountAsync(0);
        Assert.Empty(await InTenantAsync(site, Tenant, async sp => (await sp.GetRequiredService<IContentManager>().QueryAsync(
            new ContentQuery { Title = "Lauréat " + unique, Status = ContentStatus.Latest }, CancellationToken.None)).Items));
    }

    [Fact]
    public async Task A_refused_file_is_explained_and_nothing_else_in_the_form_changes()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, Prefix);
        var unique = Unique();
        var newInitiative = site.Url(Prefix + "/admin/contents/new/Initiative");
        await page.GotoAsync(newInitiative);
        await page.Locator("#f-Title").FillAsync("Recyclerie " + unique);
        await page.Locator("#f-Summary").FillAsync("Réemploi et insertion.");
        await page.Locator("#f-Body-editor").ClickAsync();
        await page.Keyboard.TypeAsync("Une description déjà longue.");

        await page.GetByLabel("Téléverser une image pour « Image »").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = "ceci est un texte"u8.ToArray() });
        await page.GetByLabel("Texte alternatif de cette image (obligatoire)").FillAsync("Une photo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’image" }).ClickAsync();

        await Expect(page.Locator("[data-media-pending] [role=alert]")).ToContainTextAsync("Type de fichier non accepté");
        await AssertAccessibleAsync(page, "image field with a refused file");
        Assert.Equal(newInitiative, page.Url);
        await Expect(page.Locator("#f-Title")).ToHaveValueAsync("Recyclerie " + unique);
        await Expect(page.Locator("#f-Summary")).ToHaveValueAsync("Réemploi et insertion.");
        await Expect(page.Locator("#f-Body-editor")).ToContainTextAsync("Une description déjà longue.");
        await Expect(page.Locator("#f-Image")).ToHaveValueAsync("");
        // The refused file does not leave with the form either.
        Assert.Equal(0, await page.GetByLabel("Téléverser une image pour « Image »").EvaluateAsync<int>("input => input.files.length"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("Recyclerie " + unique);
        var item = (await LatestAsync(site, Tenant, IdFromEditUrl(page.Url)))!;
        Assert.Null(item.Content["Image"]);
        Assert.Contains("Une description déjà longue.", item.GetString("Body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_logo_in_svg_is_cleaned_and_chosen_and_the_picker_browses_folders()
    {
        var site = admin.Site;
        var unique = Unique();
        var folder = "logos-" + unique;
        await InTenantAsync(site, Tenant, async sp =>
        {
            var library = sp.GetRequiredService<IMediaLibrary>();
            Assert.Null(library.CreateFolder("", folder, out _));
            using var png = new MemoryStream(Png(240, 120));
            Assert.True((await library.UploadAsync(new MediaUpload(folder, $"ancien-{unique}.png", png, png.Length, "Ancien logo", null, "admin"), CancellationToken.None)).Succeeded);
            return true;
        });
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, Prefix);
        await page.GotoAsync(site.Url(Prefix + "/admin/contents/new/Partner"));
        await page.Locator("#f-Title").FillAsync("Fondation " + unique);

        // The library's picker: a folder, then the file in it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir dans la médiathèque pour « Logo »" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Choisir une image pour « Logo »" });
        await Expect(dialog).ToBeVisibleAsync();
        await BrowserFiles.PhotographAsync(page, "editor-media-picker-folders");
        await dialog.GetByRole(AriaRole.Button, new() { Name = folder, Exact = true }).ClickAsync();
        await Expect(dialog.Locator(".media-choice")).ToHaveCountAsync(1);
        await Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 média.");
        await AssertAccessibleAsync(page, "media picker dialog");
        await BrowserFiles.PhotographAsync(page, "editor-media-picker");
        await dialog.GetByLabel("Rechercher (nom, texte alternatif ou titre)").FillAsync("introuvable-" + unique);
        await Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Aucun média trouvé.");
        await dialog.GetByLabel("Rechercher (nom, texte alternatif ou titre)").FillAsync("ancien-" + unique);
        await dialog.Locator(".media-choice", new() { HasText = $"ancien-{unique}.png" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("#f-Logo")).ToHaveValueAsync($"{folder}/ancien-{unique}.png");
        await Expect(page.Locator("#f-Logo-alt")).ToHaveValueAsync("Ancien logo");

        // Then replaced by an SVG sent from the field: cleaned by the library, accepted by the logo.
        const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"><script>alert(1)</script><circle cx=\"20\" cy=\"20\" r=\"18\" fill=\"#c2410c\"/></svg>";
        await page.GetByLabel("Téléverser une image pour « Logo »").SetInputFilesAsync(new FilePayload { Name = $"fondation-{unique}.svg", MimeType = "image/svg+xml", Buffer = Encoding.UTF8.GetBytes(svg) });
        await page.GetByLabel("Texte alternatif de cette image (obligatoire)").FillAsync("Logo de la fondation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’image" }).ClickAsync();
        await Expect(page.Locator("[data-media-status]")).ToContainTextAsync("Le fichier SVG a été nettoyé, ce qui a été retiré par sécurité : 1 script");
        await Expect(page.Locator("#f-Logo")).ToHaveValueAsync($"fondation-{unique}.svg");
        await Expect(page.Locator("#f-Logo-alt")).ToHaveValueAsync("Logo de la fondation");
        var preview = page.Locator("[data-media-thumb] img");
        await Expect(preview).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await preview.EvaluateAsync<int>("img => img.naturalWidth") > 0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("est publié");
        var item = (await LatestAsync(site, Tenant, IdFromEditUrl(page.Url)))!;
        Assert.Equal($"fondation-{unique}.svg", item.Content["Logo"]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_svg_is_refused_by_a_photo_field_with_the_reason()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, Prefix);
        await page.GotoAsync(site.Url(Prefix + "/admin/contents/new/Event"));

        await page.GetByLabel("Téléverser une image pour « Image »").SetInputFilesAsync(new FilePayload { Name = "plan.svg", MimeType = "image/svg+xml", Buffer = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\"/></svg>"u8.ToArray() });
        await page.GetByLabel("Texte alternatif de cette image (obligatoire)").FillAsync("Plan d'accès");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’image" }).ClickAsync();

        await Expect(page.Locator("[data-media-pending] [role=alert]")).ToHaveTextAsync("Les images SVG ne sont pas acceptées ici : envoyez une image JPEG, PNG, WebP ou GIF.");
        await Expect(page).ToHaveURLAsync(new Regex("/admin/contents/new/Event$"));
    }
}
