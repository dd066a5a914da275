using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// Every route of the site — read from the endpoint data source, so a route added tomorrow is
/// covered without touching this test — fed hostile values in its route, its query string and its
/// form fields: XSS payloads, control characters, invalid UTF-8, deep nesting, huge bodies. No
/// answer may be a 5xx, and no HTML answer may carry the payload as active markup.
/// </summary>
/// <remarks>
/// This is fuzzing, not a user journey: posts carry the signed-in administrator's antiforgery token
/// taken from the dashboard (ASP.NET Core tokens are per session, not per form), so that the
/// hostile values reach the actions themselves. The journeys submit the form they parsed.
/// </remarks>
[Collection(HardeningSiteGroup.Name)]
public sealed partial class HostileInputCorpusTests(HardeningSiteFactory site)
{
    private const string Marker = "xss-corpus";

    /// <summary>Values as they travel in a URL or a form body (already percent-encoded).</summary>
    private static readonly string[] Payloads =
    [
        // Markup that runs if echoed as is, in text, in an attribute and in a tag.
        Uri.EscapeDataString($"\"'><script>alert('{Marker}')</script><img src=x onerror=alert('{Marker}')><svg/onload=alert('{Marker}')>"),
        Uri.EscapeDataString($"javascript:alert('{Marker}')"),
        // Control characters, a NUL, bidi override, BOM; then bytes that are not UTF-8 at all.
        Uri.EscapeDataString("\u0000\u0001\u000b\u001b[31m\u007f\u202e\ufeff fin"),
        "%ED%A0%80%C3%28%FF%FE",
        // 3 000 levels of nesting; query syntax, traversal and header injection; numbers out of range; a long text.
        Uri.EscapeDataString(string.Concat(Enumerable.Repeat("<b>", 3000)) + "profond"),
        "..%2F..%2F..%2Fetc%2Fpasswd%0D%0ASet-Cookie:%20pris=1%20*:*%20AND%20(%22%20~%20%5C%20(((",
        Uri.EscapeDataString("-99999999999999999999999"),
        Uri.EscapeDataString(new string('é', 4000)),
    ];

    private static readonly string[] QueryKeys =
        ["q", "page", "size", "type", "types", "departement", "theme", "annee", "toutes", "returnUrl", "status", "user", "category", "action", "from", "to", "item", "w", "compare", "folder", "owner", "title", "sort"];

    private static readonly string[] FormKeys =
    [
        "contentItemId", "contentItemVersionId", "expectedVersionId", "submit", "returnUrl", "f.Title", "f.Summary", "f.Body", "f.Slug", "f.Website.url",
        "f.Website.text", "f.Image.path", "f.Image.alt", "f.Departements", "UserName", "Password", "Email", "NewPassword", "Roles", "name", "alt", "folder",
        "path", "ids", "action", "scheduledFor", "markdown", "q",
    ];

    // Never fed: it would end the session the rest of the walk runs in (its own tests cover it).
    private static readonly string[] Skipped = ["/admin/logout"];

    [Fact]
    public async Task No_route_answers_5xx_or_echoes_active_markup_to_hostile_input()
    {
        var endpoints = Routes();
        Assert.True(endpoints.Count(e => e.Method == HttpMethods.Get) > 30, "The walk found too few routes: " + endpoints.Count);
        Assert.Contains(endpoints, e => e.Method == HttpMethods.Post && e.Template.StartsWith("/admin/contents", StringComparison.Ordinal));

        using var admin = await site.AdministratorAsync();
        using var visitor = site.BrowserFrom(null);
        var token = HtmlForm.All(await admin.GetPageAsync("/bourgogne/admin"), "/bourgogne/admin").Select(f => f.Token).First(t => t is not null)!;
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, template) in endpoints)
        {
            foreach (var payload in Payloads)
            {
                var path = Fill(template, payload);
                if (method == HttpMethods.Get)
                {
                    var query = "?" + string.Join("&", QueryKeys.Select(k => k + "=" + payload));
                    await CheckAsync(admin, HttpMethod.Get, "/bourgogne" + path + query, null, failures);
                    await CheckAsync(visitor, HttpMethod.Get, path + query, null, failures);
                    sent += 2;
                }
                else
                {
                    var body = string.Join("&", FormKeys.Select(k => Uri.EscapeDataString(k) + "=" + payload)) + "&__RequestVerificationToken=" + Uri.EscapeDataString(token);
                    await CheckAsync(admin, new HttpMethod(method), "/bourgogne" + path, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"), failures);
                    sent++;
                }
            }

            if (method != HttpMethods.Get)
            {
                // A huge body (1.5 MB in one field) and raw bytes that are not UTF-8 at all.
                var huge = "f.Body=" + new string('a', 1_500_000) + "&f.Title=" + new string('b', 100_000) + "&__RequestVerificationToken=" + Uri.EscapeDataString(token);
                await CheckAsync(admin, new HttpMethod(method), "/bourgogne" + Fill(template, "x"), new StringContent(huge, Encoding.UTF8, "application/x-www-form-urlencoded"), failures);
                var raw = new ByteArrayContent([.. Encoding.ASCII.GetBytes("f.Title="), 0xFF, 0xFE, 0xC3, 0x28, .. Encoding.ASCII.GetBytes("&__RequestVerificationToken=" + Uri.EscapeDataString(token))]);
                raw.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                await CheckAsync(admin, new HttpMethod(method), "/bourgogne" + Fill(template, "x"), raw, failures);
                sent += 2;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n" + string.Join("\n", failures.Take(25)));
    }

    /// <summary>Every route of the site with its method (GET when the route accepts any).</summary>
    private List<(string Method, string Template)> Routes() =>
        site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Where(m => m != HttpMethods.Head)
                .Select(m => (Method: m, Template: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Where(e => !Skipped.Contains(e.Template, StringComparer.OrdinalIgnoreCase))
            .Distinct()
            .OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The route with every parameter replaced by the payload (constraints may turn it into a 404:
    /// fine). A NUL cannot travel in a path (HTTP clients refuse it); it does in queries and forms.
    /// </summary>
    private static string Fill(string template, string payload) => RouteParameter().Replace(template, payload.Replace("%00", "", StringComparison.Ordinal));

    private static async Task CheckAsync(TestBrowser browser, HttpMethod method, string url, HttpContent? content, List<string> failures)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await browser.SendAsync(request);
        var status = (int)response.StatusCode;
        var shortUrl = url.Length > 120 ? url[..120] + "…" : url;
        if (status >= 500)
        {
            failures.Add($"{method} {shortUrl} → {status}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml" or "image/svg+xml")
        {
            var html = await response.Content.ReadAsStringAsync();
            if (html.Contains(Marker, StringComparison.Ordinal) && ActiveMarkup(html) is { } found)
            {
                failures.Add($"{method} {shortUrl} → active markup in the page: {found}");
            }
        }
    }

    /// <summary>
    /// The page as a browser builds it: a script, an event handler or a javascript: URL carrying
    /// the marker is active; the same characters as escaped text are not.
    /// </summary>
    private static string? ActiveMarkup(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            if (element.LocalName == "script" && element.TextContent.Contains(Marker, StringComparison.Ordinal))
            {
                return "<script>";
            }

            foreach (var attribute in element.Attributes)
            {
                var value = attribute.Value;
                if (!value.Contains(Marker, StringComparison.Ordinal))
                {
                    continue;
                }

                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || attribute.Name is "href" or "src" or "action" or "formaction" && value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    return $"<{element.LocalName} {attribute.Name}=…>";
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
