using System.Text.Json.Nodes;
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
/// Every field kind of the content editor, typed, ticked and picked in Chromium with the editor's
/// scripts (rich text, media chooser, content picker search, Markdown preview), then read back from
/// the store: text, slug, taxonomy (single and multiple), date and time, number, boolean, link, media,
/// rich text, content picker, Markdown.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ContentFieldsTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Fact]
    public async Task An_event_is_written_with_every_kind_of_field_and_stored_as_typed()
    {
        var site = admin.Site;
        const string prefix = "/bourgogne";
        var unique = Unique();
        var image = await InTenantAsync(site, "Bourgogne", async sp =>
        {
            using var png = new MemoryStream(Png());
            var upload = await sp.GetRequiredService<IMediaLibrary>().UploadAsync(
                new MediaUpload("", "salle-" + unique + ".png", png, png.Length, "La salle des fêtes", null, "admin"), CancellationToken.None);
            Assert.True(upload.Succeeded, upload.Error);
            return upload.File!.Path;
        });
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);
        await page.GotoAsync(site.Url(prefix + "/admin/contents/new/Event"));
        var title = "Forum des solidarités " + unique;

        await page.Locator("#f-Title").FillAsync(title);
        await page.Locator("#f-Slug").FillAsync("forum-" + unique);
        var kind = await page.Locator("#f-Kind").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#f-Start").FillAsync("2027-03-18T14:30");
        await page.Locator("#f-End").FillAsync("2027-03-18T18:00");
        await page.Locator("#f-Year").FillAsync("2027");
        await page.Locator("#f-Venue").FillAsync("Salle des fêtes");
        await page.Locator("#f-City").FillAsync("Auxerre");
        var departement = await page.Locator("#f-Departement").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.Locator("#f-Summary").FillAsync("Une après-midi pour se rencontrer.");
        await page.Locator("#f-Programme-editor").ClickAsync();
        await page.Keyboard.TypeAsync("Ateliers puis ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Italique" }).ClickAsync();
        await page.Keyboard.TypeAsync("débat");
        await page.Locator("#f-Participants").FillAsync("120");
        await page.Locator("#f-Video").FillAsync("https://example.org/replay");
        await page.Locator("#f-Video-text").FillAsync("Revoir le forum");
        await page.GetByLabel("Entrée libre et gratuite").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Choisir dans la médiathèque" }).ClickAsync();
        await page.Locator(".media-choice", new() { HasText = "salle-" + unique }).ClickAsync();
        await Expect(page.Locator("#f-Image")).ToHaveValueAsync(image);
        await Expect(page.Locator("#f-Image-alt")).ToHaveValueAsync("La salle des fêtes");

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/contents/[^/]+/edit$"));
        await Expect(Message(page)).ToContainTextAsync("Brouillon de « " + title + " » enregistré.");

        var item = (await LatestAsync(site, "Bourgogne", IdFromEditUrl(page.Url)))!;
        Assert.Equal(title, item.DisplayText);
        Assert.Equal("forum-" + unique, item.Slug);
        Assert.Equal(kind, Strings(item, "Kind"));
        Assert.Equal(departement, Strings(item, "Departement"));
        Assert.Equal("2027-03-18T14:30", item.GetString("Start"));
        Assert.Equal("2027-03-18T18:00", item.GetString("End"));
        Assert.Equal(2027, item.Content["Year"]!.GetValue<int>());
        Assert.Equal(120, item.Content["Participants"]!.GetValue<int>());
        Assert.Equal("Salle des fêtes", item.GetString("Venue"));
        Assert.Equal("Une après-midi pour se rencontrer.", item.GetString("Summary"));
        Assert.Matches("<p>Ateliers puis <(i|em)>débat</(i|em)></p>", item.GetString("Programme"));
        Assert.Equal("https://example.org/replay", item.Content["Video"]!["url"]!.GetValue<string>());
        Assert.Equal("Revoir le forum", item.Content["Video"]!["text"]!.GetValue<string>());
        Assert.True(item.Content["FreeEntry"]!.GetValue<bool>());
        Assert.Equal(image, item.Content["Image"]!["path"]!.GetValue<string>());
        Assert.Equal("La salle des fêtes", item.Content["Image"]!["alt"]!.GetValue<string>());

        // The form shows back what was stored.
        await Expect(page.Locator("#f-FreeEntry")).ToBeCheckedAsync();
        await Expect(page.Locator("#f-Start")).ToHaveValueAsync("2027-03-18T14:30");
        await Expect(page.Locator("[data-media-thumb] img")).ToBeVisibleAsync();

        // Unticking the box is saved too.
        await page.GetByLabel("Entrée libre et gratuite").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Message(page)).ToBeVisibleAsync();
        var saved = (await LatestAsync(site, "Bourgogne", item.ContentItemId))!;
        Assert.True(saved.Content["FreeEntry"] is null || !saved.Content["FreeEntry"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Wrong_values_are_explained_next_to_their_fields_and_kept()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, "/franche-comte");
        await page.GotoAsync(site.Url("/franche-comte/admin/contents/new/Event"));
        await page.Locator("#f-Title").FillAsync("Erreurs " + Unique());
        await page.Locator("#f-Year").FillAsync("1850");
        await page.Locator("#f-Participants").FillAsync("beaucoup");
        await page.Locator("#f-Video").EvaluateAsync("e => e.type = 'text'"); // the server checks what an old browser would send
        await page.Locator("#f-Video").FillAsync("pas une adresse");

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();

        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Le contenu n'a pas été enregistré");
        await Expect(page.Locator("#f-Year")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#f-Year-error")).ToContainTextAsync("1990");
        await Expect(page.Locator("#f-Participants-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#f-Video-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#f-Participants")).ToHaveValueAsync("beaucoup");
        await AssertAccessibleAsync(page, "event editor with errors");
    }

    [Fact]
    public async Task A_laureate_picks_its_initiative_by_title_and_an_initiative_ticks_its_themes()
    {
        var site = admin.Site;
        const string prefix = "/franche-comte";
        var unique = Unique();
        var initiative = await DraftAsync(site, "FrancheComte", "Initiative", "Épicerie solidaire " + unique);
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);

        await page.GotoAsync(site.Url(prefix + "/admin/contents/new/Laureate"));
        await page.Locator("#f-Title").FillAsync("Lauréat " + unique);
        await page.Locator("#f-PrizeYear").FillAsync("2023");
        await page.Locator("#f-Amount").FillAsync("5000");
        await page.GetByLabel("Rechercher un contenu à choisir").FillAsync(unique);
        await Expect(page.Locator("#f-Initiative option", new() { HasText = "Épicerie solidaire " + unique })).ToHaveCountAsync(1);
        await page.Locator("#f-Initiative").SelectOptionAsync(initiative.ContentItemId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("Lauréat " + unique);
        var laureate = (await LatestAsync(site, "FrancheComte", IdFromEditUrl(page.Url)))!;
        Assert.Equal([initiative.ContentItemId], Strings(laureate, "Initiative"));
        Assert.Equal(5000, laureate.Content["Amount"]!.GetValue<int>());
        await Expect(page.Locator("#f-Initiative option:checked")).ToContainTextAsync("Épicerie solidaire " + unique);

        await page.GotoAsync(site.Url($"{prefix}/admin/contents/{initiative.ContentItemId}/edit"));
        var themes = page.Locator("#f-Themes input[type=checkbox]");
        var first = await themes.Nth(0).GetAttributeAsync("value");
        var second = await themes.Nth(2).GetAttributeAsync("value");
        await themes.Nth(0).CheckAsync();
        await themes.Nth(2).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Message(page)).ToBeVisibleAsync();
        Assert.Equal([first!, second!], Strings((await LatestAsync(site, "FrancheComte", initiative.ContentItemId))!, "Themes"));
    }

    [Fact]
    public async Task Key_figures_are_written_in_Markdown_with_a_live_preview()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, "");
        await page.GotoAsync(site.Url("/admin/contents/new/KeyFigures"));
        var title = "Chiffres " + Unique();
        await page.Locator("#f-Title").FillAsync(title);
        await page.Locator("#f-Year").FillAsync("2023");
        await page.Locator("#f-Figures").FillAsync("**143** | participants\n**12** | lauréats");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Expect(page.Locator("#f-Figures-preview strong").First).ToHaveTextAsync("143");
        await Expect(page).ToHaveURLAsync(site.Url("/admin/contents/new/KeyFigures")); // the script asked, the page stayed

        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("« " + title + " » est publié.");
        var item = (await LatestAsync(site, "Default", IdFromEditUrl(page.Url)))!;
        Assert.True(item.Published);
        Assert.Equal("**143** | participants\n**12** | lauréats", item.GetString("Figures")!.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Strings(ContentItem item, string field) =>
        item.Content[field] is JsonArray array ? array.Select(v => v!.GetValue<string>()).ToList() : [];
}
