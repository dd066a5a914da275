using System.Net;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>The security headers on every kind of answer: pages, redirects, errors, JSON, files, the host's own endpoints.</summary>
[Collection(HardeningSiteGroup.Name)]
public sealed class SecurityHeadersTests(HardeningSiteFactory site)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/bourgogne/initiatives", HttpStatusCode.OK)]
    [InlineData("/franche-comte/recherche?q=epicerie", HttpStatusCode.OK)]
    [InlineData("/bourgogne/admin/login", HttpStatusCode.OK)]
    [InlineData("/bourgogne/admin/contents", HttpStatusCode.Redirect)]
    [InlineData("/bourgogne/page-qui-n-existe-pas", HttpStatusCode.NotFound)]
    [InlineData("/api/search?q=epicerie", HttpStatusCode.OK)]
    [InlineData("/feed.xml", HttpStatusCode.OK)]
    [InlineData("/robots.txt", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/_content/RallyNov.Theme/css/site.css", HttpStatusCode.OK)]
    public async Task Every_answer_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var browser = site.BrowserFrom(null);
        using var response = await browser.GetAsync(path);
        Assert.Equal(status, response.StatusCode);

        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : "";

        var csp = Header("Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("", Header("Server"));
    }

    [Fact]
    public async Task An_svg_file_gets_the_sandboxed_policy_and_the_other_headers()
    {
        using var browser = site.BrowserFrom(null);
        using var response = await browser.GetAsync("/_content/RallyNov.Theme/img/icon.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox",
            string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(", ", response.Headers.GetValues("X-Frame-Options")));
    }
}
