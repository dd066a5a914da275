using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Users.Security;
using RallyNov.Users.Services;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// The users and roles screens as they are today (an administrator types the first password),
/// clicked in Chromium. Kept in their own file: invitations will change these screens.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class UsersScreensTests(BrowserFixture browser, AdminSiteFixture admin)
{
    [Theory]
    [InlineData("/franche-comte", "FrancheComte")]
    [InlineData("", "Default")]
    public async Task An_administrator_creates_disables_and_resets_an_account(string prefix, string tenant)
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await SignInAsync(context, site, prefix);
        var name = "redactrice-" + Unique();

        await page.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        await page.GetByLabel("Nom d'utilisateur").FillAsync(name);
        await page.GetByLabel("Adresse e-mail").FillAsync(name + "@example.org");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Bienvenue-2026");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("Autre-chose-2026");
        await page.GetByLabel("Éditeur", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        // The mismatch is shown next to the field, read with it, and nothing is created.
        await Expect(page.Locator("#ConfirmPassword")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#ConfirmPassword-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("Nom d'utilisateur")).ToHaveValueAsync(name);
        await AssertAccessibleAsync(page, "new user form with errors");
        Assert.Null(await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None)));

        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Bienvenue-2026");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("Bienvenue-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync($"Le compte « {name} » a été créé.");
        var row = page.Locator("tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("Éditeur");
        await Expect(row).ToContainTextAsync("Actif");
        var stored = await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None));
        Assert.NotNull(stored);
        Assert.Equal([BuiltInRoles.Editor], stored.Roles);
        Assert.Equal(name + "@example.org", stored.Email);

        await row.GetByRole(AriaRole.Button, new() { Name = "Désactiver " + name }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync($"Le compte « {name} » a été désactivé.");
        await Expect(page.Locator("tbody tr", new() { HasText = name })).ToContainTextAsync("Désactivé");
        Assert.True((await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None)))!.IsDisabled);
        await page.Locator("tbody tr", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = "Réactiver " + name }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync($"Le compte « {name} » a été réactivé.");
        Assert.False((await InTenantAsync(site, tenant, sp => sp.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None)))!.IsDisabled);

        await page.Locator("tbody tr", new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "Mot de passe de " + name }).ClickAsync();
        await page.GetByLabel("Nouveau mot de passe").FillAsync("court");
        await page.GetByLabel("Confirmation").FillAsync("court");
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Expect(page.Locator("#NewPassword")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page, "password form with errors");
        await page.GetByLabel("Nouveau mot de passe").FillAsync("Nouveau-Depart-2026");
        await page.GetByLabel("Confirmation").FillAsync("Nouveau-Depart-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Expect(Message(page)).ToHaveTextAsync($"Le mot de passe de « {name} » a été changé.");

        // Stored: the account signs in with the new password, in its own tenant.
        await using var other = await browser.NewContextAsync();
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
