using System.Text.RegularExpressions;

namespace RallyNov.Core.Settings;

/// <summary>
/// What the "site" settings group accepts (docs/site.md), shared by the identity service that
/// reads it and the back office that writes it, so both apply the same rules.
/// </summary>
public static partial class SiteIdentityRules
{
    /// <summary>The settings group the identity, the menus and the home page live in.</summary>
    public const string SettingsGroup = "site";

    /// <summary>Pages linked from the default footer menu when they exist and are published, in this order.</summary>
    public static IReadOnlyList<string> FooterPageSlugs { get; } = ["a-propos", "contact", "mentions-legales", "accessibilite", "donnees-personnelles", "plan-du-site"];

    /// <summary>Social networks the theme names, by the key stored in "socialLinks".</summary>
    public static IReadOnlyDictionary<string, string> NetworkLabels { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["youtube"] = "YouTube", ["linkedin"] = "LinkedIn", ["facebook"] = "Facebook", ["instagram"] = "Instagram",
        ["mastodon"] = "Mastodon", ["bluesky"] = "Bluesky", ["x"] = "X (Twitter)", ["twitter"] = "X (Twitter)", ["peertube"] = "PeerTube",
    };

    /// <summary>An absolute http(s) address with a host: what a menu's external link may point to.</summary>
    public static bool IsWebAddress(string? url, out Uri uri)
    {
        uri = null!;
        return url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out uri!)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
    }

    /// <summary>An https address with a host name that has a dot: what a social link may point to.</summary>
    public static bool IsSecureWebAddress(string? url) =>
        IsWebAddress(url, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Contains('.', StringComparison.Ordinal);

    public static bool IsEmail(string? value) => value is not null && EmailPattern().IsMatch(value);

    /// <summary>A media path of the tenant's library ("identite/logo.png"): no traversal, no absolute URL.</summary>
    public static bool IsMediaPath(string? value) => value is not null && MediaPathPattern().IsMatch(value) && !value.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9._/-]*$")]
    private static partial Regex MediaPathPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
