using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Accounts;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// Invitations with e-mail: the administrator creates the account through the users screen, the
/// invitee gets the link by SMTP and chooses the password. Re-sending and revoking stop old links.
/// </summary>
[Collection(AccountsAppGroup.Name)]
public sealed class InvitationTests(AccountsAppFactory app)
{
    private const string Prefix = "/bourgogne";
    private const string Chosen = "Choisi-Par-Moi-2026";

    [Fact]
    public async Task The_administrator_invites_and_the_invitee_chooses_the_password()
    {
        using var admin = await AdminAsync();
        var name = "invite-" + Guid.NewGuid().ToString("N")[..8];
        var form = ParsedForm.Find(await admin.GetPageAsync(Prefix + "/admin/users/new"), "/admin/users/new");
        Assert.Null(form.Value("Password"));
        using (var created = await form.Set("UserName", name).Set("Email", name + "@example.org").Set("Roles", "Author").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal(Prefix + "/admin/users", created.Headers.Location!.OriginalString);
        }

        var list = Html.Decoded(await admin.GetPageAsync(Prefix + "/admin/users"));
        Assert.Contains($"Le compte « {name} » a été créé : une invitation a été envoyée à {name}@example.org", list, StringComparison.Ordinal);
        Assert.Contains("Invitation en attente", RowOf(list, name), StringComparison.Ordinal);
        Assert.Contains("Renvoyer l'invitation", RowOf(list, name), StringComparison.Ordinal);

        var mail = await app.Sink.WaitForMessageAsync(name + "@example.org");
        Assert.Equal("Invitation au back-office de rally'nov Bourgogne", mail.Subject);
        Assert.Contains("admin vous invite", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"« {name} »", mail.TextBody, StringComparison.Ordinal);
        var link = SmtpSink.LinkIn(mail, "/admin/invitation");
        Assert.StartsWith("http://localhost/bourgogne/admin/invitation?token=", link, StringComparison.Ordinal);

        // Before the invitee acts, the account cannot sign in.
        Assert.False(await SignsInAsync(name, ""));

        using var invitee = app.Browser();
        var page = Html.Decoded(await invitee.GetPageAsync(new Uri(link).PathAndQuery));
        Assert.Contains("Activer votre compte", page, StringComparison.Ordinal);
        Assert.Contains(name, page, StringComparison.Ordinal);
        using (var set = await PasswordResetTests.SetPasswordAsync(invitee, link, Chosen))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            Assert.Equal(Prefix + "/admin/login", set.Headers.Location!.OriginalString);
        }

        Assert.Contains($"connectez-vous avec le nom d'utilisateur « {name} »", Html.Decoded(await invitee.GetPageAsync(Prefix + "/admin/login")), StringComparison.Ordinal);
        Assert.True(await SignsInAsync(name, Chosen));
        Assert.Contains("Actif", RowOf(Html.Decoded(await admin.GetPageAsync(Prefix + "/admin/users")), name), StringComparison.Ordinal);
        Assert.Contains("Ce lien d'invitation ne fonctionne plus", Html.Decoded(await invitee.GetPageAsync(new Uri(link).PathAndQuery)), StringComparison.Ordinal);

