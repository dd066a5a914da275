using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RallyNov.Core.Caching;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Settings;

/// <summary>The current tenant's identity and menus (see <see cref="SiteIdentity"/>).</summary>
public interface ISiteIdentityService
{
    Task<SiteIdentity> GetAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Builds a tenant's identity from its "site" settings and its published content, and keeps it
/// in the tenant's <see cref="ISiteDataCache"/>: the next request after any change (settings
/// saved, content published, unpublished, deleted or restored, the tenant itself changed) builds it
/// again. The cache's expiry is the safety net for changes this node does not hear about.
/// </summary>
internal sealed class SiteIdentityService(
    TenantContext tenant,
    ISiteSettingsService settings,
    IContentManager contents,
    IContentDefinitionManager definitions,
    ModuleCatalog catalog,
    IEnumerable<SiteSection> sections,
    ISiteDataCache cache) : ISiteIdentityService
{
    public const string SettingsGroup = SiteIdentityRules.SettingsGroup;

    // A change of the tenant's own settings (display name, modules) moves every version too.
    public Task<SiteIdentity> GetAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(tenant.Settings, "site-identity", BuildAsync, cancellationToken);

    private async Task<SiteIdentity> BuildAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(SettingsGroup, cancellationToken);
        var enabled = catalog.EnabledFor(tenant.Settings);
        var available = sections.Where(s => enabled.Contains(s.ModuleId)).GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var nonEmpty = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in available)
        {
            nonEmpty[section.Key] = section.ContentTypes.Count == 0 || await HasPublishedAsync(section.ContentTypes, cancellationToken);
        }

        var main = site["mainMenu"] is JsonArray mainEntries
            ? await ResolveAsync(mainEntries, available, nonEmpty, cancellationToken)
            : available.OrderBy(s => s.Order).Where(s => nonEmpty[s.Key]).Select(s => new MenuLink(s.Label, s.Path, false, s.Key)).ToList();
        var footer = site["footerMenu"] is JsonArray footerEntries
            ? await ResolveAsync(footerEntries, available, nonEmpty, cancellationToken)
            : await DefaultFooterAsync(cancellationToken);

