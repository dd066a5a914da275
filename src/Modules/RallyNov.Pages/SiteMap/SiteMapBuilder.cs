using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Core.Tenants;

namespace RallyNov.Pages.SiteMap;

/// <summary>One group of the site map: a heading (linked when it is a section) and its links.</summary>
public sealed record SiteMapGroup(string Title, string? Href, IReadOnlyList<MenuLink> Links);

/// <summary>
/// The « Plan du site » page, generated on each request so it never goes stale: the main menu's
/// sections with their published items, every published page, the footer's links and the service
/// pages of the enabled modules. Only what a visitor can open is listed.
/// </summary>
public sealed class SiteMapBuilder(
    TenantContext tenant,
    ISiteIdentityService identities,
    IContentManager contents,
    IContentDefinitionManager definitions,
    ModuleCatalog catalog,
    IEnumerable<SiteSection> sections,
    IEnumerable<SiteMapEntry> entries)
{
    public const string Slug = "plan-du-site";

    /// <summary>Items listed under a section; a longer list is reached through the section's own page.</summary>
    public const int ItemsPerSection = 100;

    public async Task<IReadOnlyList<SiteMapGroup>> BuildAsync(CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(cancellationToken);
        var enabled = catalog.EnabledFor(tenant.Settings);
        var groups = new List<SiteMapGroup>();

        foreach (var entry in identity.MainMenu)
        {
            var section = entry.SectionKey is null ? null : sections.FirstOrDefault(s => string.Equals(s.Key, entry.SectionKey, StringComparison.OrdinalIgnoreCase));
            if (section is null)
            {
                continue;
            }

            groups.Add(new SiteMapGroup(entry.Text, entry.Href, await ItemsAsync(section.ContentTypes, cancellationToken)));
        }

        var pages = await ItemsAsync([PagesModule.PageType], cancellationToken);
        if (pages.Count > 0)
        {
            groups.Add(new SiteMapGroup("Pages", null, pages));
        }

        var services = entries.Where(e => enabled.Contains(e.ModuleId)).OrderBy(e => e.Order)
            .Select(e => new MenuLink(e.Label, e.Path, false))
            .Concat(identity.MainMenu.Where(m => m.SectionKey is null))
            .Concat(identity.FooterMenu.Where(f => f.IsExternal || !pages.Any(p => p.Href == f.Href)))
            .Append(new MenuLink("Suivre les nouveautés (flux Atom)", "/feed.xml", false))
            .DistinctBy(l => l.Href)
            .ToList();
        groups.Add(new SiteMapGroup("Services et informations", null, services));
        return groups;
    }

    private async Task<IReadOnlyList<MenuLink>> ItemsAsync(IReadOnlyList<string> types, CancellationToken cancellationToken)
    {
        var routed = types.Where(t => definitions.Find(t) is { } type && catalog.IsEnabled(tenant.Settings, type.ModuleId)).ToList();
        if (routed.Count == 0)
        {
            return [];
        }

        var page = await contents.QueryAsync(
            new ContentQuery { ContentTypes = routed, Status = ContentStatus.Published, Order = ContentOrder.TitleAscending, PageSize = ItemsPerSection },
            cancellationToken);
        return page.Items
            .Select(i => definitions.Find(i.ContentType)?.UrlFor(i.Slug) is { } path ? new MenuLink(i.DisplayText, path, false) : null)
            .OfType<MenuLink>()
            .ToList();
    }
}
