using System.Net;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// A session ends everywhere when its owner signs out or changes the password: the security stamp
/// is renewed, and every request checks it. A copied cookie is worth nothing afterwards.
/// </summary>
[Collection(AccountsAppGroup.Name)]
public sealed class SessionInvalidationTests(AccountsAppFactory app)
{
    private const string Prefix = "/franche-comte";
    private const string Cookie = ".RallyNov.Auth.FrancheComte";

    [Fact]
    public async Task Signing_out_ends_every_session_of_the_account_and_a_copied_cookie()
    {
        var user = await app.CreateUserAsync("FrancheComte", "Editor");
        using var laptop = await SignedInAsync(user, UsersAppFactory.UserPassword);
        using var phone = await SignedInAsync(user, UsersAppFactory.UserPassword);
        var copy = laptop.Cookies[Cookie];

        using (var logout = await ParsedForm.Find(await laptop.GetPageAsync(Prefix + "/admin"), "/admin/logout").SubmitAsync(laptop))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using var thief = app.Browser();
        thief.Cookies[Cookie] = copy;
        await AssertSignedOutAsync(thief);
        await AssertSignedOutAsync(phone);

        // Signing in again works, with a new cookie.
        using var again = await SignedInAsync(user, UsersAppFactory.UserPassword);
        Assert.NotEqual(copy, again.Cookies[Cookie]);
    }

    [Fact]
    public async Task A_password_reset_by_link_ends_the_open_sessions()
    {
        var user = await app.CreateUserAsync("FrancheComte", "Author");
        using var open = await SignedInAsync(user, UsersAppFactory.UserPassword);

        using var person = app.Browser();
        var form = ParsedForm.Find(await person.GetPageAsync(Prefix + "/admin/forgot-password"), "/admin/forgot-password");
        using (await form.Set("Login", user).SubmitAsync(person))
        {
        }

        var link = SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(user + "@example.org"), "/admin/reset-password");
        using (var set = await PasswordResetTests.SetPasswordAsync(person, link, "Apres-Reset-Passw0rd"))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        await AssertSignedOutAsync(open);
    }

    [Fact]
    public async Task Changing_ones_password_keeps_this_session_and_ends_the_others()
    {
        var user = await app.CreateUserAsync("FrancheComte", "Contributor");
        using var here = await SignedInAsync(user, UsersAppFactory.UserPassword);
        using var elsewhere = await SignedInAsync(user, UsersAppFactory.UserPassword);
        var before = here.Cookies[Cookie];

        var page = await here.GetPageAsync(Prefix + "/admin/account/password");
        using (var wrong = await ParsedForm.Find(page, "/admin/account/password")
            .Set("CurrentPassword", "Pas-Le-Bon-1234").Set("NewPassword", "Change-Moi-2026").Set("ConfirmPassword", "Change-Moi-2026").SubmitAsync(here))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Le mot de passe actuel est incorrect.", Html.Decoded(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        page = await here.GetPageAsync(Prefix + "/admin/account/password");
        using (var changed = await ParsedForm.Find(page, "/admin/account/password")
            .Set("CurrentPassword", UsersAppFactory.UserPassword).Set("NewPassword", "Change-Moi-2026").Set("ConfirmPassword", "Change-Moi-2026").SubmitAsync(here))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Contains("Votre mot de passe est changé.", Html.Decoded(await here.GetPageAsync(Prefix + "/admin")), StringComparison.Ordinal);
        await AssertSignedOutAsync(elsewhere);

        using var stale = app.Browser();
        stale.Cookies[Cookie] = before;
        await AssertSignedOutAsync(stale);
        Assert.Contains(await AuditTestSupport.EventsAsync(app, "FrancheComte", user), e => e.Action == "password.changed" && e.UserName == user);
    }

    private async Task<TestBrowser> SignedInAsync(string user, string password)
    {
        var browser = app.Browser();
        using var login = await browser.LoginAsync(Prefix, user, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var dashboard = await browser.GetAsync(Prefix + "/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        return browser;
    }

    private static async Task AssertSignedOutAsync(TestBrowser browser)
    {
        using var response = await browser.GetAsync(Prefix + "/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Prefix + "/admin/login", response.Headers.Location!.AbsolutePath);
    }
}
