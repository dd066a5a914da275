using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Security;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// ManageUsers given to a non-administrator role: they manage ordinary accounts, but cannot
/// make anyone an administrator, touch an administrator's account or change the roles grid.
/// </summary>
[Collection(UsersAppGroup.Name)]
public sealed class DelegatedUserManagementTests(UsersAppFactory app)
{
    private const string Tenant = "FrancheComte";
    private const string Prefix = "/franche-comte";
    private const string Role = "Gestionnaire";

    [Fact]
    public async Task A_user_manager_cannot_escalate_to_administrator()
    {
        using var manager = await ManagerAsync();
        Assert.Equal(HttpStatusCode.OK, (await Send(manager, Prefix + "/admin/users")).StatusCode);

        var name = "escalade-" + Guid.NewGuid().ToString("N")[..8];
        using var create = await manager.SubmitAsync(Prefix + "/admin/users/new", Prefix + "/admin/users/new",
        [
            new("UserName", name), new("Email", name + "@example.org"),
            new("Password", UsersAppFactory.UserPassword), new("ConfirmPassword", UsersAppFactory.UserPassword),
            new("Roles", "Administrator"),
        ]);
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.Contains("Seul un administrateur peut donner le rôle Administrateur.", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await FindAsync(name));

        var adminId = (await FindAsync("admin"))!.Id;
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(manager, $"{Prefix}/admin/users/{adminId}/password")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(manager, $"{Prefix}/admin/users/{adminId}")).StatusCode);
        using var disable = await manager.SubmitAsync(Prefix + "/admin/users", $"{Prefix}/admin/users/{adminId}/disable", []);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.False((await FindAsync("admin"))!.IsDisabled);

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(manager, Prefix + "/admin/roles")).StatusCode);
    }

    [Fact]
    public async Task A_user_manager_manages_ordinary_accounts()
    {
        using var manager = await ManagerAsync();
        var editor = await app.CreateUserAsync(Tenant, "Editor");
        var id = (await FindAsync(editor))!.Id;

        using var disable = await manager.SubmitAsync(Prefix + "/admin/users", $"{Prefix}/admin/users/{id}/disable", []);

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.True((await FindAsync(editor))!.IsDisabled);
    }

    private async Task<TestBrowser> ManagerAsync()
    {
        await using (var scope = app.Scope(Tenant))
        {
            await scope.ServiceProvider.GetRequiredService<IRolePermissionService>()
                .SetPermissionsAsync(Role, [Permissions.ViewContent, Permissions.ManageUsers], CancellationToken.None);
        }

        var user = await app.CreateUserAsync(Tenant, Role);
        var browser = app.Browser();
        using var login = await browser.LoginAsync(Prefix, user, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private static async Task<HttpResponseMessage> Send(TestBrowser browser, string path)
    {
        var response = await browser.GetAsync(path);
        response.Dispose();
        return response;
    }

    private async Task<UserSummary?> FindAsync(string userName)
    {
        await using var scope = app.Scope(Tenant);
        return await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync(userName, CancellationToken.None);
    }
}
