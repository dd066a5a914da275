using System.Diagnostics;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Tenants;
using RallyNov.E2E.Tests.Infrastructure;

namespace RallyNov.E2E.Tests;

/// <summary>
/// Every kind of public page of each tenant — home, list, a detail page of each type, search, 404
/// and 503 — as a visitor gets it: screenshots at 1366 and 375 px written to docs/screenshots/ on
/// every run (to look at), axe-core with no violation, the Nu Html Checker with no error on the
/// HTML the server sent, and the weight of a first visit (≤ 100 KB without images, ≤ 300 KB with).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class PublicLookTests(BrowserFixture browser, SampleSiteFixture sample)
{
    private const long BudgetWithoutImages = 100 * 1024;
    private const long BudgetWithImages = 300 * 1024;
    private static readonly string[] Lists = ["/initiatives", "/laureats", "/evenements", "/partenaires", "/actualites"];

    [Theory]
    [InlineData("", "Default", "portail")]
    [InlineData("/bourgogne", "Bourgogne", "bourgogne")]
    [InlineData("/franche-comte", "FrancheComte", "franche-comte")]
    public async Task Public_pages_look_finished_validate_and_stay_light(string prefix, string tenantName, string label)
    {
        var site = sample.Site;
        var problems = new List<string>();
        var htmlFolder = Directory.CreateTempSubdirectory("rallynov-vnu-").FullName;
        var pages = new List<(string Name, string Path)> { ("accueil", prefix + "/"), ("liste", prefix + "/initiatives") };

        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            foreach (var list in Lists)
            {
                await page.GotoAsync(site.Url(prefix + list));
                var link = page.Locator($"main a[href^='{prefix}{list}/']:not([href$='.ics'])").First;
                if (await link.CountAsync() > 0)
                {
                    pages.Add(("detail-" + list.Trim('/'), (await link.GetAttributeAsync("href"))!));
                }
            }
        }

        pages.Add(("recherche", prefix + "/recherche?q=innovation"));
        pages.Add(("404", prefix + "/cette-page-n-existe-pas"));
        Assert.True(pages.Count >= 6, $"only {pages.Count} pages found under '{prefix}'");

        foreach (var (name, path) in pages)
        {
            await CheckAsync(site, label, name, path, name == "404" ? 404 : 200, htmlFolder, problems);
        }

        // The 503 of a disabled tenant, in its own look: the tenant is switched off for the shot only.
        var store = site.Services.GetRequiredService<ITenantStore>();
        var tenant = store.Find(tenantName)!.Clone();
        tenant.State = TenantState.Disabled;
        await store.SaveAsync(tenant, CancellationToken.None);
        try
        {
            await CheckAsync(site, label, "503", prefix + "/", 503, htmlFolder, problems);
        }
        finally
        {
            tenant.State = TenantState.Running;
            await store.SaveAsync(tenant, CancellationToken.None);
        }

        problems.AddRange(await HtmlCheckerErrorsAsync(htmlFolder));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task CheckAsync(LiveSite site, string label, string name, string path, int status, string htmlFolder, List<string> problems)
    {
        // A first visit: a fresh context, nothing cached; bytes counted as transferred.
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        var main = await page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(status, main!.Status);
        File.WriteAllText(Path.Combine(htmlFolder, $"{label}-{name}.html"), await main.TextAsync());

        long withoutImages = 0, images = 0;
        foreach (var response in responses)
        {
            // Every stylesheet, script and picture of the page answers — the 503 page's included.
            if (response != main && response.Status >= 400)
            {
                problems.Add($"- {path}: {response.Url} answered {response.Status}");
            }

            var sizes = await response.Request.SizesAsync();
            var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            if (response.Request.ResourceType == "image")
            {
                images += bytes;
            }
            else
            {
                withoutImages += bytes;
            }
        }

        if (withoutImages > BudgetWithoutImages || withoutImages + images > BudgetWithImages)
        {
            problems.Add($"- {path}: {withoutImages} bytes without images, {withoutImages + images} with");
        }

        var axe = await page.RunAxe();
        Assert.NotEmpty(axe.Passes);
        problems.AddRange(axe.Violations.Select(v => $"- {path}: axe {v.Id}: {v.Help} → {string.Join(", ", v.Nodes.Select(n => n.Html))}"));

        // Lazy pictures load as the visitor scrolls: scroll through once so the full-page shots show them.
        await page.EvaluateAsync("async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 60)); } window.scrollTo(0, 0); }");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var folder = ScreenshotFolder();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{label}-{name}-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 812);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{label}-{name}-375.png"), FullPage = true });
    }

    /// <summary>docs/screenshots of the repository (found from the test binaries upwards).</summary>
    private static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RallyNov.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs the Nu Html Checker (vnu.jar, installed by ./test.sh) on the saved pages; its errors, one line each.</summary>
    private static async Task<IReadOnlyList<string>> HtmlCheckerErrorsAsync(string folder)
    {
        var jar = Environment.GetEnvironmentVariable("RALLYNOV_VNU_JAR");
        if (string.IsNullOrEmpty(jar))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RallyNov.sln")))
            {
                dir = dir.Parent;
            }

            jar = Path.Combine(dir?.FullName ?? "", "tools", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        }

        Assert.True(File.Exists(jar), $"The Nu Html Checker is missing ({jar}): run ./test.sh, or 'npm install' in tools/vnu.");
        var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(Directory.GetFiles(folder, "*.html").Order()))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errorText = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = await errorText;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => $"- vnu {Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString() : "?")}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
    }
}
