namespace RallyNov.Core.Tenants;

/// <summary>The outcome of matching a request to a tenant.</summary>
public sealed record TenantMatch(TenantSettings Tenant, string Prefix);

/// <summary>
/// Pure matching rules, kept apart from HTTP so they can be tested as a table.
/// Order: host+prefix, host, prefix, then the default tenant.
/// </summary>
public static class TenantResolver
{
    public static TenantMatch? Resolve(IReadOnlyList<TenantSettings> tenants, string? host, string? path)
    {
        var requestHost = NormalizeHost(host);
        var firstSegment = FirstSegment(path);

        TenantMatch? hostOnly = null;
        TenantMatch? prefixOnly = null;
        TenantSettings? fallback = null;

        foreach (var tenant in tenants)
        {
            var prefix = NormalizePrefix(tenant.UrlPrefix);
            var hostMatches = tenant.Hosts.Count > 0 && tenant.Hosts.Any(h => HostMatches(h, requestHost));
            var prefixMatches = prefix.Length > 0 && string.Equals(prefix, firstSegment, StringComparison.OrdinalIgnoreCase);

            if (hostMatches && prefixMatches)
            {
                return new TenantMatch(tenant, "/" + prefix);
            }

            if (hostMatches && prefix.Length == 0)
            {
                hostOnly ??= new TenantMatch(tenant, "");
            }
            else if (prefixMatches && tenant.Hosts.Count == 0)
            {
                prefixOnly ??= new TenantMatch(tenant, "/" + prefix);
            }

            if (tenant.IsDefault)
            {
                fallback = tenant;
            }
        }

        return hostOnly ?? prefixOnly ?? (fallback is null ? null : new TenantMatch(fallback, ""));
    }

    /// <summary>Lower-cases a prefix and strips its slashes: "/Bourgogne/" → "bourgogne".</summary>
    public static string NormalizePrefix(string? prefix) => (prefix ?? "").Trim().Trim('/').ToLowerInvariant();

    internal static string NormalizeHost(string? host)
    {
        var value = (host ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        return value;
    }

    /// <summary>
    /// A configured host without a port matches the request host on any port; one with a port
    /// matches that port only. "*.example.org" matches "a.example.org", not "example.org".
    /// </summary>
    internal static bool HostMatches(string configured, string requestHost)
    {
        var pattern = NormalizeHost(configured);
        if (pattern.Length == 0 || requestHost.Length == 0)
        {
            return false;
        }

        var candidate = requestHost;
        if (!HasPort(pattern))
        {
            candidate = StripPort(requestHost);
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern[1..]; // ".example.org"
            return candidate.Length > suffix.Length && candidate.EndsWith(suffix, StringComparison.Ordinal);
        }

        return string.Equals(pattern, candidate, StringComparison.Ordinal);
    }

    private static bool HasPort(string host)
    {
        if (host.StartsWith('['))
        {
            return host.Contains("]:", StringComparison.Ordinal);
        }

        return host.Contains(':', StringComparison.Ordinal);
    }

    private static string StripPort(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? host[..(end + 1)] : host;
        }

        var colon = host.LastIndexOf(':');
        return colon > 0 ? host[..colon] : host;
    }

    private static string FirstSegment(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        var span = path.AsSpan().TrimStart('/');
        var slash = span.IndexOf('/');
        return (slash >= 0 ? span[..slash] : span).ToString();
    }
}
