using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Users.Security;
using RallyNov.Users.Services;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// The users and roles screens clicked in Chromium, on a site without e-mail: accounts are invited
/// (the link is shown once to the administrator), nobody types another person's password. The
/// e-mail journeys are in AccountEmailTests.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class UsersScreensTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Theory]
    [InlineData("/franche-comte", "FrancheComte")]
    [InlineData("", "Default")]
    public async Task An_administrator_invites_disables_and_resets_an_account(string prefix, string tenant)
    {
        // This site sends no e-mail: the invitation and reset links are shown once to the administrator.
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);
        var name = "redactrice-" + Unique();

        await page.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        await Expect(page.Locator("input[type=password]")).ToHaveCountAsync(0);
        await page.GetByLabel("Nom d'utilisateur").FillAsync(name);
        await page.GetByLabel("Adresse e-mail").FillAsync(name + "-sans-arobase");
        await page.GetByLabel("Éditeur", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et son lien d'invitation" }).ClickAsync();

        // The error is shown next to the field, read with it, and nothing is created.
        await Expect(page.Locator("#Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Email-error")).ToHaveTextAsync("L'adresse e-mail n'est pas valide.");
        await Expect(page.GetByLabel("Nom d'utilisateur")).ToHaveValueAsync(name);
        await AssertAccessibleAsync(page, "new user form with errors");
        Assert.Null(await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None)));

        await page.GetByLabel("Adresse e-mail").FillAsync(name + "@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et son lien d'invitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Le compte « {name} » est créé");
        var invitation = await page.GetByLabel("Lien d'invitation").InputValueAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à la liste des utilisateurs" }).ClickAsync();
        var row = page.Locator("tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("Éditeur");
        await Expect(row).ToContainTextAsync("Invitation en attente");
        var stored = await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None));
        Assert.NotNull(stored);
        Assert.Equal([BuiltInRoles.Editor], stored.Roles);
        Assert.Equal(name + "@example.org", stored.Email);
        Assert.False(stored.HasPassword);

        // The invitee chooses the password.
        await using (var invitee = await browser.NewContextAsync())
        {
            var own = await invitee.NewPageAsync();
            await own.GotoAsync(invitation);
            await own.GetByLabel("Nouveau mot de passe").FillAsync("Bienvenue-2026");
            await own.GetByLabel("Confirmation du mot de passe").FillAsync("Bienvenue-2026");
            await own.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
            await Expect(own).ToHaveURLAsync(site.Url(prefix + "/admin/login"));
        }

        await page.ReloadAsync();
        await Expect(row).ToContainTextAsync("Actif");

        await row.GetByRole(AriaRole.Button, new() { Name = "Désactiver " + name }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync($"Le compte « {name} » a été désactivé.");
        await Expect(page.Locator("tbody tr", new() { HasText = name })).ToContainTextAsync("Désactivé");
        Assert.True((await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None)))!.IsDisabled);
        await page.Locator("tbody tr", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = "Réactiver " + name }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync($"Le compte « {name} » a été réactivé.");
        Assert.False((await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None)))!.IsDisabled);

        // « Mot de passe »: a reset link made for the person, never a password typed for them.
        await page.Locator("tbody tr", new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "Mot de passe de " + name }).ClickAsync();
        await Expect(page.Locator("input[type=password]")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "user password page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer un lien de réinitialisation" }).ClickAsync();
        var reset = await page.GetByLabel("Lien de réinitialisation").InputValueAsync();
        await AssertAccessibleAsync(page, "reset link shown once");

        // Stored: the account signs in with the password its owner chose, in its own tenant.
        await using var other = await browser.NewContextAsync();
        var person = await other.NewPageAsync();
        await person.GotoAsync(reset);
        await person.GetByLabel("Nouveau mot de passe").FillAsync("Nouveau-Depart-2026");
        await person.GetByLabel("Confirmation du mot de passe").FillAsync("Nouveau-Depart-2026");
        await person.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(person).ToHaveURLAsync(site.Url(prefix + "/admin/login"));
        await SignInAsync(other, site, prefix, name, "Nouveau-Depart-2026");
    }

    [Fact]
    public async Task An_administrator_grants_a_permission_in_the_roles_grid_and_takes_it_back()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, "/bourgogne");
        const string box = "Gérer la médiathèque — Contributeur";

        await page.GetByRole(AriaRole.Link, new() { Name = "Rôles", Exact = true }).ClickAsync();
        await AssertAccessibleAsync(page, "roles grid");
        await Expect(page.GetByLabel(box)).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("Gérer la médiathèque — Administrateur")).ToBeDisabledAsync();
        await page.GetByLabel(box).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync("Les permissions des rôles ont été enregistrées.");
        await Expect(page.GetByLabel(box)).ToBeCheckedAsync();
        Assert.Contains("ManageMedia", await GrantsAsync(site, BuiltInRoles.Contributor));
        Assert.Contains("PublishContent", await GrantsAsync(site, BuiltInRoles.Editor)); // the rest of the grid is kept

        // Put the grid back as it was: the other tests share this site.
        await page.GetByLabel(box).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Message(page)).ToBeVisibleAsync();
        Assert.DoesNotContain("ManageMedia", await GrantsAsync(site, BuiltInRoles.Contributor));
    }

    private static Task<IReadOnlySet<string>> GrantsAsync(LiveSite site, string role) => InTenantAsync(site, "Bourgogne", async sp =>
        (await sp.GetRequiredService<IRolePermissionService>().GetAllAsync(CancellationToken.None))[role]);
}