        var identity = new SiteIdentity
        {
            DisplayName = Text(site, "siteName") ?? tenant.Settings.DisplayName,
            Tagline = Text(site, "tagline"),
            LogoPath = MediaPath(Text(site, "logo")),
            HeroImagePath = MediaPath(Text(site, "heroImage")),
            PrimaryColor = Color(Text(site, "primaryColor")) ?? SiteIdentity.DefaultPrimaryColor,
            AccentColor = Color(Text(site, "accentColor")) ?? SiteIdentity.DefaultAccentColor,
            ContactEmail = Text(site, "contactEmail") is { } email && SiteIdentityRules.IsEmail(email) ? email : null,
            ContactAddress = Text(site, "contactAddress"),
            FooterText = Text(site, "footerText"),
            ContactPhone = Text(site, "contactPhone"),
            PublicationDirector = Text(site, "publicationDirector"),
            HostName = Text(site, "hostName"),
            HostAddress = Text(site, "hostAddress"),
            HostPhone = Text(site, "hostPhone"),
            SocialLinks = Social(site["socialLinks"] as JsonArray),
            MainMenu = main,
            FooterMenu = footer,
            HomeIntro = Text(site, "homeIntro"),
            HomeSections = site["homeSections"] is JsonArray home ? HomeChoices(home) : null,
        };
        return identity with { Version = Hash(identity) };
    }

    private async Task<bool> HasPublishedAsync(IReadOnlyList<string> types, CancellationToken cancellationToken)
    {
        var known = types.Where(t => definitions.Find(t) is { } type && catalog.IsEnabled(tenant.Settings, type.ModuleId)).ToList();
        if (known.Count == 0)
        {
            return false;
        }

        var page = await contents.QueryAsync(new ContentQuery { ContentTypes = known, Status = ContentStatus.Published, PageSize = 1 }, cancellationToken);
        return page.Total > 0;
    }

    /// <summary>
    /// Entries of a menu from the settings, in their order. A section entry shows when its module is
    /// on and (unless "hidden": false forces it) it has published content; "hidden": true hides any
    /// entry; a page entry shows only while the page is published; external links must be http(s).
    /// </summary>
    private async Task<List<MenuLink>> ResolveAsync(JsonArray entries, List<SiteSection> available, Dictionary<string, bool> nonEmpty, CancellationToken cancellationToken)
    {
        var links = new List<MenuLink>();
        foreach (var entry in SiteMenuEntry.Parse(entries))
        {
            if (entry.Hidden == true)
            {
                continue;
            }

            switch (entry.Type)
            {
                case SiteMenuEntry.SectionType:
                    if (available.FirstOrDefault(s => string.Equals(s.Key, entry.Section, StringComparison.OrdinalIgnoreCase)) is { } section
                        && (entry.Hidden == false || nonEmpty[section.Key]))
                    {
                        links.Add(new MenuLink(entry.Text ?? section.Label, section.Path, false, section.Key));
                    }

                    break;
                case SiteMenuEntry.PageType:
                    if (entry.Page is { } id && await PublishedPageAsync(id, cancellationToken) is { } page)
                    {
                        links.Add(new MenuLink(entry.Text ?? page.Title, page.Path, false));
                    }

                    break;
                default:
                    if (entry.Text is { } text && SiteIdentityRules.IsWebAddress(entry.Url, out var uri))
                    {
                        links.Add(new MenuLink(text, uri.ToString(), true));
                    }

                    break;
            }
        }

        return links;
    }

    private static List<HomeSectionChoice> HomeChoices(JsonArray entries) =>
        entries.OfType<JsonObject>()
            .Select(e => (Key: Text(e, "section"), Hidden: e["hidden"] is JsonValue h && h.TryGetValue<bool>(out var flag) && flag))
            .Where(e => e.Key is not null)
            .DistinctBy(e => e.Key, StringComparer.OrdinalIgnoreCase)
            .Select(e => new HomeSectionChoice(e.Key!, e.Hidden))
            .ToList();

    /// <summary>A published item with a public page, by id or slug.</summary>
    private async Task<(string Title, string Path)?> PublishedPageAsync(string idOrSlug, CancellationToken cancellationToken)
    {
        var item = await contents.GetAsync(idOrSlug, VersionOptions.Published, cancellationToken)
            ?? await contents.GetBySlugAsync(idOrSlug, VersionOptions.Published, cancellationToken);
        return item is not null && definitions.Find(item.ContentType) is { } type && catalog.IsEnabled(tenant.Settings, type.ModuleId) && type.UrlFor(item.Slug) is { } path
            ? (item.DisplayText, path)
            : null;
    }

    private async Task<List<MenuLink>> DefaultFooterAsync(CancellationToken cancellationToken)
    {
        var links = new List<MenuLink>();
        foreach (var slug in SiteIdentityRules.FooterPageSlugs)
        {
            if (await PublishedPageAsync(slug, cancellationToken) is { } page)
            {
                links.Add(new MenuLink(page.Title, page.Path, false));
            }
        }

        return links;
    }

    private static List<SocialLink> Social(JsonArray? entries) =>
        (entries ?? []).OfType<JsonObject>()
            .Select(e => (Network: Text(e, "network") ?? "", Url: Text(e, "url")))
            .Where(e => SiteIdentityRules.IsSecureWebAddress(e.Url))
            .Select(e => new SocialLink(e.Network.ToLowerInvariant(), e.Url!, SiteIdentityRules.NetworkLabels.GetValueOrDefault(e.Network) ?? e.Network))
            .ToList();

    private static string? MediaPath(string? value) => SiteIdentityRules.IsMediaPath(value) ? value : null;

    private static string? Color(string? value) => ColorContrast.IsHexColor(value) ? value!.ToLowerInvariant() : null;

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string Hash(SiteIdentity identity)
    {
        var text = string.Join('\n', identity.DisplayName, identity.LogoPath, identity.PrimaryColor, identity.AccentColor);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant();
    }
}
