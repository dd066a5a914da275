using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests;

/// <summary>
/// The content security policy (scripts, styles, images, connections: the site's own files only)
/// must hold on every page without breaking a script: Chromium walks the public and back-office
/// pages, uses their scripts (search suggestions, the rich-text toolbar, the Markdown preview) and fails on any CSP report in the console or any script error.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, AdminSiteFixture admin)
{
    private static readonly string[] Lists = ["/initiatives", "/laureats", "/evenements", "/partenaires", "/actualites"];

    [Fact]
    public async Task Public_pages_and_their_scripts_raise_no_csp_violation()
    {
        var site = admin.Site;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = Watch(page);
        var visited = 0;
        foreach (var (_, prefix) in BackOffice.Tenants)
        {
            var home = await page.GotoAsync(site.Url(prefix + "/"));
            Assert.Equal(200, home!.Status);
            var headers = await home.AllHeadersAsync();
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.False(headers.ContainsKey("server"), "Server banner: " + headers.GetValueOrDefault("server"));

            // The search box's suggestions are fetched by script.
            await page.Locator("#site-search-q").FillAsync("innov");
            await Expect(page.Locator("#site-search-suggestions li").First).ToBeVisibleAsync();
            visited++;
            foreach (var list in Lists)
            {
                await page.GotoAsync(site.Url(prefix + list));
                visited++;
                var link = page.Locator($"main a[href^='{prefix}{list}/']:not([href$='.ics'])").First;
                if (await link.CountAsync() > 0)
                {
                    await page.GotoAsync(site.Url((await link.GetAttributeAsync("href"))!));
                    visited++;
                }
            }

            await page.GotoAsync(site.Url(prefix + "/recherche?q=innovation"));
            await page.GotoAsync(site.Url(prefix + "/page-qui-n-existe-pas"));
            visited += 2;
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems on {visited} pages:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Back_office_pages_and_their_scripts_raise_no_csp_violation()
    {
        var site = admin.Site;
        const string prefix = "/franche-comte";
        var item = await DraftAsync(site, "FrancheComte", "Initiative", "Politique " + Unique());
        await using var context = await browser.NewContextAsync(1366, 900);
        var page = await SignInAsync(context, site, prefix);
        var problems = Watch(page);
        string[] screens =
        [
            "/admin", "/admin/contents", "/admin/contents/new", "/admin/contents/new/Event", "/admin/contents/new/KeyFigures",
            $"/admin/contents/{item.ContentItemId}/versions", "/admin/media", "/admin/recherche", "/admin/users",
            "/admin/users/new", "/admin/roles", "/admin/audit", "/admin/account/password",
        ];
        foreach (var path in screens)
        {
            var response = await page.GotoAsync(site.Url(prefix + path));
            Assert.True(response!.Status == 200, $"{path} answered {response.Status}");
            var headers = await response.AllHeadersAsync();
            Assert.Equal("DENY", headers["x-frame-options"]);
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        }

        // The editor's scripts: the rich-text toolbar (Initiative), the Markdown preview by fetch (KeyFigures), the draft preview.
        await page.GotoAsync(site.Url($"{prefix}/admin/contents/{item.ContentItemId}/edit"));
        await page.Locator(".pell-content").First.ClickAsync();
        await page.Keyboard.TypeAsync("Texte en gras");
        await page.Locator(".pell-button").First.ClickAsync();
        await page.GotoAsync(site.Url(prefix + "/admin/contents/new/KeyFigures"));
        await page.Locator("textarea").First.FillAsync("143 | participants");
        await page.Locator("[data-markdown-preview-for]").First.ClickAsync();
        await Expect(page.GetByText("Aperçu :").First).ToBeVisibleAsync();
        await page.GotoAsync(site.Url($"{prefix}/admin/contents/{item.ContentItemId}/preview"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Every CSP report Chromium writes to the console, and every uncaught script error.</summary>
    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // Not every "error": the 404 page logs its own status as a failed resource.
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{page.Url}: [{message.Type}] {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: script error {error}");
        return problems;
    }
}
