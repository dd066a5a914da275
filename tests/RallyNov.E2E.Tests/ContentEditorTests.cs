using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Tenants;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Media.Services;
using static Microsoft.Playwright.Assertions;

namespace RallyNov.E2E.Tests;

/// <summary>The back-office editor in a real browser, with its JavaScript: rich text, preview, publish.</summary>
[Collection(SharedBrowser.Name)]
public sealed class ContentEditorTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Fact]
    public async Task An_administrator_writes_previews_publishes_and_unpublishes_an_initiative()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var title = "Ressourcerie " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync(site.Url("/bourgogne/admin/login"));
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync("Essai-E2E-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/bourgogne/admin"));

        await page.GotoAsync(site.Url("/bourgogne/admin/contents/new/Initiative"));
        await page.Locator("#f-Title").FillAsync(title);
        await page.Locator("#f-Summary").FillAsync("Réemploi et insertion à Dijon.");

        // The rich text field is the pell editor; its textarea is hidden and follows it.
        var editor = page.Locator("#f-Body-editor");
        await Expect(editor).ToBeVisibleAsync();
        await Expect(page.Locator("#f-Body")).ToBeHiddenAsync();
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("Des objets réparés, ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gras" }).ClickAsync();
        await page.Keyboard.TypeAsync("vraiment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gras" }).ClickAsync();
        await page.Keyboard.TypeAsync(" utiles.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/bourgogne/admin/contents/[^/]+/edit$"));
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Brouillon de « " + title + " » enregistré.");
        await Expect(page.Locator("#f-Body-editor b, #f-Body-editor strong")).ToHaveTextAsync("vraiment");
        var slug = await page.Locator("#f-Slug").InputValueAsync();
        Assert.False(string.IsNullOrEmpty(slug));

        var preview = await page.RunAndWaitForPopupAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Prévisualiser" }).ClickAsync());
        await Expect(preview.GetByText("Aperçu du brouillon")).ToBeVisibleAsync();
        await Expect(preview.Locator("h1")).ToContainTextAsync(title);
        await Expect(preview.Locator("main").GetByText("vraiment").First).ToBeVisibleAsync();
        await preview.CloseAsync();

        var visitor = await context.NewPageAsync();
        var before = await visitor.GotoAsync(site.Url("/bourgogne/initiatives/" + slug));
        Assert.Equal(404, before!.Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("« " + title + " » est publié.");
        var online = await visitor.GotoAsync(site.Url("/bourgogne/initiatives/" + slug));
        Assert.Equal(200, online!.Status);
        await Expect(visitor.Locator("h1")).ToContainTextAsync(title);

        await page.GetByRole(AriaRole.Button, new() { Name = "Dépublier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("n'est plus en ligne");
        var after = await visitor.GotoAsync(site.Url("/bourgogne/initiatives/" + slug));
        Assert.Equal(404, after!.Status);
    }

    [Fact]
    public async Task The_editor_form_has_no_axe_violations_with_errors_shown()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/bourgogne/admin/login"));
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync("Essai-E2E-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/bourgogne/admin"));

        await page.GotoAsync(site.Url("/bourgogne/admin/contents/new/Initiative"));
        await page.Locator("#f-Title").FillAsync("Essai");
        await page.Locator("#f-YearIdentified").FillAsync("1800");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(page.Locator("#f-YearIdentified-error")).ToContainTextAsync("1990");
        // The media library button shows only when the media module answers its picker endpoint.
        var picker = await page.APIRequest.GetAsync(site.Url("/bourgogne/admin/media/picker?q=&page=1"));
        var mediaAvailable = picker.Ok && (picker.Headers.GetValueOrDefault("content-type") ?? "").Contains("json", StringComparison.Ordinal);
        var choose = page.GetByRole(AriaRole.Button, new() { Name = "Choisir dans la médiathèque" });
        if (mediaAvailable)
        {
            await Expect(choose).ToBeVisibleAsync();
        }
        else
        {
            await Expect(choose).ToBeHiddenAsync();
        }

        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rallynov-editor.png"), FullPage = true });

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    [Fact]
    public async Task The_media_library_chooser_fills_path_alt_and_thumbnail()
    {
        var site = admin.Site;
        var tenant = site.Services.GetRequiredService<ITenantStore>().Find("Bourgogne")!;
        string path;
        await using (var scope = site.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant))
        {
            // A valid 1×1 PNG: the library checks the file's signature, not its name.
            using var png = new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
            var upload = await scope.ServiceProvider.GetRequiredService<IMediaLibrary>()
                .UploadAsync(new MediaUpload("", "jardin-partage.png", png, png.Length, "Le jardin en été", null, "admin"), CancellationToken.None);
            Assert.True(upload.Succeeded, upload.Error);
            path = upload.File!.Path;
        }

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/bourgogne/admin/login"));
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync("Essai-E2E-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/bourgogne/admin"));
        await page.GotoAsync(site.Url("/bourgogne/admin/contents/new/Initiative"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir dans la médiathèque" }).ClickAsync();
        await page.Locator(".media-choice", new() { HasText = "jardin-partage" }).ClickAsync();

        await Expect(page.Locator("#f-Image")).ToHaveValueAsync(path);
        await Expect(page.Locator("#f-Image-alt")).ToHaveValueAsync("Le jardin en été");
        await Expect(page.Locator("[data-media-thumb] img")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-Image-alt")).ToBeFocusedAsync();
    }
}
