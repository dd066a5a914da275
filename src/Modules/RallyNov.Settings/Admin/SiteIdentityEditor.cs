using System.Text.Json.Nodes;
using RallyNov.Core.Settings;
using RallyNov.Core.Tenants;

namespace RallyNov.Settings.Admin;

/// <summary>
/// Reads the « Identité » form from the "site" settings, checks it (French messages per field, the
/// colours' contrast with the white text they carry) and writes it back, keeping the keys other
/// screens own (menus, home page). The audit trail gets each change as « old → new ».
/// </summary>
public sealed class SiteIdentityEditor(ISiteSettingsService settings, TenantContext tenant)
{
    private const int MaxName = 80;
    private const int MaxTagline = 200;
    private const int MaxAddress = 300;
    private const int MaxFooter = 500;

    /// <summary>The networks offered in the form, by their stored key.</summary>
    public static IReadOnlyList<(string Key, string Label)> Networks { get; } =
    [
        ("linkedin", "LinkedIn"), ("facebook", "Facebook"), ("instagram", "Instagram"), ("youtube", "YouTube"),
        ("mastodon", "Mastodon"), ("bluesky", "Bluesky"), ("peertube", "PeerTube"), ("x", "X (Twitter)"),
    ];

    public async Task<IdentityForm> LoadAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(SiteIdentityRules.SettingsGroup, cancellationToken);
        var form = new IdentityForm
        {
            SiteName = Text(site, "siteName") ?? tenant.Settings.DisplayName,
            Tagline = Text(site, "tagline"),
            PrimaryColor = Text(site, "primaryColor") ?? SiteIdentity.DefaultPrimaryColor,
            AccentColor = Text(site, "accentColor") ?? SiteIdentity.DefaultAccentColor,
            ContactEmail = Text(site, "contactEmail"),
            ContactAddress = Text(site, "contactAddress"),
            FooterText = Text(site, "footerText"),
            ContactPhone = Text(site, "contactPhone"),
            PublicationDirector = Text(site, "publicationDirector"),
            HostName = Text(site, "hostName"),
            HostAddress = Text(site, "hostAddress"),
            HostPhone = Text(site, "hostPhone"),
            SocialLinks = (site["socialLinks"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(l => new SocialLinkInput { Network = Text(l, "network"), Url = Text(l, "url") })
                .ToList(),
            CurrentLogo = Text(site, "logo"),
        };
        return WithEmptyRows(form);
    }

    /// <summary>Two empty rows after the links, to add some without JavaScript.</summary>
    public static IdentityForm WithEmptyRows(IdentityForm form)
    {
        form.SocialLinks = form.SocialLinks.Where(l => !string.IsNullOrWhiteSpace(l.Url) || !string.IsNullOrWhiteSpace(l.Network)).ToList();
        while (form.SocialLinks.Count < IdentityForm.MaxSocialLinks && form.SocialLinks.Count(l => string.IsNullOrWhiteSpace(l.Url)) < 2)
        {
            form.SocialLinks.Add(new SocialLinkInput());
        }

        return form;
    }

    /// <summary>The errors of the form, keyed by the field names the view binds ("SocialLinks[1].Url").</summary>
    public static List<(string Field, string Message)> Validate(IdentityForm form)
    {
        var errors = new List<(string, string)>();
        var name = form.SiteName?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add((nameof(form.SiteName), "Le nom du site est obligatoire : il apparaît dans l'en-tête, l'onglet du navigateur et les moteurs de recherche."));
        }
        else if (name.Length > MaxName)
        {
            errors.Add((nameof(form.SiteName), TooLong(MaxName, name.Length)));
        }

        CheckLength(errors, nameof(form.Tagline), form.Tagline, MaxTagline);
        CheckLength(errors, nameof(form.ContactAddress), form.ContactAddress, MaxAddress);
        CheckLength(errors, nameof(form.FooterText), form.FooterText, MaxFooter);
        CheckLength(errors, nameof(form.PublicationDirector), form.PublicationDirector, MaxName);
        CheckLength(errors, nameof(form.HostName), form.HostName, MaxName);
        CheckLength(errors, nameof(form.HostAddress), form.HostAddress, MaxAddress);
        CheckPhone(errors, nameof(form.ContactPhone), form.ContactPhone);
        CheckPhone(errors, nameof(form.HostPhone), form.HostPhone);
        CheckColor(errors, nameof(form.PrimaryColor), "Couleur principale", form.PrimaryColor);
        CheckColor(errors, nameof(form.AccentColor), "Couleur d'accent", form.AccentColor);

        var email = form.ContactEmail?.Trim() ?? "";
        if (email.Length > 0 && (!SiteIdentityRules.IsEmail(email) || email.Length > 200))
        {
            errors.Add((nameof(form.ContactEmail), $"« {email} » n'est pas une adresse e-mail : elle doit ressembler à contact@exemple.fr."));
        }

        for (var i = 0; i < form.SocialLinks.Count; i++)
        {
            var link = form.SocialLinks[i];
            var url = link.Url?.Trim() ?? "";
            if (url.Length == 0)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(link.Network) || Networks.All(n => n.Key != link.Network))
            {
                errors.Add(($"SocialLinks[{i}].Network", "Choisissez le réseau de ce lien."));
            }

            if (!SiteIdentityRules.IsSecureWebAddress(url) || url.Length > 500)
            {
                errors.Add(($"SocialLinks[{i}].Url", url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    ? "Utilisez l'adresse sécurisée de la page, qui commence par https://."
                    : $"« {url} » n'est pas une adresse web complète : copiez-la depuis la barre d'adresse, par exemple https://www.linkedin.com/company/rallynov."));
            }
        }

