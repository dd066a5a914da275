using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using RallyNov.E2E.Tests.Infrastructure;

namespace RallyNov.E2E.Tests;

/// <summary>axe-core on the public pages: zero violations, whatever their impact.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/", 200)]
    [InlineData("/bourgogne", 200)]
    [InlineData("/franche-comte", 200)]
    [InlineData("/franche-comte/pages/conditions-favorables-innovation-sociale", 200)]
    [InlineData("/page-qui-n-existe-pas", 404)]
    [InlineData("/bourgogne/pages/inconnue", 404)]
    public async Task Page_has_no_axe_violations(string path, int status)
    {
        using var site = LiveSite.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(site.Url(path));
        Assert.Equal(status, response!.Status);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
        Assert.NotEmpty(result.Passes); // axe really ran on a rendered page
    }

    private static string Describe(AxeResultItem[] violations) =>
        "axe violations:\n" + string.Join("\n", violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} → {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
}
