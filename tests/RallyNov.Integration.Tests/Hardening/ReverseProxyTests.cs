using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// Behind a TLS reverse proxy: the scheme and client address come from the forwarded headers of a
/// known proxy only (Secure cookies, https links), and a forged Host is answered 400, never echoed.
/// </summary>
[Collection(HardeningSiteGroup.Name)]
public sealed class ReverseProxyTests(HardeningSiteFactory site)
{
    [Theory]
    [InlineData(null)] // a proxy on loopback, trusted by default
    [InlineData(HardeningSiteFactory.KnownProxy)] // RallyNov:ReverseProxy:KnownProxies
    public async Task Behind_a_known_tls_proxy_cookies_are_secure_and_urls_https(string? proxy)
    {
        using var browser = site.BrowserFrom(proxy);
        var headers = new[] { ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "198.51.100.77") };

        using var login = await SendAsync(browser, "/bourgogne/admin/login", headers);
        Assert.Contains(browser.LastSetCookies, c => c.Contains("Antiforgery", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        using var robots = await SendAsync(browser, "/bourgogne/robots.txt", headers);
        Assert.Contains("Sitemap: https://localhost/bourgogne/sitemap.xml", await robots.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var sitemap = await SendAsync(browser, "/bourgogne/sitemap.xml", headers);
        Assert.Contains("<loc>https://localhost/bourgogne/", await sitemap.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The sign-in form the page gave, filled in, through the same proxy.
        var form = HtmlForm.Find(await login.Content.ReadAsStringAsync(), "/bourgogne/admin/login", "/bourgogne/admin/login");
        using var signIn = await SendAsync(browser, form.Action, headers, form: form.With([new("UserName", "admin"), new("Password", HardeningSiteFactory.AdminPassword)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.StartsWith(".RallyNov.Auth.Bourgogne=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        using var browser = site.BrowserFrom("203.0.113.99");
        using var robots = await SendAsync(browser, "/bourgogne/robots.txt", [("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "1.2.3.4")]);
        Assert.Contains("Sitemap: http://localhost/bourgogne/sitemap.xml", await robots.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/robots.txt")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feed.xml")]
    [InlineData("/bourgogne/admin")]
    [InlineData("/bourgogne/admin/login?returnUrl=%2Fbourgogne%2Fadmin")]
    [InlineData("/initiatives")]
    public async Task A_forged_host_is_refused_and_never_echoed(string path)
    {
        using var browser = site.BrowserFrom(null, host: "evil.example");

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil", response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Tenant_host_names_and_configured_public_hosts_are_served()
    {
        using (var publicHost = site.BrowserFrom(null, host: HardeningSiteFactory.PublicHost))
        using (var robots = await publicHost.GetAsync("/robots.txt"))
        {
            Assert.Equal(HttpStatusCode.OK, robots.StatusCode);
            Assert.Contains($"Sitemap: http://{HardeningSiteFactory.PublicHost}/sitemap.xml", await robots.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A host name given to a tenant is allowed at once, without a restart.
        using var unknownYet = site.BrowserFrom(null, host: "comte.rallynov.test");
        using (var before = await unknownYet.GetAsync("/robots.txt"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        }

        var store = site.Services.GetRequiredService<RallyNov.Core.Tenants.ITenantStore>();
        var tenant = store.Find("FrancheComte")!.Clone();
        tenant.Hosts = ["comte.rallynov.test"];
        await store.SaveAsync(tenant, CancellationToken.None);
        try
        {
            using var after = await unknownYet.GetAsync("/franche-comte/robots.txt");
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }
        finally
        {
            tenant.Hosts = [];
            await store.SaveAsync(tenant, CancellationToken.None);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(TestBrowser browser, string path, IEnumerable<(string Name, string Value)> headers, IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, path);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await browser.SendAsync(request);
    }
}
