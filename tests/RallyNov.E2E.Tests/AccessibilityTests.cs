using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;
using RallyNov.E2E.Tests.Infrastructure;

namespace RallyNov.E2E.Tests;

/// <summary>axe-core on the public pages: zero violations, whatever their impact.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, SampleSiteFixture sample)
{
    [Theory]
    [InlineData("/", 200)]
    [InlineData("/bourgogne", 200)]
    [InlineData("/franche-comte", 200)]
    [InlineData("/franche-comte/pages/conditions-favorables-innovation-sociale", 200)]
    [InlineData("/page-qui-n-existe-pas", 404)]
    [InlineData("/bourgogne/pages/inconnue", 404)]
    [InlineData("/franche-comte/initiatives/inconnue", 404)]
    public async Task Page_has_no_axe_violations(string path, int status)
    {
        var site = sample.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(site.Url(path));
        Assert.Equal(status, response!.Status);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
        Assert.NotEmpty(result.Passes); // axe really ran on a rendered page
    }

    [Fact]
    public async Task Disabled_tenant_page_is_french_and_has_no_axe_violations()
    {
        using var site = LiveSite.Start();
        var store = site.Services.GetRequiredService<ITenantStore>();
        var bourgogne = store.Find("Bourgogne")!.Clone();
        bourgogne.State = TenantState.Disabled;
        await store.SaveAsync(bourgogne, CancellationToken.None);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(site.Url("/bourgogne"));

        Assert.Equal(503, response!.Status);
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("momentanément fermé", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, Describe(result.Violations));
    }

    [Fact]
    public async Task Axe_check_does_report_a_real_violation()
    {
        // Guards the guard: a page with an image without alt text must not pass.
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"fr\"><head><title>Essai</title></head><body><main><h1>Essai</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");

        var result = await page.RunAxe();

        Assert.Contains(result.Violations, v => v.Id == "image-alt");
    }

    private static string Describe(AxeResultItem[] violations) =>
        "axe violations:\n" + string.Join("\n", violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} → {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
}
