using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Tenants;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Proposals.Public;
using RallyNov.Proposals.Services;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Docs;

/// <summary>
/// The editor guide's illustrations (docs/guide-editeur.md): walks the journeys the guide describes in
/// Chromium on a site with the sample content, checks at each step what the person sees, and saves the
/// screen as a PNG in docs/guide-editeur/ of the repository, so the pictures follow every change of
/// the screens. Each file name is one the guide shows; the last test checks that none is missing.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class EditorGuideScreenshotsTests(BrowserFixture browser)
{
    private const int Width = 1366;
    private const int Height = 800;

    /// <summary>As the shared login helper: the DOM is enough to go on, a loaded host may be slow to fire "load".</summary>
    private static readonly PageGotoOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 };

    /// <summary>docs/guide-editeur of the repository (found from the test binaries upwards).</summary>
    internal static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RallyNov.sln")))
            {
                dir = dir.Parent;
            }

            Assert.True(dir is not null, "The repository root (RallyNov.sln) is not above " + AppContext.BaseDirectory);
            return Path.Combine(dir.FullName, "docs", "guide-editeur");
        }
    }

    [Fact]
    public async Task The_guide_screens_are_walked_checked_and_photographed()
    {
        Directory.CreateDirectory(Folder);
        using var site = LiveSite.Start();
        await SubmitProposalAsync(site);
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();

        // Signing in, and the way back when the password is forgotten.
        await page.GotoAsync(site.Url("/admin"), Loaded);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Connexion au back-office");
        await page.GetByLabel("Nom d'utilisateur ou e-mail").FillAsync("admin");
        await ShootAsync(page, "connexion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mot de passe oublié");
        await Expect(page.Locator("main")).ToContainTextAsync("Demandez à un administrateur du site");
        await ShootAsync(page, "mot-de-passe-oublie");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à la connexion" }).ClickAsync();
        await page.GetByLabel("Nom d'utilisateur ou e-mail").FillAsync("admin");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // The dashboard, with the proposal waiting.
        await Expect(page).ToHaveURLAsync(site.Url("/admin"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("propositions? du public à examiner") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle initiative" })).ToBeVisibleAsync();
        await ShootAsync(page, "tableau-de-bord");

        // A new initiative: choose the type, fill it in, save a draft, then publish.
        await Menu(page, "Nouveau contenu").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouveau contenu");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lauréat", Exact = true })).ToBeVisibleAsync();
        await ShootAsync(page, "nouveau-contenu");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Initiative", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nouveau contenu : Initiative");
        await page.Locator("#f-Title").FillAsync("La Fabrique à vélos de Dole");
        await page.GetByLabel("Résumé").FillAsync("Un atelier où chacun apprend à réparer son vélo avec des bénévoles, et repart en selle.");
        await page.GetByLabel("Structure porteuse").FillAsync("Association Roue libre");
        await page.GetByLabel("Commune").FillAsync("Dole");
        await ShootAsync(page, "initiative-formulaire");
        await Expect(page.Locator("fieldset.media-field").First).ToContainTextAsync("Texte alternatif");
        await ShootAsync(page, "champ-image", page.Locator("fieldset.media-field").First);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Message(page)).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Modifier « La Fabrique à vélos de Dole »");
        var workflow = page.Locator(".editor-aside");
        await Expect(workflow.Locator(".content-workflow")).ToContainTextAsync("Brouillon");
        await Expect(workflow.GetByRole(AriaRole.Button, new() { Name = "Programmer la publication" })).ToBeVisibleAsync();
        await Expect(workflow.GetByRole(AriaRole.Button, new() { Name = "Soumettre pour relecture" })).ToBeVisibleAsync();
        await ShootAsync(page, "publication", workflow);
        await page.GetByLabel("Résumé").FillAsync("Un atelier où chacun apprend à réparer son vélo avec des bénévoles du quartier, puis repart en selle.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(page.Locator(".content-workflow .badge-ok")).ToHaveTextAsync("Publié");

        // Versions: the history, what changed, restoring.
        await page.GetByRole(AriaRole.Link, new() { Name = "Historique des versions" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Historique des versions");
        await Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(2);
        await ShootAsync(page, "historique-versions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Comparer à la dernière" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Modifications de la version n° 1 à la version n° 2");
        await Expect(page.Locator("table.diff")).ToContainTextAsync("Résumé");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Restaurer cette version comme brouillon" })).ToBeVisibleAsync();
        await ShootAsync(page, "comparer-versions");

        // Key figures: the one-line-per-figure field.
        await Menu(page, "Chiffres clés").ClickAsync();
        await page.Locator("main table tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Modifier «");
        await Expect(page.Locator("#f-Figures")).ToHaveValueAsync(new Regex(@"\d+ \| "));
        await ShootAsync(page, "chiffres-cles");

        // The media library.
        await Menu(page, "Médiathèque").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Médiathèque");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Envoyer des fichiers" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "illustrations", Exact = true }).ClickAsync();
        await Expect(page.Locator("main table thead")).ToContainTextAsync("Texte alternatif");
        await ShootAsync(page, "mediatheque");
        await Expect(page.Locator("main table tbody tr").First).ToContainTextAsync("Modifier");
        await ShootAsync(page, "mediatheque-fichiers", page.Locator("main table"), maxHeight: 560);

        // Proposals from the public.
        await Menu(page, "Propositions").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Propositions du public");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ressourcerie des Tilleuls" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Proposition « Ressourcerie des Tilleuls »");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accepter et compléter le brouillon" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Refuser" })).ToBeVisibleAsync();
        await ShootAsync(page, "proposition", fullPage: true);

        // Site settings: identity and menus.
        await Menu(page, "Réglages du site").ClickAsync();
        await Expect(page.GetByLabel("Nom du site")).ToHaveValueAsync(new Regex("rally'nov"));
        await ShootAsync(page, "reglages-identite");
        await page.Locator("nav.settings-tabs").GetByRole(AriaRole.Link, new() { Name = "Menus" }).ClickAsync();
        await Expect(SiteSettingsPages.MainMenu(page)).ToBeVisibleAsync();
        await Expect(SiteSettingsPages.MainMenu(page).GetByRole(AriaRole.Button, new() { Name = "Ajouter le lien" })).ToBeVisibleAsync();
        await ShootAsync(page, "reglages-menus");

        // Vocabularies.
        await Menu(page, "Vocabulaires").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Vocabulaires");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thèmes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ajouter un terme" })).ToBeVisibleAsync();
        await ShootAsync(page, "vocabulaire-themes");

        // Users: an invitation without e-mail, opened by the new person.
        await Menu(page, "Utilisateurs").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Utilisateurs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel utilisateur" }).ClickAsync();
        await page.GetByLabel("Nom d'utilisateur").FillAsync("camille");
        await page.GetByLabel("Adresse e-mail").FillAsync("camille@example.org");
        await page.GetByLabel("Éditeur", new() { Exact = true }).CheckAsync();
        await ShootAsync(page, "nouvel-utilisateur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte et son lien d'invitation" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lien d'invitation de camille");
        var link = await page.GetByLabel("Lien d'invitation").InputValueAsync();
        Assert.StartsWith(site.BaseUrl + "/admin/invitation", link, StringComparison.Ordinal);
        await ShootAsync(page, "lien-invitation");
        await using (var newcomer = await browser.NewContextAsync(Width, Height))
        {
            var invited = await newcomer.NewPageAsync();
            await invited.GotoAsync(link, Loaded);
            await Expect(invited.Locator("h1")).ToHaveTextAsync("Activer votre compte");
            await Expect(invited.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" })).ToBeVisibleAsync();
            await ShootAsync(invited, "activer-compte");
        }

        await Menu(page, "Rôles").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Rôles et permissions");
        await ShootAsync(page, "roles");

        // The portal's sites: the list and the form of a new territory.
        await Menu(page, "Sites").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sites");
        await Expect(page.Locator("table.tenants tbody tr")).ToHaveCountAsync(3);
        await ShootAsync(page, "sites");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouveau site" }).ClickAsync();
        await page.GetByLabel("Nom affiché").FillAsync("rally'nov Jura");
        await page.GetByLabel("Nom technique").FillAsync("Jura");
        await page.GetByLabel("Préfixe d'URL").FillAsync("jura");
        await page.GetByLabel("Territoire", new() { Exact = true }).CheckAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Créer le site" })).ToBeVisibleAsync();
        await ShootAsync(page, "nouveau-site", fullPage: true);
    }

    /// <summary>Every picture the guide shows exists in docs/guide-editeur/, and every picture there is shown.</summary>
    [Fact]
    public void The_guide_shows_each_saved_picture_and_no_missing_one()
    {
        var guide = File.ReadAllText(Path.Combine(Folder, "..", "guide-editeur.md"));
        var shown = Regex.Matches(guide, @"!\[[^\]]+\]\(guide-editeur/([a-z0-9-]+\.png)\)").Select(m => m.Groups[1].Value).ToHashSet();
        var saved = Directory.GetFiles(Folder, "*.png").Select(Path.GetFileName).ToHashSet();
        Assert.NotEmpty(shown);
        Assert.Empty(shown.Except(saved!));
        Assert.Empty(saved.Except(shown)!);
    }

    private static ILocator Menu(IPage page, string entry) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Menu du back-office" }).GetByRole(AriaRole.Link, new() { Name = entry, Exact = true });

    /// <summary>The screen (or one part of it) at 1366 px, once its images have loaded; no caret, no animation.</summary>
    private static async Task ShootAsync(IPage page, string name, ILocator? part = null, bool fullPage = false, int? maxHeight = null)
    {
        // A loaded host (2 cores, several test runs) can take long: the pictures must be complete, the time is secondary.
        await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 60_000 });
        // Lazy images below the fold would never load: ask for all of them, then wait.
        await page.EvaluateAsync("() => { for (const i of document.images) { i.loading = 'eager'; } }");
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)", null, new() { Timeout = 60_000 });
        var path = Path.Combine(Folder, name + ".png");
        if (part is not null && maxHeight is { } most)
        {
            // The top of a long part (the first rows of a table): a clip of the whole page, in page coordinates.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            var box = (await part.BoundingBoxAsync())!;
            await page.ScreenshotAsync(new() { Path = path, FullPage = true, Clip = new() { X = box.X, Y = box.Y, Width = box.Width, Height = Math.Min(box.Height, most) }, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        }
        else if (part is not null)
        {
            await part.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        }
        else
        {
            // From the top of the page, as it opens, without the focus ring of the last field typed in.
            await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
            await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        }

        Assert.True(new FileInfo(path).Length < 400_000, $"{name}.png weighs {new FileInfo(path).Length} bytes: show less of the screen.");
    }

    /// <summary>A proposal from the public, as the form stores it (the form has its own tests).</summary>
    private static Task SubmitProposalAsync(LiveSite site) => InTenantAsync(site, "Default", async sp =>
    {
        var target = sp.GetRequiredService<ITenantStore>().Find("Default")!;
        var form = new ProposalForm
        {
            StructureName = "Ressourcerie des Tilleuls",
            StructureKind = "association",
            ContactName = "Dominique Exemple",
            Email = "dominique@example.org",
            City = "Dijon",
            Departement = "21",
            WhatItDoes = "Une ressourcerie où les habitants déposent, réparent et revendent des objets du quotidien.",
            WhatIsNew = "Les personnes en insertion y animent des ateliers de réparation ouverts à tout le quartier.",
            Consent = true,
        };
        var result = await sp.GetRequiredService<ProposalSubmission>().SubmitAsync(form, target, target.DisplayName, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return true;
    });
}
