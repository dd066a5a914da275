using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RallyNov.E2E.Tests;

/// <summary>
/// The hosting administrator runs the network from the portal in Chromium: creates « Jura », the site
/// answers and its administrator signs in; then disables, enables and removes it, through the pages'
/// own buttons. axe checks every screen on the way (with and without errors), none may stick out
/// sideways on a 375 px phone, and each is photographed at 1366 px and 375 px into the temp folder
/// "rallynov-screens" (names starting with "sites-").
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class TenantAdminTests(BrowserFixture browser)
{
    private const string Password = "Essai-E2E-2026!";
    private const string JuraPassword = "Jura-Admin-2026";

    private readonly List<string> _violations = [];

    [Fact]
    public async Task The_portal_administrator_creates_Jura_which_answers_then_disables_enables_and_removes_it()
    {
        using var site = LiveSite.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, site, "", "admin", Password);

        // From the menu to the list of sites.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sites" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sites");
        await Expect(page.Locator("table.tenants tbody tr")).ToHaveCountAsync(3);
        await CheckAsync(page, "sites-liste");

        // The creation form: first sent empty, the errors are said and linked to their fields.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau site" }).ClickAsync();
        await CheckAsync(page, "sites-nouveau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le site" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Le nom technique est obligatoire");
        await Expect(page.Locator("#Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(page, "sites-nouveau-erreurs");

        await page.GetByLabel("Nom affiché").FillAsync("rally'nov Jura");
        await page.GetByLabel("Nom technique").FillAsync("Jura");
        await page.GetByLabel("Préfixe d'URL").FillAsync("jura");
        await page.GetByLabel("Territoire", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Nom d'utilisateur").FillAsync("jura-admin");
        await page.GetByLabel("Adresse e-mail").FillAsync("jura-admin@example.org");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(JuraPassword);
        await page.GetByLabel("Mot de passe (une seconde fois)").FillAsync(JuraPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le site" }).ClickAsync();

        // The installation shows its progress, then says the site is ready.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Installation de « rally'nov Jura »");
        await Expect(page.GetByText("Le site est prêt.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await CheckAsync(page, "sites-installation");

        // The site answers at its address, without a restart.
        var visitor = await context.NewPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le site" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/jura/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("rally'nov Jura");
        await page.GotoAsync(site.Url("/jura/pages/mentions-legales"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mentions légales");

        // Its administrator signs in to its own back office (another browser: no portal session).
        await using (var juraContext = await browser.NewContextAsync())
        {
            var jura = await juraContext.NewPageAsync();
            await SignInAsync(jura, site, "/jura", "jura-admin", JuraPassword);
            await Expect(jura.GetByText("Connecté en tant que")).ToContainTextAsync("jura-admin");
            await Expect(jura.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sites" })).ToHaveCountAsync(0);
        }

        // Its edit page: modules with their dependencies explained.
        await page.GotoAsync(site.Url("/admin/tenants"));
        await page.GetByRole(AriaRole.Link, new() { Name = "rally'nov Jura", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("rally'nov Jura");
        await page.GetByLabel("Initiatives", new() { Exact = true }).UncheckAsync();
        await Expect(page.Locator("#modules-notice")).ToContainTextAsync("Lauréats nécessite Initiatives");
        await Expect(page.GetByLabel("Lauréats", new() { Exact = true })).Not.ToBeCheckedAsync();
        await page.GetByLabel("Lauréats", new() { Exact = true }).CheckAsync();
        await Expect(page.GetByLabel("Initiatives", new() { Exact = true })).ToBeCheckedAsync();
        await CheckAsync(page, "sites-modifier");

        // Disabled from the list: the site answers 503 in its own look.
        await page.GotoAsync(site.Url("/admin/tenants"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver rally'nov Jura" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("est désactivé");
        var closed = await visitor.GotoAsync(site.Url("/jura/initiatives"));
        Assert.Equal(503, closed!.Status);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Site momentanément indisponible");
        await Expect(visitor.Locator("main")).ToContainTextAsync("Ce site est momentanément fermé par son administrateur.");
        await Expect(visitor).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("rally'nov Jura"));
        await CheckAsync(visitor, "sites-site-ferme-503");

        // Enabled again from its edit page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier rally'nov Jura" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Réactiver le site" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("de nouveau en service");
        Assert.Equal(200, (await visitor.GotoAsync(site.Url("/jura/initiatives")))!.Status);

        // Removed: disabled first, then its name typed on the confirmation page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver le site" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Supprimer le site…" }).ClickAsync();
        await CheckAsync(page, "sites-supprimer");
        await page.GetByLabel("Pour confirmer, tapez le nom du site").FillAsync("jura-admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer définitivement" }).ClickAsync();
        await Expect(page.Locator(".field-error")).ToContainTextAsync("Tapez « Jura » pour confirmer");
        await CheckAsync(page, "sites-supprimer-erreur");
        await page.GetByLabel("Pour confirmer, tapez le nom du site").FillAsync("Jura");
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer définitivement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("et toutes ses données ont été supprimés");
        await Expect(page.Locator("table.tenants tbody tr")).ToHaveCountAsync(3);
        Assert.False(Directory.Exists(Path.Combine(site.DataPath, "Sites", "Jura")));

        // Its address now falls to the portal's « page introuvable ».
        var gone = await visitor.GotoAsync(site.Url("/jura/initiatives"));
        Assert.Equal(404, gone!.Status);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Page introuvable");

        // The import screen, for completeness of the accessibility check.
        await page.GotoAsync(site.Url("/admin/tenants/import"));
        await CheckAsync(page, "sites-importer");

        Assert.True(_violations.Count == 0, "axe violations:\n" + string.Join("\n", _violations));
    }

    [Fact]
    public async Task The_portal_administrator_creates_a_site_whose_administrator_is_invited_and_chooses_a_password()
    {
        using var site = LiveSite.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, site, "", "admin", Password);
        await page.GotoAsync(site.Url("/admin/tenants"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau site" }).ClickAsync();

        await FillNewSiteWithInvitationAsync(page, "rally'nov Haut-Doubs", "HautDoubs", "haut-doubs", "Vide", "direction");
        await CheckAsync(page, "sites-nouveau-invitation");
        var link = await CreateAndReadInvitationAsync(page, site, "haut-doubs", "direction");
        await CheckAsync(page, "sites-installation-invitation");
        await page.ReloadAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("ne s'affiche plus");
        await Expect(page.Locator("#invitation-link")).ToHaveCountAsync(0);
        await CheckAsync(page, "sites-installation-invitation-deja-affichee");

        // The invited administrator, in a browser of their own, opens the link and chooses a password.
        await using var invitedContext = await browser.NewContextAsync();
        var invited = await invitedContext.NewPageAsync();
        await invited.GotoAsync(link);
        await ActivateAsync(invited);
        await SignInAsync(invited, site, "/haut-doubs", "direction", JuraPassword);
        await Expect(invited.GetByText("Connecté en tant que")).ToContainTextAsync("direction");
        await invited.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" }).ClickAsync();
        await Expect(invited.Locator("main")).ToContainTextAsync("direction@example.org");

        Assert.True(_violations.Count == 0, "axe violations:\n" + string.Join("\n", _violations));
    }

    [Fact]
    public async Task An_invited_administrator_of_a_new_site_sets_its_logo_colour_and_menu_and_its_public_home_shows_them()
    {
        using var site = LiveSite.Start();
        var id = BackOffice.Unique();
        var (name, prefix, displayName, user) = ("Jura" + id, "jura-" + id, "rally'nov Jura " + id, "jura-" + id);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var portalBefore = await PublicHomeAsync(context, site, "");

        // The portal administrator creates the site, its administrator to be invited.
        await SignInAsync(page, site, "", "admin", Password);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sites" }).ClickAsync();
        await CheckAsync(page, "sites-parcours-liste");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau site" }).ClickAsync();
        await FillNewSiteWithInvitationAsync(page, displayName, name, prefix, "Territoire", user);
        await CheckAsync(page, "sites-parcours-nouveau");
        var link = await CreateAndReadInvitationAsync(page, site, prefix, user);
        await CheckAsync(page, "sites-parcours-installation");

        // The invited person, in a browser of their own, opens the link, chooses a password and signs in.
        await using var invitedContext = await browser.NewContextAsync();
        var admin = await invitedContext.NewPageAsync();
        await admin.GotoAsync(link);
        await CheckAsync(admin, "sites-parcours-invitation");
        await ActivateAsync(admin);
        await CheckAsync(admin, "sites-parcours-invitation-acceptee");
        await SignInAsync(admin, site, "/" + prefix, user, JuraPassword);
        await CheckAsync(admin, "sites-parcours-tableau-de-bord");

        // « Réglages du site »: a new name, a dark green with enough contrast for white text, a PNG logo.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Réglages du site", Exact = true }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(site.Url($"/{prefix}/admin/settings"));
        await CheckAsync(admin, "sites-parcours-reglages");
        var siteName = "Réseau jurassien " + id;
        await SiteSettingsPages.FillIdentityAsync(admin, siteName, "#1b5e20");
        await Expect(admin.Locator("#PrimaryColor-contrast")).ToContainTextAsync("Contraste du blanc sur cette couleur : 7,");
        await SiteSettingsPages.SaveIdentityAsync(admin, siteName);
        await CheckAsync(admin, "sites-parcours-reglages-enregistres");

        // « Menus »: an external link at the end of the main menu.
        var linkText = "Agenda du Jura " + id;
        await admin.GetByRole(AriaRole.Link, new() { Name = "Menus", Exact = true }).ClickAsync();
        await CheckAsync(admin, "sites-parcours-menus");
        await SiteSettingsPages.AddMainMenuLinkAsync(admin, linkText, "https://www.example.org/agenda-jura");
        await Expect(SiteSettingsPages.MainMenu(admin).Locator("li.order-item", new() { HasText = linkText })).ToBeVisibleAsync();
        await CheckAsync(admin, "sites-parcours-menus-lien-ajoute");

        // The new site's public home shows them at once: name, logo, colour, the link last in the menu.
        var stored = await SiteSettingsPages.IdentityAsync(site, name);
        Assert.Equal((siteName, "#1b5e20"), (stored.DisplayName, stored.PrimaryColor));
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync(site.Url($"/{prefix}/"));
        await SiteSettingsPages.ExpectPublicIdentityAsync(visitor, stored, "rgb(27, 94, 32)");
        var added = visitor.Locator("nav.main-nav a").Last;
        await Expect(added).ToHaveTextAsync(linkText);
        await Expect(added).ToHaveAttributeAsync("href", "https://www.example.org/agenda-jura");
        await CheckAsync(visitor, "sites-parcours-accueil-public");

        // The portal's home is as it was.
        Assert.Equal(portalBefore, await PublicHomeAsync(context, site, ""));
        Assert.DoesNotContain(siteName, portalBefore.Brand);

        Assert.True(_violations.Count == 0, "axe violations:\n" + string.Join("\n", _violations));
    }

    /// <summary>What a visitor sees of a site's identity on its home: header, menu bar colour, menu links.</summary>
    private static async Task<(string Brand, string Colour, string Menu)> PublicHomeAsync(IBrowserContext context, LiveSite site, string prefix)
    {
        var visitor = await context.NewPageAsync();
        await visitor.GotoAsync(site.Url(prefix + "/"));
        var brand = (await visitor.Locator(".brand").InnerTextAsync()).Trim();
        var colour = await visitor.Locator(".main-nav").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var links = await visitor.Locator("nav.main-nav a").EvaluateAllAsync<string[]>("all => all.map(a => a.textContent.trim() + ' → ' + a.getAttribute('href'))");
        await visitor.CloseAsync();
        return (brand, colour, string.Join(" | ", links));
    }

    /// <summary>
    /// Fills « Nouveau site » for an administrator invited by a link: choosing the invitation hides the
    /// password fields, and the form says this server sends no e-mail.
    /// </summary>
    private static async Task FillNewSiteWithInvitationAsync(IPage page, string displayName, string name, string prefix, string recipe, string user)
    {
        await page.GetByLabel("Nom affiché").FillAsync(displayName);
        await page.GetByLabel("Nom technique").FillAsync(name);
        await page.GetByLabel("Préfixe d'URL").FillAsync(prefix);
        await page.GetByLabel(recipe, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Nom d'utilisateur").FillAsync(user);
        await page.GetByLabel("Adresse e-mail").FillAsync(user + "@example.org");
        await Expect(page.GetByLabel("Mot de passe (une seconde fois)")).ToBeVisibleAsync();
        await page.GetByLabel("Il le choisit lui-même, avec une invitation").CheckAsync();
        await Expect(page.GetByLabel("Mot de passe (une seconde fois)")).ToBeHiddenAsync();
        await Expect(page.Locator("#access-invitation-hint")).ToContainTextAsync("s'affiche une seule fois à la fin de l'installation");
    }

    /// <summary>« Créer le site », the installation until ready, and the invitation link it shows once.</summary>
    private static async Task<string> CreateAndReadInvitationAsync(IPage page, LiveSite site, string prefix, string user)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le site" }).ClickAsync();
        await Expect(page.GetByText("Le site est prêt.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("main")).ToContainTextAsync($"Ce serveur n'envoie pas d'e-mails : transmettez ce lien à {user}@example.org.");
        var link = await page.GetByLabel("Lien d'invitation").InputValueAsync();
        Assert.StartsWith(site.Url($"/{prefix}/admin/invitation?token="), link, StringComparison.Ordinal);
        return link;
    }

    /// <summary>On the invitation page (opened from the link): chooses the password twice and activates the account.</summary>
    private static async Task ActivateAsync(IPage invited)
    {
        await Expect(invited.Locator("h1")).ToHaveTextAsync("Activer votre compte");
        await invited.GetByLabel("Nouveau mot de passe").FillAsync(JuraPassword);
        await invited.GetByLabel("Confirmation du mot de passe").FillAsync(JuraPassword);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
    }

    private static async Task SignInAsync(IPage page, LiveSite site, string prefix, string user, string password)
    {
        await BackOffice.SubmitLoginAsync(page, site, prefix, user, password);
        await Expect(page).ToHaveURLAsync(site.Url(prefix + "/admin"));
    }

    /// <summary>axe on the current page, the phone-width overflow check, and screenshots at both widths.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        _violations.AddRange(result.Violations.Select(v => Describe(page.Url, v)));
        var folder = AdminAccessibilityTests.ScreensFolder;
        Directory.CreateDirectory(folder);
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-375.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            _violations.Add($"- {page.Url}: {overflow} px wider than a 375 px phone screen");
        }

        await page.SetViewportSizeAsync(1280, 800);
    }

    private static string Describe(string url, AxeResultItem v) =>
        $"- {url}: {v.Id} ({v.Impact}): {v.Help} → {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}";
}
