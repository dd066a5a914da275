using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// Per-address limits on sign-in and search (429 with Retry-After and a French page), sign-in
/// failures that block one address rather than the account, and refusals that all take the same time.
/// </summary>
[Collection(HardeningSiteGroup.Name)]
public sealed class RateLimitTests(HardeningSiteFactory site)
{
    private const string GenericFailure = "Connexion impossible";

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_with_a_french_429_and_retry_after()
    {
        using var flooder = site.BrowserFrom("198.51.100.21");
        for (var i = 0; i < HardeningSiteFactory.SignInLimit; i++)
        {
            using var attempt = await flooder.LoginAsync("/franche-comte", "personne-" + i, "Mauvais-Passw0rd");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await flooder.LoginAsync("/franche-comte", "personne", "Mauvais-Passw0rd");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After");
        var html = Html.Decoded(await refused.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Equal("Trop de requêtes", Html.FirstText(html, "h1"));

        // Another address is not affected.
        using var other = site.BrowserFrom("198.51.100.22");
        using var signedIn = await other.LoginAsync("/franche-comte", "admin", HardeningSiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Search_and_suggestions_are_limited_per_address()
    {
        using var client = site.BrowserFrom("198.51.100.31");
        for (var i = 0; i < HardeningSiteFactory.SearchLimit; i++)
        {
            // Each query differs, as in a scraping run: a cached answer costs nothing and is not counted.
            using var ok = await client.GetAsync(i % 2 == 0 ? $"/bourgogne/api/search?q=epicerie{i}" : $"/bourgogne/api/search/suggest?q=ep{i}");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var api = await client.GetAsync("/bourgogne/api/search?q=epicerie-encore");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using (var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
        {
            Assert.Contains("Trop de requêtes", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        using var page = await client.GetAsync("/bourgogne/recherche?q=epicerie-page");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("Trop de requêtes", Html.FirstText(await page.Content.ReadAsStringAsync(), "h1"));

        using var elsewhere = site.BrowserFrom("198.51.100.32");
        using var fine = await elsewhere.GetAsync("/bourgogne/recherche?q=epicerie");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task Five_anonymous_failures_do_not_lock_the_administrator_out()
    {
        using var attacker = site.BrowserFrom("203.0.113.41");
        for (var i = 0; i < 5; i++)
        {
            using var failed = await attacker.LoginAsync("", "admin", "Devine-Passw0rd-" + i);
            Assert.Contains(GenericFailure, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var stillBlocked = await attacker.LoginAsync("", "admin", HardeningSiteFactory.AdminPassword);
        Assert.Contains(GenericFailure, await stillBlocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var administrator = site.BrowserFrom("203.0.113.42");
        using var signedIn = await administrator.LoginAsync("", "admin", HardeningSiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Unknown_and_blocked_accounts_are_refused_no_faster_than_a_wrong_password()
    {
        var user = await site.CreateUserAsync("Bourgogne", "Editor");
        using var blocker = site.BrowserFrom("203.0.113.51");
        for (var i = 0; i < 5; i++)
        {
            using var failed = await blocker.LoginAsync("/bourgogne", user, "Mauvais-Passw0rd-" + i);
        }

        // Each from its own address, so no rate limit interferes; the token page is loaded first.
        var wrong = await RefusalTimeAsync("203.0.113.52", user, "Encore-Mauvais-1");
        var unknown = await RefusalTimeAsync("203.0.113.53", "inconnu-" + Guid.NewGuid().ToString("N")[..6], "Encore-Mauvais-1");
        var blocked = await RefusalTimeAsync("203.0.113.51", user, SharedSiteFactory.UserPassword);

        // A floor, not a measurement: before, a locked account answered in 2 ms against 44 ms.
        foreach (var (name, time) in new[] { ("wrong password", wrong), ("unknown account", unknown), ("blocked account", blocked) })
        {
            Assert.True(time >= TimeSpan.FromMilliseconds(380), $"{name} refused in {time.TotalMilliseconds:F0} ms");
        }
    }

    private async Task<TimeSpan> RefusalTimeAsync(string address, string user, string password)
    {
        using var browser = site.BrowserFrom(address);
        var form = HtmlForm.Find(await browser.GetPageAsync("/bourgogne/admin/login"), "/bourgogne/admin/login", "/bourgogne/admin/login");
        var watch = Stopwatch.StartNew();
        using var response = await browser.SubmitAsync(form, [new("UserName", user), new("Password", password)]);
        watch.Stop();
        Assert.Contains(GenericFailure, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return watch.Elapsed;
    }
}
