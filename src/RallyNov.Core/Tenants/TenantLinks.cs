using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Tenants;

/// <summary>
/// Absolute links into the scope's tenant, for places without a page to be relative to: e-mails,
/// links shown to be copied. Also right in a scope created for another tenant than the request's
/// (the portal creating a site): the tenant's own prefix and host names are used, never the
/// request's path.
/// </summary>
public interface ITenantLinks
{
    /// <summary>
    /// "https://host/bourgogne/admin/invitation?token=…" for "/admin/invitation?token=…". Outside
    /// a request, without <c>RallyNov:PublicBaseUrl</c> and host names, the link stays relative.
    /// </summary>
    string Absolute(string tenantRelativePath);
}

internal sealed class TenantLinks(TenantContext tenant, IOptions<RallyNovOptions> options, IHttpContextAccessor http) : ITenantLinks
{
    public string Absolute(string tenantRelativePath)
    {
        ArgumentNullException.ThrowIfNull(tenantRelativePath);
        var path = tenant.Prefix + (tenantRelativePath.StartsWith('/') ? tenantRelativePath : "/" + tenantRelativePath);
        return Origin() + path;
    }

    /// <summary>
    /// Where the link must point. The request's Host header comes last: it is chosen by the client,
    /// and a forged one in a « mot de passe oublié » request would send the victim's link elsewhere.
    /// </summary>
    private string Origin()
    {
        var request = http.HttpContext?.Request;
        var scheme = request?.Scheme ?? "https";
        var hosts = tenant.Settings.Hosts.Where(h => !h.Contains('*', StringComparison.Ordinal)).ToList();
        if (hosts.Count > 0)
        {
            var current = request?.Host.Value;
            var host = current is not null && hosts.Any(h => TenantResolver.HostMatches(h, TenantResolver.NormalizeHost(current))) ? current : hosts[0];
            return scheme + "://" + host;
        }

        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.Trim().TrimEnd('/');
        }

        return request is null ? "" : request.Scheme + "://" + request.Host.Value;
    }
}
