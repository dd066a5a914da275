using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Media.Services;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// The rich text editor in Chromium: an image from the media library (alt text required, resized
/// variants), a video link shown on the public page as a click-to-load preview (no request to the
/// provider before the click), a table with its tools, Word and LibreOffice pastes cleaned, the word
/// counter, and the summary's character counter against its limit.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class RichTextTests(BrowserFixture browser, AdminSiteFixture admin)
{
    private const string Prefix = "/bourgogne";
    private const string Tenant = "Bourgogne";

    [Fact]
    public async Task An_image_from_the_library_is_inserted_with_its_alt_text_and_resized_variants()
    {
        var site = admin.Site;
        var unique = Unique();
        var media = await InTenantAsync(site, Tenant, async sp =>
        {
            using var png = new MemoryStream(Png(1200, 800));
            var upload = await sp.GetRequiredService<IMediaLibrary>().UploadAsync(new MediaUpload("", $"jardin-{unique}.png", png, png.Length, "Le jardin partagé", null, "admin"), CancellationToken.None);
            Assert.True(upload.Succeeded, upload.Error);
            return upload.File!.Path;
        });
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, Prefix);
        await page.GotoAsync(site.Url(Prefix + "/admin/contents/new/Page"));
        await page.Locator("#f-Title").FillAsync("Jardins " + unique);
        await page.Locator("#f-Body-editor").ClickAsync();
        await page.Keyboard.TypeAsync("Avant l'image. ");

        await page.GetByRole(AriaRole.Button, new() { Name = "Insérer une image de la médiathèque" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Insérer une image de la médiathèque" });
        await dialog.GetByLabel("Rechercher (nom, texte alternatif ou titre)").FillAsync("jardin-" + unique);
        await dialog.Locator(".media-choice", new() { HasText = media }).ClickAsync();
        var alt = dialog.GetByLabel("Texte alternatif (obligatoire)");
        await Expect(alt).ToHaveValueAsync("Le jardin partagé");
        await alt.FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insérer l’image" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Le texte alternatif est obligatoire : décrivez l’image en quelques mots.");
        await Expect(alt).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page, "rich text image dialog with its error");
        await alt.FillAsync("Des parcelles cultivées au pied des immeubles");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insérer l’image" }).ClickAsync();

        var image = page.Locator("#f-Body-editor img");
        await Expect(image).ToHaveAttributeAsync("alt", "Des parcelles cultivées au pied des immeubles");
        await Expect(page.Locator(".rich-text-status")).ToHaveTextAsync($"Image « {media} » insérée.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("est publié");

        var item = (await LatestAsync(site, Tenant, IdFromEditUrl(page.Url)))!;
        var body = item.GetString("Body")!;
        var url = $"{Prefix}/media/{media}";
        Assert.Contains($"src=\"{url}?w=768\"", body, StringComparison.Ordinal);
        Assert.Contains($"srcset=\"{url}?w=480 480w, {url}?w=768 768w, {url}?w=1024 1024w\"", body, StringComparison.Ordinal);
        Assert.Contains("sizes=\"(min-width: 52rem) 48rem, 100vw\"", body, StringComparison.Ordinal);
        Assert.Contains("alt=\"Des parcelles cultivées au pied des immeubles\"", body, StringComparison.Ordinal);
        Assert.Contains("width=\"1200\" height=\"800\"", body, StringComparison.Ordinal);

        // On the public page the browser picks a variant from srcset, and it is a real resized image.
        await page.GotoAsync(site.Url($"{Prefix}/pages/{item.Slug}"));
        var shown = page.Locator(".prose img");
        await shown.ScrollIntoViewIfNeededAsync();
        await Expect(shown).ToHaveJSPropertyAsync("complete", true);
        Assert.Matches(new Regex(Regex.Escape(url) + "\\?w=(480|768|1024)$"), await shown.EvaluateAsync<string>("img => img.currentSrc"));
        Assert.True(await shown.EvaluateAsync<int>("img => img.naturalWidth") is 480 or 768 or 1024);
    }

    [Fact]
    public async Task A_video_link_becomes_a_preview_that_loads_nothing_from_the_provider_before_the_click()
    {
        var site = admin.Site;
        var unique = Unique();
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, Prefix);
        await page.GotoAsync(site.Url(Prefix + "/admin/contents/new/Page"));
        await page.Locator("#f-Title").FillAsync("Vidéo " + unique);
        await page.Locator("#f-Body-editor").ClickAsync();
        await page.Keyboard.TypeAsync("Le film de la rencontre :");

        await page.GetByRole(AriaRole.Button, new() { Name = "Insérer une vidéo" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Insérer une vidéo" });
        await dialog.GetByLabel("Adresse de la vidéo").FillAsync("https://example.org/pas-une-video");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insérer la vidéo" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("n'est pas celle d'une vidéo reconnue");
        await AssertAccessibleAsync(page, "video dialog with its error");
        await dialog.GetByLabel("Adresse de la vidéo").FillAsync("https://youtu.be/dQw4w9WgXcQ?si=partage");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insérer la vidéo" }).ClickAsync();
        await Expect(page.Locator("#f-Body-editor figure[data-video='youtube:dQw4w9WgXcQ']")).ToContainTextAsync("Vidéo YouTube");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("est publié");

        var item = (await LatestAsync(site, Tenant, IdFromEditUrl(page.Url)))!;
        Assert.Contains("<figure data-video=\"youtube:dQw4w9WgXcQ\"><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">", item.GetString("Body"), StringComparison.Ordinal);
        Assert.DoesNotContain("contenteditable", item.GetString("Body"), StringComparison.Ordinal);

        // The public page: every request is watched; anything leaving the loopback is refused.
        var requests = new List<string>();
        var visitor = await context.NewPageAsync();
        visitor.Request += (_, request) => requests.Add(request.Url);
        await visitor.RouteAsync(new Regex("^https?://(?!127\\.0\\.0\\.1)"), route => route.AbortAsync());
        await visitor.GotoAsync(site.Url($"{Prefix}/pages/{item.Slug}"));
        var preview = visitor.Locator("figure.video-embed");
        await Expect(preview).ToContainTextAsync("Vidéo YouTube");
        await Expect(preview).ToContainTextAsync("Rien n'est chargé depuis www.youtube-nocookie.com avant que vous ne la lanciez");
        await Expect(visitor.Locator("iframe")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(visitor, "public page with a video preview");
        await BrowserFiles.PhotographAsync(visitor, "public-video-preview");
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.All(requests, url => Assert.StartsWith(site.BaseUrl, url, StringComparison.Ordinal));

        // The click creates the player, and only then does the browser ask the provider for it.
        var asked = visitor.WaitForRequestAsync(request => request.Url.StartsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", StringComparison.Ordinal));
        await preview.GetByRole(AriaRole.Button, new() { Name = "Lire la vidéo YouTube" }).ClickAsync();
        var player = preview.Locator("iframe");
        await Expect(player).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
        await Expect(player).ToHaveAttributeAsync("title", "Vidéo YouTube");
        await asked;
    }

    [Fact]
    public async Task A_table_is_inserted_and_grows_with_its_tools()
    {
        var site = admin.Site;
        var unique = Unique();
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, Prefix);
        await page.GotoAsync(site.Url(Prefix + "/admin/contents/new/Page"));
        await page.Locator("#f-Title").FillAsync("Palmarès " + unique);
        await page.Locator("#f-Body-editor").ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Insérer un tableau" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Insérer un tableau" });
        await dialog.GetByLabel("Nombre de lignes (hors en-tête)").FillAsync("1");
        await dialog.GetByLabel("Nombre de colonnes").FillAsync("2");
        await Expect(dialog.GetByLabel("Première ligne d’en-têtes de colonnes")).ToBeCheckedAsync();
        await AssertAccessibleAsync(page, "table dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Insérer le tableau" }).ClickAsync();

        var table = page.Locator("#f-Body-editor table");
        await Expect(table.Locator("thead th")).ToHaveCountAsync(2);
        await table.Locator("thead th").First.ClickAsync();
        await page.Keyboard.TypeAsync("Année");
        await table.Locator("thead th").Nth(1).ClickAsync();
        await page.Keyboard.TypeAsync("Lauréats");
        await table.Locator("tbody td").First.ClickAsync();
        await page.Keyboard.TypeAsync("2023");
        var tools = page.GetByRole(AriaRole.Toolbar, new() { Name = "Tableau" });
        await Expect(tools).ToBeVisibleAsync();
        await tools.GetByRole(AriaRole.Button, new() { Name = "Ajouter une ligne" }).ClickAsync();
        await tools.GetByRole(AriaRole.Button, new() { Name = "Ajouter une colonne" }).ClickAsync();
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(table.Locator("thead th")).ToHaveCountAsync(3);
        await BrowserFiles.PhotographAsync(page, "editor-rich-text-table");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("est publié");

        var body = (await LatestAsync(site, Tenant, IdFromEditUrl(page.Url)))!.GetString("Body")!;
        Assert.Matches("<table><thead><tr><th scope=\"col\">Année</th><th scope=\"col\">(<br>)?</th><th scope=\"col\">Lauréats</th></tr></thead>", body);
        Assert.Matches("<tbody><tr><td>2023</td><td>(<br>)?</td><td>(<br>)?</td></tr><tr><td><br></td><td><br></td><td><br></td></tr></tbody></table>", body);
    }

    [Fact]
    public async Task Word_and_LibreOffice_pastes_are_cleaned_to_the_editor_tags()
    {
        var site = admin.Site;
        var unique = Unique();
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, Prefix);
        await page.GotoAsync(site.Url(Prefix + "/admin/contents/new/Page"));
        await page.Locator("#f-Title").FillAsync("Collé " + unique);
        var editor = page.Locator("#f-Body-editor");
        await editor.ClickAsync();

        await BrowserFiles.PasteHtmlAsync(editor, PasteSamples.Word, PasteSamples.WordText);
        await Expect(page.Locator(".rich-text-status")).ToHaveTextAsync(
            "Texte collé et nettoyé (mise en forme de traitement de texte retirée). Une image n’a pas été reprise : insérez-les avec le bouton « Image ».");
        await Expect(editor.Locator("h2")).ToHaveTextAsync("Rencontre régionale 2023");
        await Expect(editor.Locator(":scope > ul > li")).ToHaveCountAsync(2);
        await Expect(editor.Locator(":scope > ul > li").First).ToContainTextAsync("Ateliers thématiques");
        await Expect(editor.Locator("ul > li > ul > li")).ToHaveTextAsync("Mobilité en zone rurale");
        await Expect(editor.Locator("a[href='https://www.rallynov.fr/']")).ToHaveTextAsync("le site du réseau");
        await Expect(editor.Locator("table td")).ToHaveCountAsync(4);
        var html = await editor.InnerHTMLAsync();
        foreach (var word in new[] { "Mso", "mso-", "o:p", "class=", "style=", "file:", "<img", "·", "<span", "<font" })
        {
            Assert.DoesNotContain(word, html, StringComparison.Ordinal);
        }

        await editor.PressAsync("End");
        await BrowserFiles.PasteHtmlAsync(editor, PasteSamples.LibreOffice, "Les lauréats 2023");
        await Expect(editor.Locator("ol > li")).ToHaveCountAsync(2);
        await Expect(editor.Locator("ol em")).ToHaveTextAsync("Garage");
        html = await editor.InnerHTMLAsync();
        Assert.DoesNotContain("<font", html, StringComparison.Ordinal);
        Assert.DoesNotContain("western", html, StringComparison.Ordinal);
        await BrowserFiles.PhotographAsync(page, "editor-rich-text-paste");

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("Collé " + unique);
        var body = (await LatestAsync(site, Tenant, IdFromEditUrl(page.Url)))!.GetString("Body")!;
        Assert.Contains("<h2>Rencontre régionale 2023</h2>", body, StringComparison.Ordinal);
        Assert.Contains("143 participants", body, StringComparison.Ordinal);
        Assert.Contains("<li>Mobilité en zone rurale</li>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("mso", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("programme.docx", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_counter_follows_the_text_and_the_summary_counter_its_limit()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, Prefix);
        await page.GotoAsync(site.Url(Prefix + "/admin/contents/new/Initiative"));
        var unique = Unique();
        await page.Locator("#f-Title").FillAsync("Compteurs " + unique);

        await Expect(page.Locator("#f-Body-count")).ToHaveTextAsync("Aucun mot");
        await page.Locator("#f-Body-editor").ClickAsync();
        await page.Keyboard.TypeAsync("Une épicerie solidaire à Besançon");
        await Expect(page.Locator("#f-Body-count")).ToHaveTextAsync("5 mots");
        await Expect(page.Locator("#f-Body-editor")).ToHaveAttributeAsync("aria-describedby", new Regex("f-Body-count"));

        var summary = page.GetByLabel("Résumé");
        Assert.Equal("textarea", await summary.EvaluateAsync<string>("e => e.tagName.toLowerCase()"));
        await Expect(page.Locator("#f-Summary-count")).ToHaveTextAsync("0 / 300 caractères");
        await summary.FillAsync("Un lieu de vente à petits prix.");
        await Expect(page.Locator("#f-Summary-count")).ToHaveTextAsync("31 / 300 caractères");
        await summary.FillAsync(new string('a', 150) + "\n" + new string('b', 150));
        await Expect(page.Locator("#f-Summary-count")).ToHaveTextAsync("301 / 300 caractères — 1 de trop");
        await Expect(page.Locator("#f-Summary-count")).ToHaveClassAsync(new Regex("is-over"));
        await Expect(page.Locator("#f-Summary-count + [role=status]")).ToHaveTextAsync("Limite de 300 caractères dépassée.");
        await BrowserFiles.PhotographAsync(page, "editor-counters");

        // The server has the last word: refused with its French message, nothing lost.
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(page.Locator("#f-Summary-error")).ToHaveTextAsync("« Résumé » ne doit pas dépasser 300 caractères (actuellement 301).");
        await Expect(page.Locator("#f-Summary")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#f-Summary-count")).ToHaveTextAsync("301 / 300 caractères — 1 de trop");
        await Expect(page.Locator("#f-Body-editor")).ToContainTextAsync("Une épicerie solidaire à Besançon");
        await AssertAccessibleAsync(page, "initiative editor with a summary over its limit");
        await BrowserFiles.PhotographAsync(page, "editor-summary-error");

        await summary.FillAsync(new string('a', 150) + "\n" + new string('b', 149));
        await Expect(page.Locator("#f-Summary-count")).ToHaveTextAsync("300 / 300 caractères");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("Compteurs " + unique);
        Assert.Equal(new string('a', 150) + "\n" + new string('b', 149), (await LatestAsync(site, Tenant, IdFromEditUrl(page.Url)))!.GetString("Summary"));
    }
}