        return errors;
    }

    /// <summary>"#ABC", "abc" and "#aabbcc" all mean "#aabbcc"; anything else is returned as typed (and refused).</summary>
    public static string? NormalizeColor(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > 0 && text[0] != '#')
        {
            text = "#" + text;
        }

        if (text.Length == 4 && ColorContrast.IsHexColor("#" + string.Concat(text[1..].Select(c => $"{c}{c}"))))
        {
            text = "#" + string.Concat(text[1..].Select(c => $"{c}{c}"));
        }

        return ColorContrast.IsHexColor(text) ? text.ToLowerInvariant() : value;
    }

    /// <summary>Writes the form (already valid) and the logo path; returns the changes recorded, or null when nothing changed.</summary>
    public async Task<string?> SaveAsync(IdentityForm form, string? logo, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(SiteIdentityRules.SettingsGroup, cancellationToken);
        var before = (JsonObject)site.DeepClone();
        Set(site, "siteName", form.SiteName);
        Set(site, "tagline", form.Tagline);
        Set(site, "primaryColor", NormalizeColor(form.PrimaryColor));
        Set(site, "accentColor", NormalizeColor(form.AccentColor));
        Set(site, "contactEmail", form.ContactEmail);
        Set(site, "contactAddress", form.ContactAddress);
        Set(site, "footerText", form.FooterText);
        Set(site, "contactPhone", form.ContactPhone);
        Set(site, "publicationDirector", form.PublicationDirector);
        Set(site, "hostName", form.HostName);
        Set(site, "hostAddress", form.HostAddress);
        Set(site, "hostPhone", form.HostPhone);
        Set(site, "logo", logo);
        var links = form.SocialLinks.Where(l => !string.IsNullOrWhiteSpace(l.Url))
            .Select(l => (JsonNode)new JsonObject { ["network"] = l.Network!.Trim(), ["url"] = l.Url!.Trim() })
            .ToArray();
        if (links.Length == 0)
        {
            site.Remove("socialLinks");
        }
        else
        {
            site["socialLinks"] = new JsonArray(links);
        }

        var changes = SettingsChanges.Describe(before, site);
        if (changes is null)
        {
            return null;
        }

        await settings.SaveAsync(SiteIdentityRules.SettingsGroup, site, changes, cancellationToken);
        return changes;
    }

    /// <remarks>The message names the colour: the summary at the top of the page lists it without its field.</remarks>
    private static void CheckColor(List<(string, string)> errors, string field, string label, string? value)
    {
        var color = NormalizeColor(value);
        if (string.IsNullOrWhiteSpace(color))
        {
            errors.Add((field, $"{label} : la couleur est obligatoire, en hexadécimal, par exemple #00609c."));
        }
        else if (!ColorContrast.IsHexColor(color))
        {
            errors.Add((field, $"{label} : « {value!.Trim()} » n'est pas une couleur ; indiquez-la en hexadécimal, par exemple #00609c."));
        }
        else if (ColorContrast.WhiteTextRefusal(color) is { } refusal)
        {
            errors.Add((field, $"{label} : {char.ToLowerInvariant(refusal[0])}{refusal[1..]}"));
        }
    }

    private static void CheckLength(List<(string, string)> errors, string field, string? value, int max)
    {
        var length = value?.Trim().Length ?? 0;
        if (length > max)
        {
            errors.Add((field, TooLong(max, length)));
        }
    }

    /// <summary>Digits, spaces, dots, dashes, brackets and a leading + (« 03 80 00 00 00 », « +33 3 80 00 00 00 »).</summary>
    private static void CheckPhone(List<(string, string)> errors, string field, string? value)
    {
        var phone = value?.Trim() ?? "";
        if (phone.Length > 0 && (phone.Length > 30 || phone.Count(char.IsAsciiDigit) < 6 || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')' or '+' or '\u00A0')))
        {
            errors.Add((field, $"« {phone} » n'est pas un numéro de téléphone : écrivez-le comme 03 80 00 00 00 ou +33 3 80 00 00 00."));
        }
    }

    private static string TooLong(int max, int length) => $"{max} caractères au plus : le texte en compte {length}.";

    private static void Set(JsonObject site, string key, string? value)
    {
        var text = value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(text))
        {
            site.Remove(key);
        }
        else
        {
            site[key] = text;
        }
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
