using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RallyNov.E2E.Tests;

/// <summary>
/// axe-core on the back-office screens an administrator uses every day: the editors' tools must be
/// as accessible as the public site. Reads only (the sign-in adds an audit entry, nothing else).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AdminAccessibilityTests(BrowserFixture browser, SampleSiteFixture sample)
{
    private const string Prefix = "/franche-comte";

    [Fact]
    public async Task Back_office_screens_have_no_axe_violations()
    {
        var site = sample.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(Prefix + "/admin/login"));
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync("Essai-E2E-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url(Prefix + "/admin"));

        var report = new List<string>();
        foreach (var path in new[] { "/admin", "/admin/contents", "/admin/contents?status=published&type=Laureate", "/admin/contents/new/Event", "/admin/media", "/admin/audit", "/admin/users", "/admin/roles", "/admin/recherche" })
        {
            await CheckAsync(page, site.Url(Prefix + path), report);
        }

        // An existing item: its form, its history and the diff of its first version.
        await page.GotoAsync(site.Url(Prefix + "/admin/contents?type=Laureate"));
        var edit = await page.Locator("main a[href$='/edit']").First.GetAttributeAsync("href");
        await CheckAsync(page, site.Url(edit!), report);
        var versions = edit!.Replace("/edit", "/versions", StringComparison.Ordinal);
        await CheckAsync(page, site.Url(versions), report);
        var version = await page.Locator($"main a[href^='{versions}/']").First.GetAttributeAsync("href");
        await CheckAsync(page, site.Url(version!), report);

        Assert.True(report.Count == 0, "axe violations:\n" + string.Join("\n", report));
    }

    private static async Task CheckAsync(IPage page, string url, List<string> report)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response!.Status == 200, $"{url} answered {response.Status}");
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        report.AddRange(result.Violations.Select(v => Describe(url, v)));
    }

    private static string Describe(string url, AxeResultItem v) =>
        $"- {url}: {v.Id} ({v.Impact}): {v.Help} → {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}";
}
