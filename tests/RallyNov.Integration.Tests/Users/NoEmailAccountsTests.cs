using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Security;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// Without SMTP (the users site has none): the forgot-password page sends to an administrator, and
/// administrators get the invitation or reset link shown once, to pass on themselves.
/// </summary>
[Collection(UsersAppGroup.Name)]
public sealed class NoEmailAccountsTests(UsersAppFactory app)
{
    private const string Prefix = "/franche-comte";

    [Fact]
    public async Task The_forgot_password_page_says_to_ask_an_administrator()
    {
        using var browser = app.Browser();
        var login = Html.Decoded(await browser.GetPageAsync(Prefix + "/admin/login"));
        Assert.Contains("href=\"/franche-comte/admin/forgot-password\">Mot de passe oublié ?</a>", login, StringComparison.Ordinal);

        var page = Html.Decoded(await browser.GetPageAsync(Prefix + "/admin/forgot-password"));
        Assert.Contains("Demandez à un administrateur du site", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Login\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_gets_a_link_shown_once_that_lets_its_owner_choose_a_password()
    {
        using var admin = await AdminAsync();
        var form = Html.Decoded(await admin.GetPageAsync(Prefix + "/admin/users/new"));
        Assert.Contains("le lien d'invitation s'affiche une seule fois", form, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", form, StringComparison.Ordinal);

        var name = "sans-smtp-" + Guid.NewGuid().ToString("N")[..8];
        string shownAt;
        using (var created = await ParsedForm.Find(form, "/admin/users/new").Set("UserName", name).Set("Email", name + "@example.org").Set("Roles", "Editor").SubmitAsync(admin))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            shownAt = created.Headers.Location!.OriginalString;
            Assert.Matches("^/franche-comte/admin/users/[^/]+/link$", shownAt);
        }

        var page = Html.Decoded(await admin.GetPageAsync(shownAt));
        Assert.Contains($"Le compte « {name} » est créé", page, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(page, "id=\"account-link\" type=\"text\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("http://localhost/franche-comte/admin/invitation?token=", link, StringComparison.Ordinal);
        Assert.Contains("Copier le lien", page, StringComparison.Ordinal);

        // Once: a reload no longer shows it, and the list says the invitation waits.
        var reload = Html.Decoded(await admin.GetPageAsync(shownAt));
        Assert.DoesNotContain(link, reload, StringComparison.Ordinal);
        Assert.Contains("Ce lien ne s'affiche plus", reload, StringComparison.Ordinal);
        Assert.Contains("Invitation en attente", InvitationTests.RowOf(Html.Decoded(await admin.GetPageAsync(Prefix + "/admin/users")), name), StringComparison.Ordinal);

        using var invitee = app.Browser();
        using (var set = await PasswordResetTests.SetPasswordAsync(invitee, link, "Mon-Propre-Passw0rd"))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        using var login = await invitee.LoginAsync(Prefix, name, "Mon-Propre-Passw0rd");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var audit = await AuditTestSupport.EventsAsync(app, "FrancheComte", name);
        Assert.Contains(audit, e => e.Action == "user.invited" && e.Details!.StartsWith("Invitation : lien affiché", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reset_link_is_shown_once_to_the_administrator()
    {
        var user = await app.CreateUserAsync("FrancheComte", "Author");
        string id;
        await using (var scope = app.Scope("FrancheComte"))
        {
            id = (await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync(user, default))!.Id;
        }

        using var admin = await AdminAsync();
        var page = await admin.GetPageAsync($"{Prefix}/admin/users/{id}/password");
        Assert.Contains("Créer un lien de réinitialisation", page, StringComparison.Ordinal);
        string shownAt;
        using (var created = await ParsedForm.Find(page, $"/admin/users/{id}/password").SubmitAsync(admin))
        {
            shownAt = created.Headers.Location!.OriginalString;
        }

        var shown = Html.Decoded(await admin.GetPageAsync(shownAt));
        var link = System.Text.RegularExpressions.Regex.Match(shown, "id=\"account-link\" type=\"text\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("http://localhost/franche-comte/admin/reset-password?token=", link, StringComparison.Ordinal);

        using var person = app.Browser();
        using (var set = await PasswordResetTests.SetPasswordAsync(person, link, "Remis-A-Neuf-2026"))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        using var login = await person.LoginAsync(Prefix, user, "Remis-A-Neuf-2026");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task A_delegated_user_manager_gets_no_link_into_an_administrator_account()
    {
        string adminId;
        await using (var scope = app.Scope("FrancheComte"))
        {
            await scope.ServiceProvider.GetRequiredService<IRolePermissionService>()
                .SetPermissionsAsync("GestionnaireLiens", [Permissions.ViewContent, Permissions.ManageUsers], CancellationToken.None);
            adminId = (await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync("admin", default))!.Id;
        }

        var manager = await app.CreateUserAsync("FrancheComte", "GestionnaireLiens");
        using var browser = app.Browser();
        using (var login = await browser.LoginAsync(Prefix, manager, UsersAppFactory.UserPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        // A reset link shown to them would open the administrator's account: refused, none made.
        foreach (var action in new[] { "password", "invitation", "invitation/revoke" })
        {
            using var response = await browser.ForgedPostAsync(Prefix + "/admin/users", $"{Prefix}/admin/users/{adminId}/{action}", []);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.DoesNotContain(await AuditTestSupport.EventsAsync(app, "FrancheComte", "admin"), e => e.Action is "user.resetlinkcreated" or "user.invited");
    }

    private async Task<TestBrowser> AdminAsync()
    {
        var browser = app.Browser();
        using var login = await browser.LoginAsync(Prefix, "admin", UsersAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }
}
