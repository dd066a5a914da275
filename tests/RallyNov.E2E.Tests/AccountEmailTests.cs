using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RallyNov.E2E.Tests;

/// <summary>
/// The account journeys in Chromium, with real e-mail: the site sends through SMTP to a sink on
/// loopback, the test reads the message and follows its link in the browser. Every new page is
/// checked with axe, with and without validation errors. Set RALLYNOV_SCREENSHOTS to a folder to
/// keep 1366 px and 375 px screenshots of each.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AccountEmailTests(BrowserFixture browser, AccountEmailTests.MailSite mailSite, AdminSiteFixture withoutMail) : IClassFixture<AccountEmailTests.MailSite>
{
    private const string AdminPassword = "Essai-E2E-2026!";

    [Fact]
    public async Task Forgot_password_by_email_then_sign_in_with_the_new_password()
    {
        // Bourgogne's administrator changes password here: the other test of this site works in Franche-Comté.
        var (sink, site) = (mailSite.Sink, mailSite.Site);
        var axe = new AxeReport();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.Url("/bourgogne/admin/login"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/bourgogne/admin/forgot-password"));
        await axe.CheckAsync(page, "mot-de-passe-oublie");

        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien" }).ClickAsync();
        await Expect(page.Locator("#Login-error")).ToHaveTextAsync("Saisissez votre nom d'utilisateur ou votre adresse e-mail.");
        await Expect(page.Locator("#Login")).ToHaveAttributeAsync("aria-invalid", "true");
        await axe.CheckAsync(page, "mot-de-passe-oublie-erreur");

        await page.GetByLabel("Nom d'utilisateur ou adresse e-mail").FillAsync("admin@rallynov.local");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/bourgogne/admin/forgot-password/sent"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Si un compte correspond à ce que vous avez saisi");
        await axe.CheckAsync(page, "mot-de-passe-oublie-envoye");

        var mail = await sink.WaitForMessageAsync("admin@rallynov.local");
        Assert.Equal("Réinitialisation de votre mot de passe – rally'nov Bourgogne", mail.Subject);
        var link = SmtpSink.LinkIn(mail, "/bourgogne/admin/reset-password?token=");
        Assert.StartsWith(site.BaseUrl, link, StringComparison.Ordinal);

        // The person opens the link from the e-mail, in another browser window.
        var mailPage = await context.NewPageAsync();
        await mailPage.GotoAsync(link);
        await Expect(mailPage.Locator("h1")).ToHaveTextAsync("Nouveau mot de passe");
        await Expect(mailPage.Locator("main")).ToContainTextAsync("pour le compte admin");
        await axe.CheckAsync(mailPage, "reinitialisation");

        await mailPage.GetByLabel("Nouveau mot de passe").FillAsync("court");
        await mailPage.GetByLabel("Confirmation du mot de passe").FillAsync("autre");
        await mailPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(mailPage.Locator("#NewPassword-error")).ToContainTextAsync("au moins 10 caractères");
        await Expect(mailPage.Locator("#ConfirmPassword-error")).ToHaveTextAsync("Les deux mots de passe ne correspondent pas.");
        await Expect(mailPage.GetByLabel("Nouveau mot de passe")).ToHaveValueAsync("");
        await axe.CheckAsync(mailPage, "reinitialisation-erreurs");

        const string chosen = "Retrouve-Son-Acces-2026";
        await mailPage.GetByLabel("Nouveau mot de passe").FillAsync(chosen);
        await mailPage.GetByLabel("Confirmation du mot de passe").FillAsync(chosen);
        await mailPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(mailPage).ToHaveURLAsync(site.Url("/bourgogne/admin/login"));
        await Expect(mailPage.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre mot de passe est changé");
        await axe.CheckAsync(mailPage, "connexion-apres-reinitialisation");

        await SignInAsync(mailPage, site, "/bourgogne", "admin", AdminPassword);
        await Expect(mailPage.Locator(".alert-error")).ToContainTextAsync("Connexion impossible");
        await SignInAsync(mailPage, site, "/bourgogne", "admin", chosen);
        await Expect(mailPage).ToHaveURLAsync(site.Url("/bourgogne/admin"));

        // The link served once.
        await mailPage.GotoAsync(link);
        await Expect(mailPage.Locator("h1")).ToHaveTextAsync("Lien plus valable");
        await axe.CheckAsync(mailPage, "lien-plus-valable");
        axe.AssertClean();
    }

    [Fact]
    public async Task An_invited_person_chooses_a_password_from_the_email_and_signs_in()
    {
        var (sink, site) = (mailSite.Sink, mailSite.Site);
        var axe = new AxeReport();
        await using var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await SignInAsync(admin, site, "/franche-comte", "admin", AdminPassword);
        await Expect(admin).ToHaveURLAsync(site.Url("/franche-comte/admin"));

        await admin.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        await Expect(admin.Locator("#invitation-hint")).ToContainTextAsync("reçoit une invitation par e-mail");
        await Expect(admin.Locator("input[type=password]")).ToHaveCountAsync(0);
        await axe.CheckAsync(admin, "nouvel-utilisateur");

        var name = "camille-" + Guid.NewGuid().ToString("N")[..6];
        await admin.GetByLabel("Nom d'utilisateur").FillAsync(name);
        await admin.GetByLabel("Adresse e-mail").FillAsync("pas-une-adresse");
        await admin.GetByLabel("Auteur").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer et envoyer l'invitation" }).ClickAsync();
        await Expect(admin.Locator("#Email-error")).ToHaveTextAsync("L'adresse e-mail n'est pas valide.");
        await Expect(admin.GetByLabel("Auteur")).ToBeCheckedAsync();
        await axe.CheckAsync(admin, "nouvel-utilisateur-erreurs");

        await admin.GetByLabel("Adresse e-mail").FillAsync(name + "@example.org");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer et envoyer l'invitation" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(site.Url("/franche-comte/admin/users"));
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"une invitation a été envoyée à {name}@example.org");
        var row = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
        await Expect(row).ToContainTextAsync("Invitation en attente");
        await axe.CheckAsync(admin, "utilisateurs-invitation-en-attente");

        var mail = await sink.WaitForMessageAsync(name + "@example.org");
        Assert.Equal("Invitation au back-office de rally'nov Franche-Comté", mail.Subject);
        var link = SmtpSink.LinkIn(mail, "/franche-comte/admin/invitation?token=");

        await using var inviteeContext = await browser.NewContextAsync();
        var invitee = await inviteeContext.NewPageAsync();
        await invitee.GotoAsync(link);
        await Expect(invitee.Locator("h1")).ToHaveTextAsync("Activer votre compte");
        await Expect(invitee.Locator("main")).ToContainTextAsync(name);
        await axe.CheckAsync(invitee, "invitation");

        await invitee.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await Expect(invitee.Locator("#NewPassword-error")).ToHaveTextAsync("Saisissez le nouveau mot de passe.");
        await axe.CheckAsync(invitee, "invitation-erreurs");

        const string chosen = "Camille-Choisit-2026";
        await invitee.GetByLabel("Nouveau mot de passe").FillAsync(chosen);
        await invitee.GetByLabel("Confirmation du mot de passe").FillAsync(chosen);
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await Expect(invitee).ToHaveURLAsync(site.Url("/franche-comte/admin/login"));
        await Expect(invitee.GetByRole(AriaRole.Status)).ToContainTextAsync($"connectez-vous avec le nom d'utilisateur « {name} »");
        await SignInAsync(invitee, site, "/franche-comte", name, chosen);
        await Expect(invitee).ToHaveURLAsync(site.Url("/franche-comte/admin"));
        await Expect(invitee.Locator(".admin-user")).ToContainTextAsync(name);

        await admin.ReloadAsync();
        await Expect(row).ToContainTextAsync("Actif");

        // A second invitation, revoked by a click: its link no longer opens anything.
        var other = "dominique-" + Guid.NewGuid().ToString("N")[..6];
        await admin.GetByRole(AriaRole.Link, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        await admin.GetByLabel("Nom d'utilisateur").FillAsync(other);
        await admin.GetByLabel("Adresse e-mail").FillAsync(other + "@example.org");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer et envoyer l'invitation" }).ClickAsync();
        var otherLink = SmtpSink.LinkIn(await sink.WaitForMessageAsync(other + "@example.org"), "/admin/invitation?token=");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Révoquer l'invitation de {other}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"L'invitation de « {other} » est révoquée");
        var otherRow = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Link, new() { Name = other, Exact = true }) });
        await Expect(otherRow).ToContainTextAsync("Sans mot de passe");
        await invitee.GotoAsync(otherLink);
        await Expect(invitee.Locator("h1")).ToHaveTextAsync("Invitation plus valable");
        await axe.CheckAsync(invitee, "invitation-plus-valable");

        // Re-sent by a click: a new e-mail whose link works.
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Inviter {other}" }).ClickAsync();
        var newLink = SmtpSink.LinkIn(await sink.WaitForMessageAsync(other + "@example.org"), "/admin/invitation?token=");
        await invitee.GotoAsync(newLink);
        await Expect(invitee.Locator("h1")).ToHaveTextAsync("Activer votre compte");
        axe.AssertClean();
    }

    [Fact]
    public async Task Without_email_the_administrator_passes_on_links_shown_once()
    {
        // The shared back-office site sends no e-mail; this test only adds its own accounts.
        var site = withoutMail.Site;
        var axe = new AxeReport();
        await using var adminContext = await browser.NewContextAsync();
        await adminContext.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.BaseUrl });
        var admin = await adminContext.NewPageAsync();

        await admin.GotoAsync(site.Url("/admin/login"));
        await admin.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await Expect(admin.Locator("main")).ToContainTextAsync("Demandez à un administrateur du site");
        await Expect(admin.Locator("#Login")).ToHaveCountAsync(0);
        await axe.CheckAsync(admin, "mot-de-passe-oublie-sans-email");

        await SignInAsync(admin, site, "", "admin", AdminPassword);
        await admin.GotoAsync(site.Url("/admin/users/new"));
        await Expect(admin.Locator("#invitation-hint")).ToContainTextAsync("le lien d'invitation s'affiche une seule fois");
        await axe.CheckAsync(admin, "nouvel-utilisateur-sans-email");
        var name = "sacha-" + Guid.NewGuid().ToString("N")[..6];
        await admin.GetByLabel("Nom d'utilisateur").FillAsync(name);
        await admin.GetByLabel("Adresse e-mail").FillAsync(name + "@example.org");
        await admin.GetByLabel("Éditeur").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et son lien d'invitation" }).ClickAsync();

        await Expect(admin).ToHaveURLAsync(new Regex("/admin/users/[^/]+/link$"));
        await Expect(admin.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Le compte « {name} » est créé");
        var field = admin.GetByLabel("Lien d'invitation");
        var link = await field.InputValueAsync();
        Assert.StartsWith(site.Url("/admin/invitation?token="), link, StringComparison.Ordinal);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Copier le lien" }).ClickAsync();
        await Expect(admin.Locator("[data-copy-status]")).ToHaveTextAsync("Lien copié dans le presse-papiers.");
        Assert.Equal(link, await admin.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await axe.CheckAsync(admin, "lien-affiche-une-fois");

        await admin.ReloadAsync();
        await Expect(admin.Locator("main")).ToContainTextAsync("Ce lien ne s'affiche plus");
        await Expect(admin.Locator("#account-link")).ToHaveCountAsync(0);
        await axe.CheckAsync(admin, "lien-deja-affiche");

        await using var personContext = await browser.NewContextAsync();
        var person = await personContext.NewPageAsync();
        await person.GotoAsync(link);
        const string chosen = "Sacha-Choisit-2026";
        await person.GetByLabel("Nouveau mot de passe").FillAsync(chosen);
        await person.GetByLabel("Confirmation du mot de passe").FillAsync(chosen);
        await person.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await SignInAsync(person, site, "", name, chosen);
        await Expect(person).ToHaveURLAsync(site.Url("/admin"));

        // « Mon mot de passe », with a wrong current password first.
        await person.GetByRole(AriaRole.Link, new() { Name = "Mon mot de passe" }).ClickAsync();
        await axe.CheckAsync(person, "mon-mot-de-passe");
        await person.GetByLabel("Mot de passe actuel").FillAsync("Pas-Le-Bon-2026");
        await person.GetByLabel("Nouveau mot de passe").FillAsync("Sacha-Change-2027");
        await person.GetByLabel("Confirmation du mot de passe").FillAsync("Sacha-Change-2027");
        await person.GetByRole(AriaRole.Button, new() { Name = "Changer mon mot de passe" }).ClickAsync();
        await Expect(person.Locator("#CurrentPassword-error")).ToHaveTextAsync("Le mot de passe actuel est incorrect.");
        await axe.CheckAsync(person, "mon-mot-de-passe-erreurs");
        await person.GetByLabel("Mot de passe actuel").FillAsync(chosen);
        await person.GetByLabel("Nouveau mot de passe").FillAsync("Sacha-Change-2027");
        await person.GetByLabel("Confirmation du mot de passe").FillAsync("Sacha-Change-2027");
        await person.GetByRole(AriaRole.Button, new() { Name = "Changer mon mot de passe" }).ClickAsync();
        await Expect(person).ToHaveURLAsync(site.Url("/admin"));
        await Expect(person.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre mot de passe est changé.");

        // The administrator's « Mot de passe » action: a reset link, shown once, never a typed password.
        await admin.GotoAsync(site.Url("/admin/users"));
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Mot de passe de {name}" }).ClickAsync();
        await Expect(admin.Locator("input[type=password]")).ToHaveCountAsync(0);
        await axe.CheckAsync(admin, "mot-de-passe-utilisateur");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer un lien de réinitialisation" }).ClickAsync();
        var resetLink = await admin.GetByLabel("Lien de réinitialisation").InputValueAsync();
        await axe.CheckAsync(admin, "lien-reinitialisation-affiche");
        await person.GotoAsync(resetLink);
        await person.GetByLabel("Nouveau mot de passe").FillAsync("Sacha-Remis-2028");
        await person.GetByLabel("Confirmation du mot de passe").FillAsync("Sacha-Remis-2028");
        await person.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(person).ToHaveURLAsync(site.Url("/admin/login"));
        await SignInAsync(person, site, "", name, "Sacha-Remis-2028");
        await Expect(person).ToHaveURLAsync(site.Url("/admin"));

        // The reset page of an unknown link says to ask an administrator (no e-mail here).
        await person.GotoAsync(site.Url("/admin/reset-password?token=inconnu"));
        await Expect(person.Locator("main")).ToContainTextAsync("Demandez à un administrateur du site");
        await axe.CheckAsync(person, "lien-inconnu-sans-email");
        axe.AssertClean();
    }

    /// <summary>One site with SMTP pointed at its own sink, shared by the e-mail journeys (each in its own tenant).</summary>
    public sealed class MailSite : IDisposable
    {
        private readonly Lazy<(SmtpSink Sink, LiveSite Site)> _started = new(() =>
        {
            var sink = SmtpSink.Start();
            return (sink, LiveSite.Start(sink.Settings));
        });

        public SmtpSink Sink => _started.Value.Sink;

        public LiveSite Site => _started.Value.Site;

        public void Dispose()
        {
            if (_started.IsValueCreated)
            {
                _started.Value.Site.Dispose();
                _started.Value.Sink.Dispose();
            }
        }
    }

    private static Task SignInAsync(IPage page, LiveSite site, string prefix, string user, string password) =>
        BackOffice.SubmitLoginAsync(page, site, prefix, user, password);

    /// <summary>axe on each page (all violations gathered, reported at the end), plus optional screenshots.</summary>
    private sealed class AxeReport
    {
        private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("RALLYNOV_SCREENSHOTS");
        private readonly List<string> _violations = [];

        public async Task CheckAsync(IPage page, string name)
        {
            var result = await page.RunAxe();
            Assert.NotEmpty(result.Passes);
            _violations.AddRange(result.Violations.Select(v => Describe(name, v)));
            if (!string.IsNullOrEmpty(ScreenshotFolder))
            {
                await ScreenshotsAsync(page, name);
            }
        }

        public void AssertClean() => Assert.True(_violations.Count == 0, "axe violations:\n" + string.Join("\n", _violations));

        private static async Task ScreenshotsAsync(IPage page, string name)
        {
            Directory.CreateDirectory(ScreenshotFolder!);
            var original = page.ViewportSize;
            foreach (var width in new[] { 1366, 375 })
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder!, $"{name}-{width}.png"), FullPage = true });
            }

            if (original is not null)
            {
                await page.SetViewportSizeAsync(original.Width, original.Height);
            }
        }

        private static string Describe(string name, AxeResultItem v) =>
            $"- {name}: {v.Id} ({v.Impact}): {v.Help} → {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}";
    }
}
