using System.Text.RegularExpressions;

namespace RallyNov.Core.Tenants;

/// <summary>Rules a tenant's settings must follow before they are saved or used.</summary>
public static partial class TenantValidator
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PrefixPattern();

    /// <summary>French messages describing every problem; empty when the settings are valid.</summary>
    public static IReadOnlyList<string> Validate(TenantSettings tenant, IReadOnlyList<TenantSettings> others)
    {
        var errors = new List<string>();
        if (!NamePattern().IsMatch(tenant.Name))
        {
            errors.Add($"Nom de site « {tenant.Name} » invalide : lettres et chiffres uniquement, commençant par une lettre.");
        }

        if (string.IsNullOrWhiteSpace(tenant.DisplayName))
        {
            errors.Add($"Le site « {tenant.Name} » doit avoir un nom affiché.");
        }

        var prefix = TenantResolver.NormalizePrefix(tenant.UrlPrefix);
        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            errors.Add($"Préfixe d'URL « {tenant.UrlPrefix} » invalide : minuscules, chiffres et tirets uniquement.");
        }

        if (prefix is "admin" or "api" or "health" or "media")
        {
            errors.Add($"Le préfixe « {prefix} » est réservé.");
        }

        if (!tenant.IsDefault && prefix.Length == 0 && tenant.Hosts.Count == 0)
        {
            errors.Add($"Le site « {tenant.Name} » a besoin d'un préfixe d'URL ou d'un nom d'hôte.");
        }

        foreach (var other in others)
        {
            if (string.Equals(other.Name, tenant.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var otherPrefix = TenantResolver.NormalizePrefix(other.UrlPrefix);
            var sameHosts = tenant.Hosts.Count == 0 && other.Hosts.Count == 0
                || tenant.Hosts.Intersect(other.Hosts, StringComparer.OrdinalIgnoreCase).Any();
            if (sameHosts && prefix == otherPrefix && (prefix.Length > 0 || tenant.Hosts.Count > 0))
            {
                errors.Add($"Le site « {other.Name} » utilise déjà ce préfixe ou ce nom d'hôte.");
            }
        }

        return errors;
    }

    public static void ThrowIfInvalid(TenantSettings tenant, IReadOnlyList<TenantSettings> others)
    {
        var errors = Validate(tenant, others);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }
    }
}
