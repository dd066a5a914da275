using Microsoft.AspNetCore.Http;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Admin;

/// <summary>Where a site answers, as a link from the portal's back office.</summary>
public static class TenantLinks
{
    /// <summary>"/jura/" on this host for a prefix; "https://jura.example.org/" for a host name (its first one).</summary>
    public static string PublicUrl(TenantSettings tenant, HttpRequest request)
    {
        var prefix = TenantResolver.NormalizePrefix(tenant.UrlPrefix);
        var path = prefix.Length == 0 ? "/" : "/" + prefix + "/";
        if (tenant.Hosts.Count == 0)
        {
            return path;
        }

        var host = tenant.Hosts[0].StartsWith("*.", StringComparison.Ordinal) ? tenant.Hosts[0][2..] : tenant.Hosts[0];
        return $"{request.Scheme}://{host}{path}";
    }
}
