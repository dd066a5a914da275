using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Tests.Tenants;

/// <summary>
/// Where e-mailed links point: the tenant's own host names first, then the configured public
/// address, and the request's Host header last (a forged one must not win when either exists).
/// </summary>
public sealed class TenantLinksTests
{
    [Fact]
    public void A_prefix_tenant_uses_the_request_host_and_its_prefix()
    {
        var links = Links(Tenant("bourgogne"), request: ("https", "rallynov.example"));

        Assert.Equal("https://rallynov.example/bourgogne/admin/invitation?token=abc", links.Absolute("/admin/invitation?token=abc"));
    }

    [Fact]
    public void The_configured_public_address_wins_over_a_forged_host()
    {
        var links = Links(Tenant("franche-comte"), request: ("http", "evil.example"), publicBaseUrl: "https://www.rallynov.fr/");

        Assert.Equal("https://www.rallynov.fr/franche-comte/admin/reset-password?token=x", links.Absolute("admin/reset-password?token=x"));
    }

    [Fact]
    public void A_tenant_with_host_names_uses_its_own_even_from_another_hosts_request()
    {
        // The portal (another host) inviting a site's first administrator.
        var tenant = Tenant("", "bourgogne.example", "www.bourgogne.example");

        Assert.Equal("https://bourgogne.example/admin/invitation?token=a", Links(tenant, request: ("https", "portail.example"), publicBaseUrl: "https://portail.example").Absolute("/admin/invitation?token=a"));
        Assert.Equal("https://www.bourgogne.example/admin/x", Links(tenant, request: ("https", "www.bourgogne.example")).Absolute("/admin/x"));
    }

    [Fact]
    public void Outside_a_request_without_public_address_the_link_stays_relative()
    {
        Assert.Equal("/bourgogne/admin/x", Links(Tenant("bourgogne"), request: null).Absolute("/admin/x"));
        Assert.Equal("https://site.example/admin/x", Links(Tenant(""), request: null, publicBaseUrl: "https://site.example").Absolute("/admin/x"));
    }

    private static TenantLinks Links(TenantSettings tenant, (string Scheme, string Host)? request, string? publicBaseUrl = null)
    {
        var prefix = tenant.UrlPrefix.Length == 0 ? "" : "/" + tenant.UrlPrefix;
        var context = new TenantContext(tenant, new TenantPaths("/tmp", tenant.Name), prefix);
        var http = new HttpContextAccessor();
        if (request is { } r)
        {
            var httpContext = new DefaultHttpContext();
            httpContext.Request.Scheme = r.Scheme;
            httpContext.Request.Host = new HostString(r.Host);
            http.HttpContext = httpContext;
        }

        return new TenantLinks(context, Options.Create(new RallyNovOptions { PublicBaseUrl = publicBaseUrl }), http);
    }

    private static TenantSettings Tenant(string prefix, params string[] hosts) =>
        new() { Name = "T" + prefix.Replace("-", "", StringComparison.Ordinal), UrlPrefix = prefix, Hosts = [.. hosts] };
}
