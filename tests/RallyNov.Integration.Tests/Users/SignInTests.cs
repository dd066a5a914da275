using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Users.Data;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Users;

[Collection(UsersAppGroup.Name)]
public sealed class SignInTests(UsersAppFactory app)
{
    private const string GenericFailure = "Connexion impossible : identifiant ou mot de passe incorrect";

    [Fact]
    public async Task Unauthenticated_admin_request_redirects_to_the_tenant_login_with_a_local_return_url()
    {
        using var browser = app.Browser();
        using var response = await browser.GetAsync("/bourgogne/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bourgogne/admin/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=%2Fbourgogne%2Fadmin%2Fusers", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_page_is_french_and_public()
    {
        using var browser = app.Browser();
        var html = await browser.GetPageAsync("/franche-comte/admin/login");

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Se connecter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_signs_in_and_gets_a_cookie_named_and_scoped_for_the_tenant()
    {
        using var browser = app.Browser();
        using var response = await browser.LoginAsync("/bourgogne", "admin", UsersAppFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bourgogne/admin", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(browser.LastSetCookies, c => c.StartsWith(".RallyNov.Auth.Bourgogne=", StringComparison.Ordinal));
        Assert.Contains("path=/bourgogne", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var dashboard = await browser.GetPageAsync("/bourgogne/admin");
        Assert.Contains("Tableau de bord", dashboard, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_generic_french_message()
    {
        using var browser = app.Browser();
        using var wrong = await browser.LoginAsync("", "admin", "Not-The-Passw0rd");
        using var unknown = await browser.LoginAsync("", "nobody-" + Guid.NewGuid().ToString("N"), "Not-The-Passw0rd");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains(GenericFailure, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(GenericFailure, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(browser.Cookies.Keys, k => k.StartsWith(".RallyNov.Auth.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_failures_from_one_address_block_it_even_for_the_right_password_but_not_the_owner_elsewhere()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Editor");
        using var attacker = BrowserFrom("198.51.100.66");
        for (var i = 0; i < 5; i++)
        {
            using var failed = await attacker.LoginAsync("/bourgogne", user, "Wrong-Passw0rd-" + i);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var blocked = await attacker.LoginAsync("/bourgogne", user, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains(GenericFailure, await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The account itself is not locked: its owner, at another address, signs in.
        await using (var scope = app.Scope("Bourgogne"))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RallyNovUser>>();
            Assert.False(await users.IsLockedOutAsync((await users.FindByNameAsync(user))!));
        }

        using var owner = BrowserFrom("203.0.113.80");
        using var signedIn = await owner.LoginAsync("/bourgogne", user, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private TestBrowser BrowserFrom(string address)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add(TestClientAddressStartupFilter.Header, address);
        return new TestBrowser(client);
    }

    [Fact]
    public async Task A_cookie_issued_by_one_tenant_is_rejected_by_every_other()
    {
        using var browser = app.Browser();
        using var login = await browser.LoginAsync("/bourgogne", "admin", UsersAppFactory.AdminPassword);
        var value = browser.Cookies[".RallyNov.Auth.Bourgogne"];

        foreach (var (prefix, tenant) in new[] { ("/franche-comte", "FrancheComte"), ("", "Default") })
        {
            using var forged = app.Browser();
            forged.Cookies[".RallyNov.Auth." + tenant] = value;
            using var response = await forged.GetAsync(prefix + "/admin");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(prefix + "/admin/login", response.Headers.Location!.AbsolutePath);
            Assert.DoesNotContain(forged.Cookies.Keys, k => k == ".RallyNov.Auth." + tenant);
        }

        // The same value under its own tenant's name still works: the rejection is about the tenant.
        using var own = app.Browser();
        own.Cookies[".RallyNov.Auth.Bourgogne"] = value;
        using var ok = await own.GetAsync("/bourgogne/admin");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("http:/evil.example")]
    public async Task A_non_local_return_url_is_refused(string returnUrl)
    {
        using var browser = app.Browser();
        using var response = await browser.LoginAsync("/bourgogne", "admin", UsersAppFactory.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bourgogne/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed()
    {
        using var browser = app.Browser();
        using var response = await browser.LoginAsync("/bourgogne", "admin", UsersAppFactory.AdminPassword, "/bourgogne/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/bourgogne/admin/users", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_post_without_antiforgery_token_is_refused_with_400()
    {
        using var browser = app.Browser();
        _ = await browser.GetPageAsync("/bourgogne/admin/login");
        using var response = await browser.PostAsync("/bourgogne/admin/login", [new("UserName", "admin"), new("Password", UsersAppFactory.AdminPassword)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(browser.Cookies.Keys, k => k.StartsWith(".RallyNov.Auth.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var browser = app.Browser();
        using var login = await browser.LoginAsync("/franche-comte", "admin", UsersAppFactory.AdminPassword);
        using var logout = await browser.SubmitAsync("/franche-comte/admin", "/franche-comte/admin/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/franche-comte/admin/login", logout.Headers.Location!.OriginalString);
        using var after = await browser.GetAsync("/franche-comte/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session_at_the_next_request()
    {
        var user = await app.CreateUserAsync("Default", "Editor");
        using var browser = app.Browser();
        using var login = await browser.LoginAsync("", user, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);

        await using (var scope = app.Scope("Default"))
        {
            var administration = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            var account = await administration.FindByNameAsync(user, CancellationToken.None);
            Assert.True((await administration.SetDisabledAsync(account!.Id, true, null, CancellationToken.None)).Succeeded);
        }

        using var after = await browser.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        using var again = await browser.LoginAsync("", user, UsersAppFactory.UserPassword);
        Assert.Contains(GenericFailure, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
