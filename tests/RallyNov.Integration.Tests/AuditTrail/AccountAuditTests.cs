using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Data;
using RallyNov.AuditTrail.Services;
using RallyNov.Core.Auditing;
using RallyNov.Integration.Tests.Users;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.AuditTrail;

/// <summary>Account events: lockout, disabling, enabling and password resets, and who sees the trail in the menu.</summary>
[Collection(AuditAppGroup.Name)]
public sealed class AccountAuditTests(AuditAppFactory app)
{
    [Fact]
    public async Task The_failure_that_locks_an_account_is_recorded_as_a_lockout()
    {
        var user = await app.CreateUserAsync("Default", "Author");
        using var browser = app.Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await browser.LoginAsync("", user, "Mauvais-Passw0rd-" + attempt);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var actions = (await EntriesAsync("Default", new AuditQuery { Item = user })).Select(e => e.Action).ToList();
        Assert.Equal(AuditActions.LoginLockedOut, actions[0]);
        Assert.Equal(4, actions.Count(a => a == AuditActions.LoginFailed));
    }

    [Fact]
    public async Task Disabling_enabling_and_resetting_a_password_are_recorded()
    {
        var user = await app.CreateUserAsync("FrancheComte", "Editor");
        string id;
        await using (var scope = app.Scope("FrancheComte"))
        {
            id = (await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync(user, default))!.Id;
        }

        using var browser = app.Browser();
        using (var login = await browser.LoginAsync("/franche-comte", "admin", UsersAppFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        const string List = "/franche-comte/admin/users";
        using (var disable = await browser.SubmitAsync(List, $"{List}/{id}/disable", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        }

        using (var enable = await browser.SubmitAsync(List, $"{List}/{id}/enable", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        }

        // The administrator makes a reset link (shown once: no SMTP here) rather than typing a password.
        using (var reset = await browser.SubmitAsync($"{List}/{id}/password", $"{List}/{id}/password", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        var entries = await EntriesAsync("FrancheComte", new AuditQuery { Item = user, Category = AuditCategories.Users });
        Assert.Equal(
            [AuditActions.PasswordResetLinkCreated, AuditActions.UserEnabled, AuditActions.UserDisabled, AuditActions.UserCreated],
            entries.Select(e => e.Action));
        Assert.All(entries.Take(3), e => Assert.Equal("admin", e.UserName));
        Assert.All(entries, e => Assert.DoesNotContain("Passw0rd", e.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_menu_shows_the_trail_to_administrators_only()
    {
        using var admin = app.Browser();
        using (await admin.LoginAsync("/bourgogne", "admin", UsersAppFactory.AdminPassword))
        {
        }

        Assert.Contains("href=\"/bourgogne/admin/audit\"", await admin.GetPageAsync("/bourgogne/admin"), StringComparison.Ordinal);

        var editor = await app.CreateUserAsync("Bourgogne", "Editor");
        using var other = app.Browser();
        using (await other.LoginAsync("/bourgogne", editor, UsersAppFactory.UserPassword))
        {
        }

        var page = await other.GetPageAsync("/bourgogne/admin");
        Assert.Contains("href=\"/bourgogne/admin/contents\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/audit", page, StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> EntriesAsync(string tenant, AuditQuery query)
    {
        await using var scope = app.Scope(tenant);
        return [.. (await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(query, default)).Items];
    }
}
