using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Media.Services;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// The media library's upload in Chromium: several files chosen or dropped at once, each with its
/// own alt text, progress and result; SVG logos cleaned (or refused) and listed with a thumbnail;
/// the plain form without JavaScript.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class MediaUploadTests(BrowserFixture browser, AdminSiteFixture admin)
{
    private const string Prefix = "/bourgogne";
    private const string Tenant = "Bourgogne";

    [Fact]
    public async Task Several_files_are_sent_at_once_each_with_its_alt_text_progress_and_result()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, Prefix);
        var unique = Unique();
        await page.GotoAsync(site.Url(Prefix + "/admin/media"));

        await page.Locator("#upload-file").SetInputFilesAsync(
        [
            new FilePayload { Name = $"marche-{unique}.png", MimeType = "image/png", Buffer = Png(200, 120) },
            new FilePayload { Name = $"atelier-{unique}.png", MimeType = "image/png", Buffer = Png(160, 160) },
            new FilePayload { Name = $"programme-{unique}.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF") },
        ]);
        await Expect(page.Locator(".upload-item")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-upload-summary]")).ToHaveTextAsync("3 fichiers prêts à être envoyés.");
        // The shared alt text of the plain form is gone: each image has its own, the PDF none.
        await Expect(page.Locator("#upload-alt")).ToBeHiddenAsync();
        await Expect(page.GetByLabel($"Texte alternatif de « programme-{unique}.pdf » (obligatoire)")).ToHaveCountAsync(0);

        // Sent without one alt text: nothing leaves, the row says why (read with the field).
        await page.GetByLabel($"Texte alternatif de « marche-{unique}.png » (obligatoire)").FillAsync("Les étals du marché");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        var atelierAlt = page.GetByLabel($"Texte alternatif de « atelier-{unique}.png » (obligatoire)");
        await Expect(atelierAlt).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(atelierAlt).ToBeFocusedAsync();
        await Expect(page.Locator("[data-upload-summary]")).ToHaveTextAsync("Une image n’a pas de texte alternatif.");
        Assert.Null(await FileAsync(site, $"marche-{unique}.png"));
        await AssertAccessibleAsync(page, "media library with a missing alt text in the upload list");
        await BrowserFiles.PhotographAsync(page, "media-upload-queue");

        await atelierAlt.FillAsync("L'atelier de réparation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-upload-summary]")).ToHaveTextAsync("3 fichiers ajoutés.");
        await Expect(page.Locator(".upload-item-result.is-ok")).ToHaveCountAsync(3);
        await Expect(page.Locator(".upload-item-result").Nth(1)).ToHaveTextAsync($"« atelier-{unique}.png » a été ajouté à la médiathèque.");
        foreach (var progress in await page.Locator(".upload-item progress").AllAsync())
        {
            Assert.Equal("100", await progress.EvaluateAsync<string>("p => String(p.value)"));
        }

        // The list of the folder is read again: the three files are there, the thumbnails drawn.
        await Expect(page.Locator("#media-files tbody tr", new() { HasText = unique })).ToHaveCountAsync(3);
        await Expect(page.Locator("#media-files tbody tr", new() { HasText = $"atelier-{unique}.png" })).ToContainTextAsync("L'atelier de réparation");
        Assert.Equal("Les étals du marché", (await FileAsync(site, $"marche-{unique}.png"))!.Alt);
        Assert.Equal("", (await FileAsync(site, $"programme-{unique}.pdf"))!.Alt);
        await BrowserFiles.PhotographAsync(page, "media-upload-done");
    }

    [Fact]
    public async Task Files_dropped_on_the_zone_join_the_list_and_a_refused_one_says_why()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, Prefix);
        var unique = Unique();
        await page.GotoAsync(site.Url(Prefix + "/admin/media"));

        await BrowserFiles.DropAsync(page.Locator("[data-dropzone]"),
            new FilePayload { Name = $"affiche-{unique}.png", MimeType = "image/png", Buffer = Png() },
            new FilePayload { Name = $"script-{unique}.png", MimeType = "image/png", Buffer = "<?php echo 1; ?>"u8.ToArray() });
        await Expect(page.Locator(".upload-item")).ToHaveCountAsync(2);
        Assert.Equal(Prefix + "/admin/media", new Uri(page.Url).AbsolutePath); // the browser did not open the file

        await page.GetByLabel($"Texte alternatif de « affiche-{unique}.png » (obligatoire)").FillAsync("L'affiche");
        await page.GetByLabel($"Texte alternatif de « script-{unique}.png » (obligatoire)").FillAsync("Un script déguisé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-upload-summary]")).ToHaveTextAsync("1 fichier ajouté, 1 refusé (voir le détail ci-dessus).");
        await Expect(page.Locator(".upload-item-result.is-error")).ToContainTextAsync("Type de fichier non accepté");
        Assert.NotNull(await FileAsync(site, $"affiche-{unique}.png"));
        Assert.Null(await FileAsync(site, $"script-{unique}.png"));
        await AssertAccessibleAsync(page, "media library with a refused upload");
    }

    [Fact]
    public async Task An_svg_logo_with_a_script_is_cleaned_listed_with_a_thumbnail_and_served_sandboxed()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, Prefix);
        var unique = Unique();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync(site.Url(Prefix + "/admin/media"));
        const string logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 80\" onload=\"alert('onload')\">"
            + "<script>alert('script')</script><rect width=\"200\" height=\"80\" rx=\"12\" fill=\"#00609c\"/>"
            + "<text x=\"100\" y=\"52\" font-size=\"32\" text-anchor=\"middle\" fill=\"#fff\">rally'nov</text></svg>";

        await page.Locator("#upload-file").SetInputFilesAsync(
        [
            new FilePayload { Name = $"logo-{unique}.svg", MimeType = "image/svg+xml", Buffer = Encoding.UTF8.GetBytes(logo) },
            new FilePayload { Name = $"vide-{unique}.svg", MimeType = "image/svg+xml", Buffer = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(2)</script></svg>"u8.ToArray() },
        ]);
        await page.GetByLabel($"Texte alternatif de « logo-{unique}.svg » (obligatoire)").FillAsync("Logo de rally'nov");
        await page.GetByLabel($"Texte alternatif de « vide-{unique}.svg » (obligatoire)").FillAsync("Rien");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();

        var results = page.Locator(".upload-item-result");
        await Expect(results.Nth(0)).ToContainTextAsync($"« logo-{unique}.svg » a été ajouté à la médiathèque. Le fichier SVG a été nettoyé");
        await Expect(results.Nth(0)).ToContainTextAsync("1 attribut d'événement (onload), 1 script");
        await Expect(results.Nth(1)).ToContainTextAsync("il ne reste rien à dessiner");
        var stored = await File.ReadAllTextAsync(Path.Combine(site.DataPath, "Sites", Tenant, "Media", $"logo-{unique}.svg"));
        Assert.DoesNotContain("script", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("onload", stored, StringComparison.Ordinal);

        // Listed with a raster thumbnail that really draws.
        var thumb = page.Locator("#media-files tbody tr", new() { HasText = $"logo-{unique}.svg" }).Locator("img.media-thumb");
        await Expect(thumb).ToHaveAttributeAsync("src", $"{Prefix}/media/logo-{unique}.svg?w=160");
        await thumb.ScrollIntoViewIfNeededAsync();
        await Expect(thumb).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(160, await thumb.EvaluateAsync<int>("img => img.naturalWidth"));

        // Opened on its own: the sandboxing policy, and no script runs.
        var response = await page.GotoAsync(site.Url($"{Prefix}/media/logo-{unique}.svg"));
        Assert.Equal("image/svg+xml", response!.Headers["content-type"]);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox", response.Headers["content-security-policy"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Without_javascript_the_plain_form_sends_several_files_with_one_alt_text()
    {
        var site = admin.Site;
        await using var context = await browser.Browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "fr-FR" });
        var page = await SignInAsync(context, site, Prefix);
        var unique = Unique();
        await page.GotoAsync(site.Url(Prefix + "/admin/media"));

        await page.Locator("#upload-file").SetInputFilesAsync(
        [
            new FilePayload { Name = $"a-{unique}.png", MimeType = "image/png", Buffer = Png() },
            new FilePayload { Name = $"b-{unique}.png", MimeType = "image/png", Buffer = Png() },
        ]);
        await page.GetByLabel("Texte alternatif (obligatoire pour une image)").FillAsync("Vue de la salle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();

        await Expect(Message(page)).ToHaveTextAsync($"2 fichiers ajoutés à la médiathèque : a-{unique}.png, b-{unique}.png.");
        Assert.Equal("Vue de la salle", (await FileAsync(site, $"b-{unique}.png"))!.Alt);
    }

    private static Task<RallyNov.Media.Data.MediaFile?> FileAsync(LiveSite site, string path) =>
        InTenantAsync(site, Tenant, sp => sp.GetRequiredService<IMediaLibrary>().GetAsync(path, CancellationToken.None));
}
