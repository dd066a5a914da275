using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Accounts;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Postgres;

/// <summary>Invitation links on PostgreSQL: the AccountTokens migration, lookups by hash and the single-use update.</summary>
public sealed class PostgresAccountLinksTests : IDisposable
{
    private readonly PostgresSiteFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_invitation_link_sets_the_password_once_and_only_in_its_tenant()
    {
        var name = "pg-invite-" + Guid.NewGuid().ToString("N")[..8];
        InvitationResult invitation;
        await using (var scope = _factory.Scope("Bourgogne"))
        {
            invitation = await scope.ServiceProvider.GetRequiredService<IAccountInvitations>().InviteAsync(
                new AccountInvitation(name, name + "@example.org", ["Editor"]), InvitationDelivery.LinkOnly, CancellationToken.None);
        }

        Assert.True(invitation.Succeeded);
        var link = "http://localhost" + invitation.Link;
        using var browser = new TestBrowser(_factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));
        Assert.Contains("ne fonctionne plus", Html.Decoded(await browser.GetPageAsync("/franche-comte" + new Uri(link).PathAndQuery["/bourgogne".Length..])), StringComparison.Ordinal);

        using (var set = await PasswordResetTests.SetPasswordAsync(browser, link, "Postgres-Choisi-2026"))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.Contains("ne fonctionne plus", Html.Decoded(await browser.GetPageAsync(new Uri(link).PathAndQuery)), StringComparison.Ordinal);
        using var login = await browser.LoginAsync("/bourgogne", name, "Postgres-Choisi-2026");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }
}