        var events = await AuditTestSupport.EventsAsync(app, "Bourgogne", name);
        Assert.Equal(["user.invitationaccepted", "user.invited", "user.created"], events.Where(e => e.Category == "users").Select(e => e.Action));
        Assert.Equal("admin", events.Single(e => e.Action == "user.invited").UserName);
        Assert.Contains("envoyée par e-mail", events.Single(e => e.Action == "user.invited").Details, StringComparison.Ordinal);
        Assert.Equal(name, events.Single(e => e.Action == "user.invitationaccepted").UserName);
    }

    [Fact]
    public async Task Resending_replaces_the_link_and_revoking_stops_it()
    {
        var name = "relance-" + Guid.NewGuid().ToString("N")[..8];
        var (id, first) = await InviteAsync(name);
        using var admin = await AdminAsync();

        using (var resent = await ParsedForm.Find(await admin.GetPageAsync(Prefix + "/admin/users"), $"/admin/users/{id}/invitation").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        }

        var second = SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(name + "@example.org"), "/admin/invitation");
        Assert.NotEqual(first, second);
        using var invitee = app.Browser();
        Assert.Contains("ne fonctionne plus", Html.Decoded(await invitee.GetPageAsync(new Uri(first).PathAndQuery)), StringComparison.Ordinal);
        Assert.Contains("Activer votre compte", Html.Decoded(await invitee.GetPageAsync(new Uri(second).PathAndQuery)), StringComparison.Ordinal);

        using (var revoked = await ParsedForm.Find(await admin.GetPageAsync(Prefix + "/admin/users"), $"/admin/users/{id}/invitation/revoke").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        var list = Html.Decoded(await admin.GetPageAsync(Prefix + "/admin/users"));
        Assert.Contains($"L'invitation de « {name} » est révoquée", list, StringComparison.Ordinal);
        Assert.Contains("Sans mot de passe", RowOf(list, name), StringComparison.Ordinal);
        Assert.Contains("ne fonctionne plus", Html.Decoded(await invitee.GetPageAsync(new Uri(second).PathAndQuery)), StringComparison.Ordinal);

        var actions = (await AuditTestSupport.EventsAsync(app, "Bourgogne", name)).Select(e => e.Action).ToList();
        Assert.Equal(["user.invitationrevoked", "user.invited", "user.invited", "user.created"], actions);
    }

    [Fact]
    public async Task An_invitation_expires_after_72_hours()
    {
        var name = "tardif-" + Guid.NewGuid().ToString("N")[..8];
        var (_, link) = await InviteAsync(name);
        var path = new Uri(link).PathAndQuery;
        using var invitee = app.Browser();
        var form = ParsedForm.Find(await invitee.GetPageAsync(path), "/admin/invitation");
        try
        {
            app.Clock.Offset = TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1);
            using var admin = await AdminAsync();
            using var late = await form.Set("NewPassword", Chosen).Set("ConfirmPassword", Chosen).SubmitAsync(invitee);
            Assert.Contains("Ce lien d'invitation ne fonctionne plus", Html.Decoded(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Contains("Invitation expirée", RowOf(Html.Decoded(await admin.GetPageAsync(Prefix + "/admin/users")), name), StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        Assert.False(await SignsInAsync(name, Chosen));
    }

    [Fact]
    public async Task The_administrator_sends_a_reset_link_instead_of_typing_a_password()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Editor");
        string id;
        await using (var scope = app.Scope("Bourgogne"))
        {
            id = (await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync(user, default))!.Id;
        }

        using var admin = await AdminAsync();
        var page = Html.Decoded(await admin.GetPageAsync($"{Prefix}/admin/users/{id}/password"));
        Assert.DoesNotContain("name=\"NewPassword\"", page, StringComparison.Ordinal);
        Assert.Contains($"Le lien est envoyé à <strong>{user}@example.org</strong>", page, StringComparison.Ordinal);
        using (var sent = await ParsedForm.Find(page, $"/admin/users/{id}/password").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Assert.Contains($"Un lien de réinitialisation a été envoyé à {user}@example.org", Html.Decoded(await admin.GetPageAsync(Prefix + "/admin/users")), StringComparison.Ordinal);
        var link = SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(user + "@example.org"), "/admin/reset-password");

        // The old password works until the person chooses a new one.
        Assert.True(await SignsInAsync(user, UsersAppFactory.UserPassword));
        using var person = app.Browser();
        using (var set = await PasswordResetTests.SetPasswordAsync(person, link, Chosen))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.False(await SignsInAsync(user, UsersAppFactory.UserPassword));
        Assert.True(await SignsInAsync(user, Chosen));
        Assert.Contains(await AuditTestSupport.EventsAsync(app, "Bourgogne", user), e => e.Action == "user.resetlinkcreated" && e.UserName == "admin");
    }

    [Fact]
    public async Task The_public_service_invites_in_the_scope_of_any_tenant_and_returns_the_link()
    {
        // As the tenants module will for a new site's first administrator: no e-mail, the link is shown once.
        var name = "premier-admin-" + Guid.NewGuid().ToString("N")[..8];
        InvitationResult result;
        await using (var scope = app.Scope("FrancheComte"))
        {
            result = await scope.ServiceProvider.GetRequiredService<IAccountInvitations>().InviteAsync(
                new AccountInvitation(name, name + "@example.org", [AccountInvitation.AdministratorRole]), InvitationDelivery.LinkOnly, CancellationToken.None);
        }

        Assert.True(result.Succeeded);
        Assert.False(result.EmailSent);
        Assert.InRange(result.ExpiresUtc!.Value - DateTime.UtcNow, TimeSpan.FromHours(71.9), TimeSpan.FromHours(72));

        // Outside a request, without RallyNov:PublicBaseUrl, the site cannot know its own address.
        Assert.StartsWith("/franche-comte/admin/invitation?token=", result.Link, StringComparison.Ordinal);
        Assert.Equal(0, app.Sink.CountTo(name + "@example.org"));

        using var invitee = app.Browser();
        using (var set = await PasswordResetTests.SetPasswordAsync(invitee, "http://localhost" + result.Link, Chosen))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        using var browser = app.Browser();
        using var login = await browser.LoginAsync("/franche-comte", name, Chosen);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/franche-comte/admin/roles")).StatusCode);

        // Asked to e-mail outside a request, it does not send a link without a host.
        var other = "sans-hote-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Scope("FrancheComte"))
        {
            var mailed = await scope.ServiceProvider.GetRequiredService<IAccountInvitations>().InviteAsync(
                new AccountInvitation(other, other + "@example.org", ["Editor"]), InvitationDelivery.EmailWhenConfigured, CancellationToken.None);
            Assert.True(mailed.Succeeded);
            Assert.False(mailed.EmailSent);
            Assert.NotNull(mailed.Link);
        }

        Assert.Equal(0, app.Sink.CountTo(other + "@example.org"));

        // A duplicate name is refused with a French error on its field, and creates nothing.
        await using var again = app.Scope("FrancheComte");
        var duplicate = await again.ServiceProvider.GetRequiredService<IAccountInvitations>().InviteAsync(
            new AccountInvitation(name, "autre@example.org", []), InvitationDelivery.LinkOnly, CancellationToken.None);
        Assert.False(duplicate.Succeeded);
        Assert.Null(duplicate.Link);
        Assert.Contains(duplicate.Errors, e => e.Field == "UserName" && e.Description.Contains("déjà pris", StringComparison.Ordinal));
    }

    /// <summary>Invites through the users screen; returns the account id and the e-mailed link.</summary>
    private async Task<(string Id, string Link)> InviteAsync(string name)
    {
        using var admin = await AdminAsync();
        var form = ParsedForm.Find(await admin.GetPageAsync(Prefix + "/admin/users/new"), "/admin/users/new");
        using (var created = await form.Set("UserName", name).Set("Email", name + "@example.org").Set("Roles", "Contributor").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        await using var scope = app.Scope("Bourgogne");
        var id = (await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync(name, default))!.Id;
        return (id, SmtpSink.LinkIn(await app.Sink.WaitForMessageAsync(name + "@example.org"), "/admin/invitation"));
    }

    private async Task<TestBrowser> AdminAsync()
    {
        var browser = app.Browser();
        using var login = await browser.LoginAsync(Prefix, "admin", UsersAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private async Task<bool> SignsInAsync(string user, string password)
    {
        using var browser = app.Browser();
        using var response = await browser.LoginAsync(Prefix, user, password.Length == 0 ? "Nimporte-Quoi-1" : password);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>The table row of one account in the users list.</summary>
    internal static string RowOf(string html, string userName)
    {
        var start = html.IndexOf($">{userName}</a></th>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {userName}.");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
