using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Content;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Taxonomies;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// « Vocabulaires » clicked in Chromium: a thème added, renamed (its old filter URL answers 301 to the
/// new one) and merged into another, with the content that carried it re-tagged.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class VocabularyEditorTests(BrowserFixture browser, SettingsSiteFixture settings)
{
    [Fact]
    public async Task An_administrator_renames_a_theme_and_its_old_filter_url_moves_permanently_to_the_new_one()
    {
        var site = settings.Site;
        var u = Unique();
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, "");

        await page.GetByRole(AriaRole.Link, new() { Name = "Vocabulaires", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page, "vocabularies");
        await SiteSettingsTests.ScreensAsync(page, "vocabularies");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thèmes" }).ClickAsync();
        await AssertAccessibleAsync(page, "themes");
        var old = await AddTermAsync(page, "Mobilité " + u);
        Assert.Equal("mobilite-" + u, old);
        await SiteSettingsTests.ScreensAsync(page, "vocabulary-themes");

        // Added at the end; « Monter » puts it one place up, and the keyboard stays on the button.
        var count = await page.Locator("li.order-item").CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Monter « Mobilité {u} »" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync($"« Mobilité {u} » déplacé.");
        await Expect(page.Locator("li.order-item").Nth(count - 2)).ToContainTextAsync("Mobilité " + u);
        await Expect(page.Locator(":focus")).ToHaveAccessibleNameAsync($"Monter « Mobilité {u} »");
        Assert.Equal(old, (await TermsAsync(site))[count - 2].Slug);
        var item = await PublishAsync(site, "Initiative", "Le vélo partagé " + u, old);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Modifier « Mobilité {u} »" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mobilité " + u);
        await Expect(page.Locator("main")).ToContainTextAsync("Utilisé par 1 contenu.");
        await AssertAccessibleAsync(page, "term page");
        await SiteSettingsTests.ScreensAsync(page, "vocabulary-term");

        // A bad identifier is refused in French, nothing renamed.
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Mobilité douce " + u);
        await page.GetByLabel("Identifiant", new() { Exact = true }).FillAsync("Mobilité douce!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Error(page)).ToContainTextAsync("Rien n'a été modifié");
        await Expect(page.Locator("#term-slug")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Nom", new() { Exact = true })).ToHaveValueAsync("Mobilité douce " + u);
        await AssertAccessibleAsync(page, "term page with an error");
        Assert.NotNull(await TermAsync(site, old));

        await page.GetByLabel("Identifiant", new() { Exact = true }).FillAsync("mobilite-douce-" + u);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Message(page)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mobilité douce " + u);
        await Expect(page.Locator("main")).ToContainTextAsync($"« {old} » redirigent vers ce terme");

        // Stored: the term under its new identifier, the content re-tagged; the old identifier kept for the 301.
        var renamed = await TermAsync(site, "mobilite-douce-" + u);
        Assert.Equal("Mobilité douce " + u, renamed!.Name);
        Assert.Null((await TermsAsync(site)).FirstOrDefault(t => t.Slug == old));
        Assert.Equal(["mobilite-douce-" + u], await ThemesOfAsync(site, item.ContentItemId));

        // The visitor's old bookmark: 301 to the new filter URL, which lists the initiative.
        var visitor = await context.NewPageAsync();
        var direct = await visitor.APIRequest.GetAsync(site.Url("/initiatives?theme=" + old), new() { MaxRedirects = 0 });
        Assert.Equal(301, direct.Status);
        Assert.Equal("/initiatives?theme=mobilite-douce-" + u, direct.Headers["location"]);
        await visitor.GotoAsync(site.Url("/initiatives?theme=" + old));
        Assert.EndsWith("/initiatives?theme=mobilite-douce-" + u, visitor.Url, StringComparison.Ordinal);
        await Expect(visitor.Locator("main")).ToContainTextAsync("Le vélo partagé " + u);
    }

    [Fact]
    public async Task An_administrator_merges_two_themes_and_the_content_carries_the_one_kept()
    {
        var site = settings.Site;
        var u = Unique();
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, "");
        await page.GotoAsync(site.Url("/admin/settings/vocabularies/themes"));
        var gone = await AddTermAsync(page, "Circuits courts " + u);
        var kept = await AddTermAsync(page, "Alimentation locale " + u);
        var item = await PublishAsync(site, "Initiative", "La ferme du coin " + u, gone, "handicap");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Modifier « Circuits courts {u} »" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fusionner" }).ClickAsync();
        await Expect(Error(page)).ToBeVisibleAsync();
        await Expect(page.Locator("#merge-target")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page, "merge without a target");
        Assert.NotNull(await TermAsync(site, gone));

        await page.GetByLabel($"Fusionner « Circuits courts {u} » dans").SelectOptionAsync(new SelectOptionValue { Label = "Alimentation locale " + u });
        await page.GetByRole(AriaRole.Button, new() { Name = "Fusionner" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync($"Terme fusionné dans « Alimentation locale {u} » : 1 contenu mis à jour.");
        await Expect(page.Locator("ol.order-list")).Not.ToContainTextAsync("Circuits courts " + u);
        await Expect(page.Locator("li.order-item", new() { HasText = "Alimentation locale " + u })).ToContainTextAsync("1 contenu");

        Assert.Null((await TermsAsync(site)).FirstOrDefault(t => t.Slug == gone));
        // Re-tagged in place: the kept term where the merged one was.
        Assert.Equal([kept, "handicap"], await ThemesOfAsync(site, item.ContentItemId));
        var direct = await page.APIRequest.GetAsync(site.Url("/initiatives?theme=" + gone), new() { MaxRedirects = 0 });
        Assert.Equal(301, direct.Status);
        Assert.Equal("/initiatives?theme=" + kept, direct.Headers["location"]);
    }

    /// <summary>« Ajouter un terme » with a name only; returns the identifier the page announces.</summary>
    private static async Task<string> AddTermAsync(IPage page, string name)
    {
        var form = page.Locator("form.add-term");
        await form.GetByLabel("Nom", new() { Exact = true }).FillAsync(name);
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter le terme" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync($"Terme « {name} » ajouté");
        var message = await Message(page).InnerTextAsync();
        var slug = message[(message.IndexOf("identifiant : ", StringComparison.Ordinal) + "identifiant : ".Length)..].TrimEnd(')', '.', ' ');
        await Expect(page.Locator("li.order-item").Last).ToContainTextAsync(name);
        return slug;
    }

    private static Task<ContentItem> PublishAsync(LiveSite site, string type, string title, params string[] themes) => InTenantAsync(site, "Default", async sp =>
    {
        var contents = sp.GetRequiredService<IContentManager>();
        var item = contents.New(type);
        item.Set("Title", title);
        item.Set("Themes", new JsonArray([.. themes.Select(t => (JsonNode)JsonValue.Create(t))]));
        item.Owner = item.Author = "admin";
        var result = await contents.PublishAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!;
    });

    private static Task<IReadOnlyList<string>> ThemesOfAsync(LiveSite site, string id) => InTenantAsync(site, "Default", async sp =>
    {
        var item = await sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published, CancellationToken.None);
        return (IReadOnlyList<string>)[.. (item!.Content["Themes"] as JsonArray ?? []).Select(n => (string)n!)];
    });

    private static Task<IReadOnlyList<RallyNov.Core.Taxonomies.Term>> TermsAsync(LiveSite site) =>
        InTenantAsync(site, "Default", sp => sp.GetRequiredService<ITermNames>().TermsAsync("themes", CancellationToken.None));

    private static async Task<RallyNov.Core.Taxonomies.Term?> TermAsync(LiveSite site, string slug) =>
        (await TermsAsync(site)).FirstOrDefault(t => t.Slug == slug);
}
