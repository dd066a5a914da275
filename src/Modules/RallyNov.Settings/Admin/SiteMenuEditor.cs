using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Core.Tenants;

namespace RallyNov.Settings.Admin;

/// <summary>
/// The main and footer menus as the « Menus » screen shows and changes them. A menu that was never
/// set starts from what the site shows by default (every section of the enabled modules; the
/// standard pages for the footer), so the first change keeps everything else in place. Each change
/// is saved at once (the public header follows at the next request) and recorded with the menu
/// before and after.
/// </summary>
public sealed class SiteMenuEditor(
    ISiteSettingsService settings,
    IEnumerable<SiteSection> sections,
    ModuleCatalog catalog,
    TenantContext tenant,
    IContentManager contents,
    IContentDefinitionManager definitions)
{
    public const int MaxText = 60;

    public async Task<MenusPage> LoadAsync(MenuFormState? form, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(SiteIdentityRules.SettingsGroup, cancellationToken);
        var available = await SectionsAsync(cancellationToken);
        var menus = new List<MenuView>();
        foreach (var kind in MenuKind.All)
        {
            var entries = await EntriesAsync(site, kind, available, cancellationToken);
            var views = new List<MenuEntryView>();
            for (var i = 0; i < entries.Count; i++)
            {
                views.Add(await DescribeAsync(kind, i, entries[i], available, cancellationToken));
            }

            menus.Add(new MenuView(kind, views, site[kind.SettingsKey] is not JsonArray));
        }

        return new MenusPage { Menus = menus, Sections = available, Pages = await PagesAsync(cancellationToken), Form = form };
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the menu's entries (given the entry's position and the
    /// entries' titles) and saves them. The change answers a French error (nothing saved) or the success message; <paramref name="index"/>/<paramref name="key"/>
    /// name the entry the person clicked, checked against the stored menu so a menu changed meanwhile
    /// by someone else never gets the wrong entry moved.
    /// </summary>
    public async Task<MenuChange> ChangeAsync(MenuKind kind, int? index, string? key, Func<List<SiteMenuEntry>, int, IReadOnlyList<string>, MenuChange> change, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(SiteIdentityRules.SettingsGroup, cancellationToken);
        var available = await SectionsAsync(cancellationToken);
        var entries = (await EntriesAsync(site, kind, available, cancellationToken)).ToList();
        var position = -1;
        if (index is not null)
        {
            position = index >= 0 && index < entries.Count && entries[index.Value].Key == key
                ? index.Value
                : entries.FindIndex(e => e.Key == key);
            if (position < 0)
            {
                return MenuChange.Fail("Cette entrée n'est plus dans le menu : il a été modifié entre-temps. Voici le menu à jour.");
            }
        }

        var before = await TitlesAsync(entries, available, cancellationToken);
        var result = change(entries, position, before);
        if (!result.Succeeded)
        {
            return result;
        }

        var after = await TitlesAsync(entries, available, cancellationToken);
        site[kind.SettingsKey] = SiteMenuEntry.ToJson(entries);
        await settings.SaveAsync(
            SiteIdentityRules.SettingsGroup,
            site,
            $"{kind.Label} : {result.Message} Avant : {string.Join(", ", before)} → après : {string.Join(", ", after)}.",
            cancellationToken);
        return result;
    }

    /// <summary>Forgets the menu's settings: the site's default menu comes back.</summary>
    public async Task ResetAsync(MenuKind kind, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(SiteIdentityRules.SettingsGroup, cancellationToken);
        if (site.Remove(kind.SettingsKey))
        {
            await settings.SaveAsync(SiteIdentityRules.SettingsGroup, site, $"{kind.Label} : retour au menu par défaut.", cancellationToken);
        }
    }

    /// <summary>The sections of the modules enabled in this site, with whether they have published content.</summary>
    public async Task<IReadOnlyList<SectionOption>> SectionsAsync(CancellationToken cancellationToken)
    {
        var enabled = catalog.EnabledFor(tenant.Settings);
        var options = new List<SectionOption>();
        foreach (var section in sections.Where(s => enabled.Contains(s.ModuleId)).DistinctBy(s => s.Key, StringComparer.OrdinalIgnoreCase).OrderBy(s => s.Order))
        {
            var types = section.ContentTypes.Where(t => definitions.Find(t) is { } type && enabled.Contains(type.ModuleId)).ToList();
            var hasContent = section.ContentTypes.Count == 0
                || (types.Count > 0 && (await contents.QueryAsync(new ContentQuery { ContentTypes = types, Status = ContentStatus.Published, PageSize = 1 }, cancellationToken)).Total > 0);
            options.Add(new SectionOption(section.Key, section.Label, hasContent));
        }

        return options;
    }

    /// <summary>A published item with a page of its own, by id (what the page picker stores) or slug.</summary>
    public async Task<(ContentItem Item, ContentTypeDefinition Type)?> PublishedPageAsync(string? idOrSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idOrSlug))
        {
            return null;
        }

        var item = await contents.GetAsync(idOrSlug, VersionOptions.Published, cancellationToken)
            ?? await contents.GetBySlugAsync(idOrSlug, VersionOptions.Published, cancellationToken);
        return item is not null && definitions.Find(item.ContentType) is { } type && catalog.IsEnabled(tenant.Settings, type.ModuleId) && type.UrlFor(item.Slug) is not null
            ? (item, type)
            : null;
    }

    private async Task<IReadOnlyList<SiteMenuEntry>> EntriesAsync(JsonObject site, MenuKind kind, IReadOnlyList<SectionOption> available, CancellationToken cancellationToken)
    {
        if (site[kind.SettingsKey] is JsonArray stored)
        {
            return SiteMenuEntry.Parse(stored);
        }

        // What the public site shows without settings (docs/site.md), as explicit entries.
        if (kind == MenuKind.Main)
        {
            return available.Select(s => new SiteMenuEntry(SiteMenuEntry.SectionType, Section: s.Key)).ToList();
        }

        var footer = new List<SiteMenuEntry>();
        foreach (var slug in SiteIdentityRules.FooterPageSlugs)
        {
            if (await PublishedPageAsync(slug, cancellationToken) is { } page)
            {
                footer.Add(new SiteMenuEntry(SiteMenuEntry.PageType, Page: page.Item.ContentItemId));
            }
        }

        return footer;
    }

    private async Task<MenuEntryView> DescribeAsync(MenuKind kind, int index, SiteMenuEntry entry, IReadOnlyList<SectionOption> available, CancellationToken cancellationToken)
    {
        var domId = $"{kind.Slug}-{index}";
        switch (entry.Type)
        {
            case SiteMenuEntry.SectionType:
            {
                var section = available.FirstOrDefault(s => string.Equals(s.Key, entry.Section, StringComparison.OrdinalIgnoreCase));
                var (state, shown) = section is null ? ("Rubrique indisponible : son module est désactivé sur ce site.", false)
                    : entry.Hidden == true ? ("Masquée.", false)
                    : entry.Hidden == false ? ("Toujours affichée, même sans contenu publié.", true)
                    : !section.HasContent ? ("Masquée automatiquement : aucun contenu publié dans cette rubrique pour l'instant.", false)
                    : ("Visible.", true);
                return new MenuEntryView(index, entry.Key, domId, entry.Text ?? section?.Label ?? entry.Section ?? "?", "Rubrique",
                    section is null ? entry.Section ?? "" : "/" + entry.Section, state, shown, entry.Hidden == true, entry.Text, null);
            }

            case SiteMenuEntry.PageType:
            {
                var page = await PublishedPageAsync(entry.Page, cancellationToken);
                var (state, shown) = page is null ? ("N'apparaît pas : la page n'est pas publiée (ou a été supprimée).", false)
                    : entry.Hidden == true ? ("Masquée.", false)
                    : ("Visible.", true);
                return new MenuEntryView(index, entry.Key, domId, entry.Text ?? page?.Item.DisplayText ?? entry.Page ?? "?", page?.Type.DisplayName ?? "Page",
                    page is { } p ? p.Type.UrlFor(p.Item.Slug)! : entry.Page ?? "", state, shown, entry.Hidden == true, entry.Text, null);
            }

            default:
            {
                var valid = entry.Text is not null && SiteIdentityRules.IsWebAddress(entry.Url, out _);
                var (state, shown) = !valid ? ("N'apparaît pas : il faut un intitulé et une adresse web complète.", false)
                    : entry.Hidden == true ? ("Masqué.", false)
                    : ("Visible.", true);
                return new MenuEntryView(index, entry.Key, domId, entry.Text ?? entry.Url ?? "?", "Lien externe", entry.Url ?? "", state, shown, entry.Hidden == true, entry.Text, entry.Url);
            }
        }
    }

    private async Task<List<string>> TitlesAsync(IReadOnlyList<SiteMenuEntry> entries, IReadOnlyList<SectionOption> available, CancellationToken cancellationToken)
    {
        var titles = new List<string>();
        foreach (var entry in entries)
        {
            var title = entry.Text ?? entry.Type switch
            {
                SiteMenuEntry.SectionType => available.FirstOrDefault(s => s.Key == entry.Section)?.Label ?? entry.Section,
                SiteMenuEntry.PageType => (await PublishedPageAsync(entry.Page, cancellationToken))?.Item.DisplayText ?? entry.Page,
                _ => entry.Url,
            };
            titles.Add(entry.Hidden == true ? $"{title} (masquée)" : title ?? "?");
        }

        return titles;
    }

    private async Task<IReadOnlyList<PageOption>> PagesAsync(CancellationToken cancellationToken)
    {
        var types = definitions.TypesFor(tenant.Settings).Where(t => t.RoutePattern is not null).ToList();
        if (types.Count == 0)
        {
            return [];
        }

        var items = await contents.QueryAsync(
            new ContentQuery { ContentTypes = types.Select(t => t.Name).ToList(), Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, PageSize = 200 },
            cancellationToken);

        // Plain pages first: they are what a menu links to most.
        return items.Items
            .Select(i => new PageOption(i.ContentItemId, i.DisplayText, types.First(t => t.Name == i.ContentType).DisplayName))
            .OrderBy(p => p.TypeLabel == "Page" ? 0 : 1).ThenBy(p => p.TypeLabel, StringComparer.Ordinal).ThenBy(p => p.Title, StringComparer.CurrentCulture)
            .ToList();
    }
}

/// <summary>The outcome of a menu change: the French message to show, or the error and the field it belongs to.</summary>
public sealed record MenuChange(bool Succeeded, string Message, string? Field = null)
{
    public static MenuChange Ok(string message) => new(true, message);

    public static MenuChange Fail(string error, string? field = null) => new(false, error, field);
}
