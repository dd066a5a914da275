using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Users;

/// <summary>The users screens, driven through their forms as an administrator.</summary>
[Collection(UsersAppGroup.Name)]
public sealed class UsersAdminTests(UsersAppFactory app)
{
    [Fact]
    public async Task Creating_a_user_with_roles_invites_them_to_choose_their_password()
    {
        using var admin = await AdminAsync();
        var name = "new-" + Guid.NewGuid().ToString("N")[..8];
        var form = ParsedForm.Find(await admin.GetPageAsync("/franche-comte/admin/users/new"), "/admin/users/new");
        using var response = await form.Set("UserName", name).Set("Email", name + "@example.org").Set("Roles", "Author").SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var summary = await FindAsync(name);
        Assert.Equal(["Author"], summary!.Roles);
        Assert.False(summary.HasPassword);
        Assert.Contains(name, await admin.GetPageAsync("/franche-comte/admin/users"), StringComparison.Ordinal);

        var link = ShownLink(await admin.GetPageAsync(response.Headers.Location!.OriginalString));
        using var browser = app.Browser();
        using (var set = await PasswordResetTests.SetPasswordAsync(browser, link, UsersAppFactory.UserPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        using var login = await browser.LoginAsync("/franche-comte", name, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task A_failed_save_keeps_the_typed_values_and_explains_in_french()
    {
        using var admin = await AdminAsync();
        var name = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var form = ParsedForm.Find(await admin.GetPageAsync("/franche-comte/admin/users/new"), "/admin/users/new");
        using var response = await form.Set("UserName", name).Set("Email", "pas-une-adresse").Set("Roles", "Editor").SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("L'adresse e-mail n'est pas valide.", Infrastructure.Html.Decoded(html), StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"pas-une-adresse\"", html, StringComparison.Ordinal);
        Assert.Matches("value=\"Editor\"\\s+checked", html);
        Assert.Contains("aria-describedby=\"Email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Null(await FindAsync(name));
    }

    [Fact]
    public async Task Roles_can_be_changed_and_a_password_reset()
    {
        var user = await app.CreateUserAsync("FrancheComte", "Contributor");
        var id = (await FindAsync(user))!.Id;
        using var admin = await AdminAsync();

        using var edit = await admin.SubmitAsync($"/franche-comte/admin/users/{id}", $"/franche-comte/admin/users/{id}",
            [new("Email", user + "@example.org"), new("Roles", "Editor")]);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(["Editor"], (await FindAsync(user))!.Roles);

        // No SMTP on this site: the reset link is shown once to the administrator, who passes it on.
        var page = await admin.GetPageAsync($"/franche-comte/admin/users/{id}/password");
        using var reset = await ParsedForm.Find(page, $"/admin/users/{id}/password").SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var link = ShownLink(await admin.GetPageAsync(reset.Headers.Location!.OriginalString));

        const string newPassword = "Brand-New-Passw0rd";
        using var browser = app.Browser();
        using (var set = await PasswordResetTests.SetPasswordAsync(browser, link, newPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        using var login = await browser.LoginAsync("/franche-comte", user, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task A_user_can_be_disabled_and_enabled_but_not_the_administrator_themself()
    {
        var user = await app.CreateUserAsync("FrancheComte", "Author");
        var id = (await FindAsync(user))!.Id;
        using var admin = await AdminAsync();

        using var disable = await admin.SubmitAsync("/franche-comte/admin/users", $"/franche-comte/admin/users/{id}/disable", []);
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.True((await FindAsync(user))!.IsDisabled);

        using var enable = await admin.SubmitAsync("/franche-comte/admin/users", $"/franche-comte/admin/users/{id}/enable", []);
        Assert.False((await FindAsync(user))!.IsDisabled);

        var self = (await FindAsync("admin"))!.Id;
        using var refused = await admin.SubmitAsync("/franche-comte/admin/users", $"/franche-comte/admin/users/{self}/disable", []);
        Assert.False((await FindAsync("admin"))!.IsDisabled);
        Assert.Contains("votre propre compte", await admin.GetPageAsync("/franche-comte/admin/users"), StringComparison.Ordinal);
    }

    private async Task<TestBrowser> AdminAsync()
    {
        var browser = app.Browser();
        using var login = await browser.LoginAsync("/franche-comte", "admin", UsersAppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private static string ShownLink(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "id=\"account-link\" type=\"text\" value=\"([^\"]+)\"").Groups[1].Value);

    private async Task<UserSummary?> FindAsync(string userName)
    {
        await using var scope = app.Scope("FrancheComte");
        return await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync(userName, CancellationToken.None);
    }
}
