using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests.Admin;

/// <summary>
/// An editor types an initiative's impact in the content editor (a wrong figure first, explained
/// and kept), publishes it, and a visitor sees the figures on its page and added to the site's
/// sums on the home page and on the map of /initiatives.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class ImpactIndicatorsTests(BrowserFixture browser, AdminSiteFixture admin)
{
    private static string Screens => Path.Combine(Path.GetTempPath(), "rallynov-screens");

    [Fact]
    public async Task Impact_typed_in_the_editor_shows_on_the_page_and_in_the_home_and_map_sums()
    {
        var site = admin.Site;
        const string prefix = "/bourgogne";
        await using var context = await browser.NewContextAsync();
        var visitor = await context.NewPageAsync();
        var homeBefore = await HomeJobsAsync(visitor, site.Url(prefix + "/"));
        var page = await SignInAsync(context, site, prefix);
        var title = "Recyclerie solidaire " + Unique();

        await page.GotoAsync(site.Url(prefix + "/admin/contents/new/Initiative"));
        await page.Locator("#f-Title").FillAsync(title);
        await page.Locator("#f-Departement").SelectOptionAsync("21");
        await page.GetByLabel("Impact : emplois créés ou maintenus").FillAsync("douze");
        await page.GetByLabel("Impact : personnes touchées").FillAsync("1 200");
        await page.GetByLabel("Impact : bénévoles").FillAsync("35");
        await page.GetByLabel("Impact : année de mesure").FillAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();

        // Refused in French next to the field, everything typed still there.
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Le contenu n'a pas été enregistré");
        await Expect(page.Locator("#f-ImpactJobs")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#f-ImpactJobs-error")).ToContainTextAsync("doit être un nombre");
        await Expect(page.Locator("#f-ImpactJobs")).ToHaveValueAsync("douze");
        await Expect(page.Locator("#f-ImpactPeople")).ToHaveValueAsync("1 200");
        await Expect(page.Locator("#f-Title")).ToHaveValueAsync(title);
        await AssertAccessibleAsync(page, "initiative editor with an impact error");

        await page.GetByLabel("Impact : emplois créés ou maintenus").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(Message(page)).ToContainTextAsync("« " + title + " » est publié.");
        var stored = (await LatestAsync(site, "Bourgogne", IdFromEditUrl(page.Url)))!;
        Assert.Equal(12, stored.Content["ImpactJobs"]!.GetValue<long>());
        Assert.Equal(1200, stored.Content["ImpactPeople"]!.GetValue<long>());
        Assert.Equal(35, stored.Content["ImpactVolunteers"]!.GetValue<long>());
        Assert.Null(stored.Content["ImpactPartners"]);

        // The initiative's page: only the declared figures.
        await visitor.GotoAsync(site.Url(prefix + "/initiatives/" + stored.Slug));
        var impact = visitor.Locator("section.impact-summary");
        await Expect(impact.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Impact en 2025");
        await Expect(impact.Locator("li")).ToHaveTextAsync([new Regex("^12 emplois créés ou maintenus$"), new Regex("^1\\s200 personnes touchées$"), new Regex("^35 bénévoles$")]);
        await Expect(impact).Not.ToContainTextAsync("partenaire");
        await visitor.SetViewportSizeAsync(375, 800);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Screens, "initiative-impact-375.png"), FullPage = true });
        await visitor.SetViewportSizeAsync(1366, 900);

        // The site's home adds them up at once.
        Assert.Equal(homeBefore + 12, await HomeJobsAsync(visitor, site.Url(prefix + "/")));
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Screens, "home-impact-1366.png"), FullPage = true });

        // So does the map, in Côte-d'Or.
        await visitor.GotoAsync(site.Url(prefix + "/initiatives"));
        await Expect(visitor.Locator(".map-impact li", new() { HasText = "Côte-d'Or" })).ToContainTextAsync(new Regex("emplois?"));
    }

    /// <summary>The jobs the home page sums (0 when none is declared), read from what the visitor sees.</summary>
    private static async Task<long> HomeJobsAsync(IPage visitor, string url)
    {
        await visitor.GotoAsync(url);
        var figures = visitor.Locator(".home-section .impact-figures li", new() { HasText = "emploi" });
        if (await figures.CountAsync() == 0)
        {
            return 0;
        }

        var text = await figures.Locator("strong").InnerTextAsync();
        return long.Parse(Digits().Replace(text, ""), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();
}
