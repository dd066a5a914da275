using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using RallyNov.Media.Services;
using RallyNov.Users.Services;
using static Microsoft.Playwright.Assertions;
using static RallyNov.E2E.Tests.Infrastructure.BackOffice;

namespace RallyNov.E2E.Tests;

/// <summary>
/// axe-core on every back-office screen, as an administrator sees it (the screens with validation
/// errors are checked by the tests that make the errors). Each screen is also photographed at
/// 1366 px and 375 px wide into the temp folder "rallynov-screens", to look at.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AdminAccessibilityTests(BrowserFixture browser, AdminSiteFixture admin)
{
    private const string Prefix = "/franche-comte";

    public static string ScreensFolder => Path.Combine(Path.GetTempPath(), "rallynov-screens");

    [Fact]
    public async Task Back_office_screens_have_no_axe_violations()
    {
        var site = admin.Site;
        var unique = Unique();
        var (media, userId) = await InTenantAsync(site, "FrancheComte", async sp =>
        {
            using var png = new MemoryStream(Png());
            var upload = await sp.GetRequiredService<IMediaLibrary>().UploadAsync(new MediaUpload("", "ecran-" + unique + ".png", png, png.Length, "Capture", null, "admin"), CancellationToken.None);
            var users = sp.GetRequiredService<IUserAdministration>();
            await users.CreateAsync("ecran-" + unique, "ecran-" + unique + "@example.org", UserPassword, ["Author"], CancellationToken.None);
            return (upload.File!.Path, (await users.FindByNameAsync("ecran-" + unique, CancellationToken.None))!.Id);
        });
        var item = await DraftAsync(site, "FrancheComte", "Event", "Écran " + unique);
        Directory.CreateDirectory(ScreensFolder);

        await using var context = await browser.NewContextAsync(1366, 900);
        var anonymous = await context.NewPageAsync();
        var report = new List<string>();
        await CheckAsync(anonymous, site.Url(Prefix + "/admin/login"), "login", report);
        await anonymous.SetViewportSizeAsync(1366, 900);
        await anonymous.Locator("#UserName").FillAsync("admin");
        await anonymous.Locator("#Password").FillAsync("pas le bon");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(anonymous.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await AssertAccessibleAsync(anonymous, "login with its error");
        await anonymous.CloseAsync();
        var page = await SignInAsync(context, site, Prefix);

        var screens = new (string Name, string Path)[]
        {
            ("dashboard", "/admin"),
            ("contents", "/admin/contents"),
            ("contents-laureates", "/admin/contents?status=published&type=Laureate"),
            ("contents-bin", "/admin/contents?status=deleted"),
            ("new-choose", "/admin/contents/new"),
            ("new-event", "/admin/contents/new/Event"),
            ("new-initiative", "/admin/contents/new/Initiative"),
            ("new-laureate", "/admin/contents/new/Laureate"),
            ("new-keyfigures", "/admin/contents/new/KeyFigures"),
            ("edit-event", $"/admin/contents/{item.ContentItemId}/edit"),
            ("versions", $"/admin/contents/{item.ContentItemId}/versions"),
            ("version", $"/admin/contents/{item.ContentItemId}/versions/{item.ContentItemVersionId}"),
            ("delete-confirm", $"/admin/contents/{item.ContentItemId}/delete"),
            ("media", "/admin/media"),
            ("media-edit", "/admin/media/edit?path=" + Uri.EscapeDataString(media)),
            ("media-delete", "/admin/media/delete?path=" + Uri.EscapeDataString(media)),
            ("search", "/admin/recherche"),
            ("users", "/admin/users"),
            ("user-new", "/admin/users/new"),
            ("user-edit", "/admin/users/" + userId),
            ("user-password", $"/admin/users/{userId}/password"),
            ("roles", "/admin/roles"),
            ("audit", "/admin/audit"),
        };
        foreach (var (name, path) in screens)
        {
            await CheckAsync(page, site.Url(Prefix + path), name, report);
        }

        Assert.True(report.Count == 0, "axe violations:\n" + string.Join("\n", report));
    }

    // The innermost elements that stick out of the viewport, outside any box that scrolls them.
    private const string WidestElements = """
        () => {
          const width = document.documentElement.clientWidth;
          const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o !== 'visible') return true; } return false; };
          return [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1) && !clipped(e))
            .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px').join(', ');
        }
        """;

    private static async Task CheckAsync(IPage page, string url, string name, List<string> report)
    {
        await page.SetViewportSizeAsync(1366, 900);
        var response = await page.GotoAsync(url);
        Assert.True(response!.Status == 200, $"{url} answered {response.Status}");
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page);
        Assert.NotEmpty(result.Passes);
        report.AddRange(result.Violations.Select(v => $"- {url}: " + Describe([v])[2..]));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreensFolder, name + "-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreensFolder, name + "-375.png"), FullPage = true });
        // Nothing may stick out sideways on a phone: the page scrolls down, not across.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            var culprits = await page.EvaluateAsync<string>(WidestElements);
            report.Add($"- {url}: {overflow} px wider than a 375 px phone screen ({culprits})");
        }
    }
}
