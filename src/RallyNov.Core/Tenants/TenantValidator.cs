using System.Text.RegularExpressions;

namespace RallyNov.Core.Tenants;

/// <summary>A French validation message and the setting it is about (see <see cref="TenantValidator.Fields"/>).</summary>
public sealed record TenantValidationError(string Field, string Message);

/// <summary>Rules a tenant's settings must follow before they are saved or used.</summary>
public static partial class TenantValidator
{
    /// <summary>
    /// First URL segments that belong to the host or to every tenant: a prefix taking one of them
    /// would hide that page of the portal. The tenant admin adds the first segment of every route.
    /// </summary>
    public static readonly IReadOnlySet<string> BuiltInReservedSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "api", "health", "media", "recherche", "erreur", "_content", "_framework",
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PrefixPattern();

    // A DNS name (optionally "*." for every sub-domain) or an IP address, then an optional port.
    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^\[[0-9a-f:.]+\](:[0-9]{1,5})?$")]
    private static partial Regex IPv6HostPattern();

    /// <summary>The field names of <see cref="TenantValidationError.Field"/>, as the forms name their inputs.</summary>
    public static class Fields
    {
        public const string Name = "Name";
        public const string DisplayName = "DisplayName";
        public const string UrlPrefix = "UrlPrefix";
        public const string Hosts = "Hosts";
    }

    /// <summary>French messages describing every problem; empty when the settings are valid.</summary>
    public static IReadOnlyList<string> Validate(TenantSettings tenant, IReadOnlyList<TenantSettings> others) =>
        ValidateFields(tenant, others).Select(e => e.Message).ToList();

    /// <summary>Every problem with the setting it concerns; <paramref name="reservedSegments"/> defaults to the built-in ones.</summary>
    public static IReadOnlyList<TenantValidationError> ValidateFields(
        TenantSettings tenant, IReadOnlyList<TenantSettings> others, IReadOnlySet<string>? reservedSegments = null)
    {
        var errors = new List<TenantValidationError>();
        ValidateOwnValues(tenant, reservedSegments ?? BuiltInReservedSegments, errors);
        foreach (var other in others)
        {
            if (!string.Equals(other.Name, tenant.Name, StringComparison.OrdinalIgnoreCase) && Clash(tenant, other))
            {
                errors.Add(new(tenant.Hosts.Count > 0 ? Fields.Hosts : Fields.UrlPrefix, $"Le site « {other.Name} » utilise déjà ce préfixe ou ce nom d'hôte."));
            }
        }

        return errors;
    }

    /// <summary>
    /// A whole tenants.json in one pass (hundreds of tenants load in linear time): each tenant's own
    /// values, duplicate names, and two tenants answering the same addresses.
    /// </summary>
    public static IReadOnlyList<string> ValidateAll(IReadOnlyList<TenantSettings> tenants)
    {
        var errors = new List<TenantValidationError>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var addresses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in tenants)
        {
            ValidateOwnValues(tenant, BuiltInReservedSegments, errors);
            if (!names.Add(tenant.Name))
            {
                errors.Add(new(Fields.Name, $"Le nom de site « {tenant.Name} » est utilisé deux fois."));
            }

            foreach (var address in AddressesOf(tenant))
            {
                if (!addresses.TryAdd(address, tenant.Name) && !string.Equals(addresses[address], tenant.Name, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new(Fields.UrlPrefix, $"Les sites « {addresses[address]} » et « {tenant.Name} » utilisent le même préfixe ou le même nom d'hôte."));
                }
            }
        }

        return errors.Select(e => e.Message).ToList();
    }

    public static void ThrowIfInvalid(TenantSettings tenant, IReadOnlyList<TenantSettings> others)
    {
        var errors = Validate(tenant, others);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }
    }

    /// <summary>Lower case, no trailing dot, no blanks: the form a host is compared and stored in.</summary>
    public static string NormalizeHost(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    public static bool IsValidHost(string host)
    {
        var value = NormalizeHost(host);
        if (value.Length is 0 or > 253)
        {
            return false;
        }

        var match = HostPattern().IsMatch(value) || IPv6HostPattern().IsMatch(value);
        var colon = value.LastIndexOf(':');
        if (match && colon > 0 && !value.EndsWith(']') && (!int.TryParse(value[(colon + 1)..], out var port) || port is < 1 or > 65535))
        {
            return false;
        }

        return match;
    }

    private static void ValidateOwnValues(TenantSettings tenant, IReadOnlySet<string> reserved, List<TenantValidationError> errors)
    {
        if (!NamePattern().IsMatch(tenant.Name))
        {
            errors.Add(new(Fields.Name, $"Nom de site « {tenant.Name} » invalide : lettres et chiffres uniquement, commençant par une lettre (40 au plus)."));
        }

        if (string.IsNullOrWhiteSpace(tenant.DisplayName))
        {
            errors.Add(new(Fields.DisplayName, $"Le site « {tenant.Name} » doit avoir un nom affiché."));
        }

        var prefix = TenantResolver.NormalizePrefix(tenant.UrlPrefix);
        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            errors.Add(new(Fields.UrlPrefix, $"Préfixe d'URL « {tenant.UrlPrefix} » invalide : minuscules, chiffres et tirets uniquement."));
        }
        else if (reserved.Contains(prefix) || BuiltInReservedSegments.Contains(prefix))
        {
            errors.Add(new(Fields.UrlPrefix, $"Le préfixe « {prefix} » est réservé : une page de chaque site commence déjà par /{prefix}."));
        }

        foreach (var host in tenant.Hosts.Where(h => !IsValidHost(h)))
        {
            errors.Add(new(Fields.Hosts, $"Nom d'hôte « {host} » invalide : indiquez seulement le nom, par exemple jura.example.org ou jura.example.org:8080 (sans http:// ni chemin)."));
        }

        if (!tenant.IsDefault && prefix.Length == 0 && tenant.Hosts.Count == 0)
        {
            errors.Add(new(Fields.UrlPrefix, $"Le site « {tenant.Name} » a besoin d'un préfixe d'URL ou d'un nom d'hôte."));
        }
    }

    /// <summary>The addresses a tenant answers on, in the form two clashing tenants share.</summary>
    private static IEnumerable<string> AddressesOf(TenantSettings tenant)
    {
        var prefix = TenantResolver.NormalizePrefix(tenant.UrlPrefix);
        if (tenant.Hosts.Count == 0)
        {
            return prefix.Length > 0 ? ["*/" + prefix] : [];
        }

        return tenant.Hosts.Select(h => NormalizeHost(h) + "/" + prefix).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static bool Clash(TenantSettings tenant, TenantSettings other) =>
        AddressesOf(tenant).Intersect(AddressesOf(other), StringComparer.OrdinalIgnoreCase).Any();
}
