using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;

namespace RallyNov.E2E.Tests;

/// <summary>
/// The information pages of every tenant, reached the way a visitor does — by the footer's links —
/// answer 200 with no axe violation, and do not scroll sideways on a phone.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class LegalPagesAccessibilityTests(BrowserFixture browser, SampleSiteFixture sample)
{
    private static readonly string[] Titles = ["Mentions légales", "Déclaration d'accessibilité", "Données personnelles", "Plan du site"];

    [Theory]
    [InlineData("")]
    [InlineData("/bourgogne")]
    [InlineData("/franche-comte")]
    public async Task Footer_links_open_the_legal_pages_without_axe_violations(string prefix)
    {
        var site = sample.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var report = new List<string>();

        foreach (var title in Titles)
        {
            await page.GotoAsync(site.Url(prefix + "/"));
            await page.Locator("footer.site-footer").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(title);
            var result = await page.RunAxe();
            Assert.NotEmpty(result.Passes);
            report.AddRange(result.Violations.Select(v => $"- {page.Url}: {v.Id} ({v.Impact}): {v.Help}"));

            await page.SetViewportSizeAsync(375, 800);
            var sideways = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(sideways, $"{page.Url} scrolls sideways at 375 px");
            await page.SetViewportSizeAsync(1366, 900);
        }

        // The open data page and the proposal form, reached from the footer too.
        foreach (var (link, title) in new[] { ("Données ouvertes", "Données ouvertes"), ("Proposer une initiative", "Proposer une initiative") })
        {
            await page.GotoAsync(site.Url(prefix + "/"));
            await page.Locator("footer.site-footer").GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(title);
            var result = await page.RunAxe();
            report.AddRange(result.Violations.Select(v => $"- {page.Url}: {v.Id} ({v.Impact}): {v.Help}"));
        }

        // The generated map links at least one initiative of this tenant.
        await page.GotoAsync(site.Url(prefix + "/pages/plan-du-site"));
        Assert.True(await page.Locator($"nav.site-map a[href^='{prefix}/initiatives/']").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rallynov-screens", $"plan-du-site{prefix.Replace('/', '-')}-1366.png"), FullPage = true });

        Assert.True(report.Count == 0, "axe violations:\n" + string.Join("\n", report));
    }
}
