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

    /// <summary>The home page's welcome text until the administrator writes one.</summary>
    public const string DefaultHomeIntro = "rally'nov repère les pratiques socialement innovantes des entreprises et des territoires, distingue les plus remarquables par un prix et partage leurs enseignements avec le plus grand nombre.";

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

    /// <summary>The publisher's phone number, which the law asks the legal notice to give (LCEN, art. 6).</summary>
    public string? ContactPhone { get; init; }

    /// <summary>Name of the person responsible for publication (LCEN, art. 6).</summary>
    public string? PublicationDirector { get; init; }

    /// <summary>The host's name or company name, address and phone number (LCEN, art. 6), shown on the legal notice page.</summary>
    public string? HostName { get; init; }

    public string? HostAddress { get; init; }

    public string? HostPhone { get; init; }

    public IReadOnlyList<SocialLink> SocialLinks { get; init; } = [];

    public IReadOnlyList<MenuLink> MainMenu { get; init; } = [];

    public IReadOnlyList<MenuLink> FooterMenu { get; init; } = [];

    /// <summary>The home page's welcome text (paragraphs separated by a blank line), or null for the theme's own.</summary>
    public string? HomeIntro { get; init; }

    /// <summary>The home page's sections in the order chosen in the back office, or null: every section, by the modules' order.</summary>
    public IReadOnlyList<HomeSectionChoice>? HomeSections { get; init; }

    /// <summary>Changes whenever anything above changes: a cache-busting token for generated assets.</summary>
    public string Version { get; init; } = "";
}

/// <summary>A resolved menu entry, ready to render.</summary>
/// <param name="Href">Tenant-relative path ("/initiatives") for internal links, absolute URL for external ones.</param>
/// <param name="SectionKey">The section's key for section entries (to mark the current one), else null.</param>
public sealed record MenuLink(string Text, string Href, bool IsExternal, string? SectionKey = null);

/// <param name="Network">"youtube", "linkedin", "facebook", "instagram", "mastodon", "bluesky", "x" or any name.</param>
public sealed record SocialLink(string Network, string Url, string Label);
