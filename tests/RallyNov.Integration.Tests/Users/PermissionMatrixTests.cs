using System.Net;

namespace RallyNov.Integration.Tests.Users;

/// <summary>Role × action, checked on the server over HTTP (not only hidden menu entries).</summary>
[Collection(UsersAppGroup.Name)]
public sealed class PermissionMatrixTests(UsersAppFactory app)
{
    public static TheoryData<string, string, HttpStatusCode> Pages => new()
    {
        { "Administrator", "/admin", HttpStatusCode.OK },
        { "Editor", "/admin", HttpStatusCode.OK },
        { "Author", "/admin", HttpStatusCode.OK },
        { "Contributor", "/admin", HttpStatusCode.OK },
        { "", "/admin", HttpStatusCode.Forbidden },
        { "Administrator", "/admin/users", HttpStatusCode.OK },
        { "Editor", "/admin/users", HttpStatusCode.Forbidden },
        { "Author", "/admin/users", HttpStatusCode.Forbidden },
        { "Contributor", "/admin/users", HttpStatusCode.Forbidden },
        { "Administrator", "/admin/users/new", HttpStatusCode.OK },
        { "Editor", "/admin/users/new", HttpStatusCode.Forbidden },
        { "Administrator", "/admin/roles", HttpStatusCode.OK },
        { "Editor", "/admin/roles", HttpStatusCode.Forbidden },
        { "Author", "/admin/roles", HttpStatusCode.Forbidden },
        { "Contributor", "/admin/roles", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_answer_according_to_the_role(string role, string path, HttpStatusCode expected)
    {
        using var browser = await SignedInAsync(role);
        using var response = await browser.GetAsync("/bourgogne" + path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Accès refusé", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Editor")]
    [InlineData("Author")]
    [InlineData("Contributor")]
    public async Task Posting_to_user_admin_without_the_permission_is_forbidden_and_changes_nothing(string role)
    {
        using var browser = await SignedInAsync(role);
        var victim = "victim-" + Guid.NewGuid().ToString("N")[..8];

        // A forged post with a valid token for this user (from a page they may see), so only the permission check can refuse.
        using var response = await browser.ForgedPostAsync("/bourgogne/admin", "/bourgogne/admin/users/new",
        [
            new("UserName", victim), new("Email", victim + "@example.org"),
            new("Password", UsersAppFactory.UserPassword), new("ConfirmPassword", UsersAppFactory.UserPassword),
            new("Roles", "Administrator"),
        ]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var scope = app.Scope("Bourgogne");
        var administration = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<RallyNov.Users.Services.IUserAdministration>(scope.ServiceProvider);
        Assert.Null(await administration.FindByNameAsync(victim, CancellationToken.None));
    }

    [Fact]
    public async Task The_menu_only_shows_what_the_user_may_open()
    {
        using var editor = await SignedInAsync("Editor");
        var html = await editor.GetPageAsync("/bourgogne/admin");
        Assert.DoesNotContain("/bourgogne/admin/users\"", html, StringComparison.Ordinal);

        using var admin = await SignedInAsync("Administrator");
        Assert.Contains("/bourgogne/admin/users\"", await admin.GetPageAsync("/bourgogne/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_change_counts_at_the_next_request_without_signing_in_again()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Editor");
        using var browser = app.Browser();
        using var login = await browser.LoginAsync("/bourgogne", user, UsersAppFactory.UserPassword);
        using (var before = await browser.GetAsync("/bourgogne/admin/users"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }

        await using (var scope = app.Scope("Bourgogne"))
        {
            var administration = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<RallyNov.Users.Services.IUserAdministration>(scope.ServiceProvider);
            var account = await administration.FindByNameAsync(user, CancellationToken.None);
            Assert.True((await administration.UpdateAsync(account!.Id, account.Email, ["Administrator"], null, CancellationToken.None)).Succeeded);
        }

        using var after = await browser.GetAsync("/bourgogne/admin/users");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private async Task<TestBrowser> SignedInAsync(string role)
    {
        var user = await app.CreateUserAsync("Bourgogne", role);
        var browser = app.Browser();
        using var login = await browser.LoginAsync("/bourgogne", user, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }
}
