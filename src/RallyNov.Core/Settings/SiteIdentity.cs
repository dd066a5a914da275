namespace RallyNov.Core.Settings;

/// <summary>
/// Everything the public theme needs to dress a tenant: names, logo, colours, contact, footer and
/// menus, read from the "site" settings group (shape documented in docs/site.md) with defaults for
/// whatever is missing. Immutable: one instance is cached per tenant and shared by requests.
/// </summary>
public sealed record SiteIdentity
{
    public const string DefaultPrimaryColor = "#00609c";
    public const string DefaultAccentColor = "#b2410c";

    public required string DisplayName { get; init; }

    public string? Tagline { get; init; }

    /// <summary>Media path of the logo in the tenant's library ("identite/logo.png"), or null.</summary>
    public string? LogoPath { get; init; }

    /// <summary>Media path of the home page's illustration, or null.</summary>
    public string? HeroImagePath { get; init; }

    /// <summary>"#rrggbb": header, links, buttons.</summary>
    public string PrimaryColor { get; init; } = DefaultPrimaryColor;

    /// <summary>"#rrggbb": calls to action, highlights.</summary>
    public string AccentColor { get; init; } = DefaultAccentColor;

    public string? ContactEmail { get; init; }

    public string? ContactAddress { get; init; }

    public string? FooterText { get; init; }

    public IReadOnlyList<SocialLink> SocialLinks { get; init; } = [];

    public IReadOnlyList<MenuLink> MainMenu { get; init; } = [];

    public IReadOnlyList<MenuLink> FooterMenu { get; init; } = [];

    /// <summary>Changes whenever anything above changes: a cache-busting token for generated assets.</summary>
    public string Version { get; init; } = "";
}

/// <summary>A resolved menu entry, ready to render.</summary>
/// <param name="Href">Tenant-relative path ("/initiatives") for internal links, absolute URL for external ones.</param>
/// <param name="SectionKey">The section's key for section entries (to mark the current one), else null.</param>
public sealed record MenuLink(string Text, string Href, bool IsExternal, string? SectionKey = null);

/// <param name="Network">"youtube", "linkedin", "facebook", "instagram", "mastodon", "bluesky", "x" or any name.</param>
public sealed record SocialLink(string Network, string Url, string Label);
