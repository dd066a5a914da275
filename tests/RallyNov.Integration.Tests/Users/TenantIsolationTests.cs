using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;

namespace RallyNov.Integration.Tests.Users;

/// <summary>Each tenant has its own accounts, in its own database.</summary>
[Collection(UsersAppGroup.Name)]
public sealed class TenantIsolationTests(UsersAppFactory app)
{
    [Fact]
    public async Task Setup_created_a_distinct_administrator_in_each_tenant()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tenant in new[] { "Default", "Bourgogne", "FrancheComte" })
        {
            await using var scope = app.Scope(tenant);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RallyNovUser>>();
            var admin = await users.FindByNameAsync("admin");
            Assert.NotNull(admin);
            Assert.True(await users.IsInRoleAsync(admin, "Administrator"));
            Assert.True(ids.Add(admin.Id));
        }
    }

    [Fact]
    public async Task A_user_of_one_tenant_does_not_exist_in_another()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Editor");

        await using (var scope = app.Scope("FrancheComte"))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<RallyNovUser>>().FindByNameAsync(user));
        }

        using var browser = app.Browser();
        using var elsewhere = await browser.LoginAsync("/franche-comte", user, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        using var home = await browser.LoginAsync("/bourgogne", user, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_tenant_running_before_the_users_module_gets_its_administrator_at_start()
    {
        var name = "Upgrade" + Guid.NewGuid().ToString("N")[..6];
        var existing = new TenantSettings { Name = name, DisplayName = "Site existant", UrlPrefix = name.ToLowerInvariant(), State = TenantState.Running };
        await app.Services.GetRequiredService<ITenantStore>().SaveAsync(existing, CancellationToken.None);

        // Its database, as a version without the users module left it: content tables only.
        await app.Services.GetRequiredService<ITenantDatabase>().MigrateAsync(existing, CancellationToken.None);

        await app.Services.GetRequiredService<TenantSetupService>().StartAsync(name, CancellationToken.None);

        await using var scope = app.Scope(name);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RallyNovUser>>();
        var admin = await users.FindByNameAsync("admin");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, "Administrator"));
    }
}
