using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Accounts;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// « Mot de passe oublié ? » with real e-mail: the site sends through SMTP to the sink, the test
/// reads the message, follows its link and submits the page's own form.
/// </summary>
[Collection(AccountsAppGroup.Name)]
public sealed class PasswordResetTests(AccountsAppFactory app)
{
    private const string NewPassword = "Nouveau-Passw0rd-Lien";

    [Fact]
    public async Task A_reset_link_arrives_by_email_and_sets_the_password_once()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Editor");
        using var browser = app.Browser();
        using (var sent = await RequestAsync(browser, "/bourgogne", user))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/bourgogne/admin/forgot-password/sent", sent.Headers.Location!.OriginalString);
        }

        var mail = await app.Sink.WaitForMessageAsync(user + "@example.org");
        Assert.Equal("Réinitialisation de votre mot de passe – rally'nov Bourgogne", mail.Subject);
        Assert.Contains("ne sert qu'une fois", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=", mail.HtmlBody, StringComparison.Ordinal);
        var link = SmtpSink.LinkIn(mail, "/admin/reset-password");
        Assert.StartsWith("http://localhost/bourgogne/admin/reset-password?token=", link, StringComparison.Ordinal);
        Assert.Equal(link, SmtpSink.LinkIn(mail, "token="));

        using (var set = await SetPasswordAsync(browser, link, NewPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            Assert.Equal("/bourgogne/admin/login", set.Headers.Location!.OriginalString);
        }

        Assert.True(await SignsInAsync("/bourgogne", user, NewPassword));
        Assert.False(await SignsInAsync("/bourgogne", user, UsersAppFactory.UserPassword));

        // Used once: the page now explains, and a replayed form changes nothing.
        var again = Html.Decoded(await browser.GetPageAsync(new Uri(link).PathAndQuery));
        Assert.Contains("Ce lien de réinitialisation ne fonctionne plus", again, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"NewPassword\"", again, StringComparison.Ordinal);
        using var replay = await browser.ForgedPostAsync("/bourgogne/admin/login", new Uri(link).AbsolutePath,
            [new("Token", new Uri(link).Query["?token=".Length..]), new("NewPassword", "Pirate-Passw0rd-9"), new("ConfirmPassword", "Pirate-Passw0rd-9")]);
        Assert.Contains("ne fonctionne plus", Html.Decoded(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await SignsInAsync("/bourgogne", user, NewPassword));
    }

    [Fact]
    public async Task The_answer_is_the_same_for_every_login_and_only_a_real_account_gets_mail()
    {
        var active = await app.CreateUserAsync("FrancheComte", "Author");
        var disabled = await app.CreateUserAsync("FrancheComte", "Author");
        await using (var scope = app.Scope("FrancheComte"))
        {
            var administration = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            var account = await administration.FindByNameAsync(disabled, CancellationToken.None);
            Assert.True((await administration.SetDisabledAsync(account!.Id, true, null, CancellationToken.None)).Succeeded);
        }

        var invited = "invite-" + Guid.NewGuid().ToString("N")[..8];
        await InviteAsync("FrancheComte", invited, InvitationDelivery.LinkOnly);

        using var browser = app.Browser();
        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var login in new[] { "inconnu-" + Guid.NewGuid().ToString("N")[..8], "personne@example.org", disabled, invited + "@example.org", active })
        {
            using var response = await RequestAsync(browser, "/franche-comte", login);
            answers.Add((response.StatusCode, response.Headers.Location?.OriginalString));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Redirect, "/franche-comte/admin/forgot-password/sent"), a));
        var page = Html.Decoded(await browser.GetPageAsync("/franche-comte/admin/forgot-password/sent"));
        Assert.Contains("Si un compte correspond à ce que vous avez saisi, un e-mail", page, StringComparison.Ordinal);

        // The queue sends in order: once the active account's mail is in, the others would be too.
        _ = await app.Sink.WaitForMessageAsync(active + "@example.org");
        Assert.Equal(0, app.Sink.CountTo(disabled + "@example.org"));
        Assert.Equal(0, app.Sink.CountTo(invited + "@example.org"));
        Assert.Equal(0, app.Sink.CountTo("personne@example.org"));
    }

    [Fact]
    public async Task An_empty_login_gets_a_french_error_on_the_field()
    {
        using var browser = app.Browser();
        using var response = await RequestAsync(browser, "/bourgogne", "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Html.Decoded(await response.Content.ReadAsStringAsync());
        Assert.Contains("Saisissez votre nom d'utilisateur ou votre adresse e-mail.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Login-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_is_refused_in_french_and_the_link_stays_usable()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Author");
        using var browser = app.Browser();
        using (await RequestAsync(browser, "/bourgogne", user))
        {
        }

        var link = SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(user + "@example.org"), "/admin/reset-password");
        using (var weak = await SetPasswordAsync(browser, link, "faible"))
        {
            Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
            var html = Html.Decoded(await weak.Content.ReadAsStringAsync());
            Assert.Contains("Le mot de passe doit contenir au moins 10 caractères.", html, StringComparison.Ordinal);
            Assert.Contains("Le mot de passe doit contenir au moins une majuscule.", html, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"NewPassword-hint NewPassword-error\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("value=\"faible\"", html, StringComparison.Ordinal);
        }

        using (var mismatch = await SetPasswordAsync(browser, link, NewPassword, confirm: NewPassword + "x"))
        {
            Assert.Contains("Les deux mots de passe ne correspondent pas.", Html.Decoded(await mismatch.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.True(await SignsInAsync("/bourgogne", user, UsersAppFactory.UserPassword));
        using var good = await SetPasswordAsync(browser, link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.True(await SignsInAsync("/bourgogne", user, NewPassword));
    }

    [Fact]
    public async Task A_link_of_one_tenant_never_works_in_another()
    {
        // The same user name exists in both tenants: only the database the link was made in knows it.
        var user = await app.CreateUserAsync("Bourgogne", "Editor");
        await using (var scope = app.Scope("FrancheComte"))
        {
            var created = await scope.ServiceProvider.GetRequiredService<IUserAdministration>()
                .CreateAsync(user, user + "@example.org", UsersAppFactory.UserPassword, ["Editor"], CancellationToken.None);
            Assert.True(created.Succeeded);
        }

        using var browser = app.Browser();
        using (await RequestAsync(browser, "/bourgogne", user))
        {
        }

        var link = new Uri(SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(user + "@example.org"), "/admin/reset-password"));
        foreach (var prefix in new[] { "/franche-comte", "" })
        {
            var elsewhere = prefix + "/admin/reset-password" + link.Query;
            var page = Html.Decoded(await browser.GetPageAsync(elsewhere));
            Assert.Contains("Ce lien de réinitialisation ne fonctionne plus", page, StringComparison.Ordinal);
            using var forced = await SetPasswordOnFormOfAsync(browser, prefix, elsewhere, link.Query["?token=".Length..], "Autre-Site-Passw0rd");
            Assert.Contains("ne fonctionne plus", Html.Decoded(await forced.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.True(await SignsInAsync("/franche-comte", user, UsersAppFactory.UserPassword));
        Assert.False(await SignsInAsync("/franche-comte", user, "Autre-Site-Passw0rd"));

        // Still unused in its own tenant.
        using var own = await SetPasswordAsync(browser, link.ToString(), NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.True(await SignsInAsync("/bourgogne", user, NewPassword));
    }

    [Fact]
    public async Task A_reset_link_expires_after_its_lifetime()
    {
        var user = await app.CreateUserAsync("Default", "Editor");
        using var browser = app.Browser();
        using (await RequestAsync(browser, "", user))
        {
        }

        var link = SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(user + "@example.org"), "/admin/reset-password");
        var path = new Uri(link).PathAndQuery;
        var form = ParsedForm.Find(await browser.GetPageAsync(path), "/admin/reset-password");
        try
        {
            app.Clock.Offset = TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1);
            Assert.Contains("ne fonctionne plus", Html.Decoded(await browser.GetPageAsync(path)), StringComparison.Ordinal);
            using var late = await form.Set("NewPassword", NewPassword).Set("ConfirmPassword", NewPassword).SubmitAsync(browser);
            Assert.Contains("ne fonctionne plus", Html.Decoded(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        Assert.True(await SignsInAsync("", user, UsersAppFactory.UserPassword));

        // Just before the end of its lifetime the same link still works: the clock alone refused it.
        try
        {
            app.Clock.Offset = TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1);
            using var inTime = await SetPasswordAsync(browser, link, NewPassword);
            Assert.Equal(HttpStatusCode.Redirect, inTime.StatusCode);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        Assert.True(await SignsInAsync("", user, NewPassword));
    }

    [Fact]
    public async Task A_reset_lifts_a_lockout_and_a_changed_email_cancels_the_links_sent_before()
    {
        var user = await app.CreateUserAsync("FrancheComte", "Editor");
        using var browser = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            using (await browser.LoginAsync("/franche-comte", user, "Mauvais-Passw0rd-" + i))
            {
            }
        }

        Assert.False(await SignsInAsync("/franche-comte", user, UsersAppFactory.UserPassword));
        using (await RequestAsync(browser, "/franche-comte", user))
        {
        }

        var link = SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(user + "@example.org"), "/admin/reset-password");
        using (var set = await SetPasswordAsync(browser, link, NewPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.True(await SignsInAsync("/franche-comte", user, NewPassword));

        // A link sent to an address the administrator then corrects stops working.
        var other = await app.CreateUserAsync("FrancheComte", "Author");
        using (await RequestAsync(browser, "/franche-comte", other))
        {
        }

        var stale = SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(other + "@example.org"), "/admin/reset-password");
        await using (var scope = app.Scope("FrancheComte"))
        {
            var administration = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            var account = await administration.FindByNameAsync(other, CancellationToken.None);
            Assert.True((await administration.UpdateAsync(account!.Id, other + "@example.net", ["Author"], null, CancellationToken.None)).Succeeded);
        }

        Assert.Contains("ne fonctionne plus", Html.Decoded(await browser.GetPageAsync(new Uri(stale).PathAndQuery)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_and_password_changes_are_in_the_audit_trail_without_secrets()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Contributor");
        var unknown = "fantome-" + Guid.NewGuid().ToString("N")[..8];
        using var browser = app.Browser();
        using (await RequestAsync(browser, "/bourgogne", unknown))
        {
        }

        using (await RequestAsync(browser, "/bourgogne", user))
        {
        }

        var link = SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(user + "@example.org"), "/admin/reset-password");
        using (await SetPasswordAsync(browser, link, NewPassword))
        {
        }

        var events = await AuditTestSupport.EventsAsync(app, "Bourgogne", user, unknown);
        Assert.Contains(events, e => e.Action == "password.resetrequested" && e.ItemId == unknown && e.Details!.Contains("identifiant inconnu", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Action == "password.resetrequested" && e.ItemId == user && e.Details == "Lien envoyé par e-mail");
        Assert.Contains(events, e => e.Action == "password.changed" && e.ItemId == user && e.UserName == user);
        var token = new Uri(link).Query["?token=".Length..];
        Assert.DoesNotContain(events, e => (e.Details ?? "").Contains(token, StringComparison.Ordinal) || (e.Details ?? "").Contains(NewPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_are_limited_per_address_with_a_french_429()
    {
        // The default limit (5 in 15 minutes), from one client address; other addresses still ask.
        using var flooder = new TestBrowser(Client(app, "198.51.100.61"));
        for (var i = 0; i < 5; i++)
        {
            using var asked = await RequestAsync(flooder, "/bourgogne", "quelquun-" + i);
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        using var refused = await RequestAsync(flooder, "/bourgogne", "quelquun");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After");
        Assert.Equal("Trop de requêtes", Html.FirstText(await refused.Content.ReadAsStringAsync(), "h1"));

        using var other = new TestBrowser(Client(app, "198.51.100.62"));
        using var fine = await RequestAsync(other, "/bourgogne", "quelquun");
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
    }

    private static HttpClient Client(AccountsAppFactory app, string address)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add(TestClientAddressStartupFilter.Header, address);
        return client;
    }

    private static async Task<HttpResponseMessage> RequestAsync(TestBrowser browser, string prefix, string login)
    {
        var page = await browser.GetPageAsync(prefix + "/admin/forgot-password");
        return await ParsedForm.Find(page, "/admin/forgot-password").Set("Login", login).SubmitAsync(browser);
    }

    /// <summary>Opens the link, fills the page's form and submits it.</summary>
    internal static async Task<HttpResponseMessage> SetPasswordAsync(TestBrowser browser, string link, string password, string? confirm = null)
    {
        var uri = new Uri(link);
        var page = await browser.GetPageAsync(uri.PathAndQuery);
        return await ParsedForm.Find(page, uri.AbsolutePath)
            .Set("NewPassword", password)
            .Set("ConfirmPassword", confirm ?? password)
            .SubmitAsync(browser);
    }

    /// <summary>An attacker's post in another tenant: that tenant shows no form, so the token comes from its login page.</summary>
    private static async Task<HttpResponseMessage> SetPasswordOnFormOfAsync(TestBrowser browser, string prefix, string path, string token, string password)
    {
        return await browser.ForgedPostAsync(prefix + "/admin/login", path.Split('?')[0],
            [new("Token", token), new("NewPassword", password), new("ConfirmPassword", password)]);
    }

    private async Task InviteAsync(string tenant, string userName, InvitationDelivery delivery)
    {
        await using var scope = app.Scope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<IAccountInvitations>()
            .InviteAsync(new AccountInvitation(userName, userName + "@example.org", ["Author"]), delivery, CancellationToken.None);
        Assert.True(result.Succeeded);
    }

    private async Task<bool> SignsInAsync(string prefix, string user, string password)
    {
        using var browser = app.Browser();
        using var response = await browser.LoginAsync(prefix, user, password);
        return response.StatusCode == HttpStatusCode.Redirect;
    }
}
