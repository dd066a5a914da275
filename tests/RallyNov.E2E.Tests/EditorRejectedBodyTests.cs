using Microsoft.Playwright;
using RallyNov.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RallyNov.E2E.Tests;

/// <summary>
/// A refused save shows the form again with the body as it was sent: the rich text editor must
/// render it without running any of its markup (it used to go through innerHTML as is).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class EditorRejectedBodyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_rejected_body_is_shown_cleaned_and_runs_nothing()
    {
        using var site = LiveSite.Start();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/bourgogne/admin/login"));
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync("Essai-E2E-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url("/bourgogne/admin"));
        await page.GotoAsync(site.Url("/bourgogne/admin/contents/new/Page"));
        await Expect(page.Locator("#f-Body-editor")).ToBeVisibleAsync();

        // What a crafted post (or a paste the server refuses) sends: no title, a body with handlers.
        // The form's own submit() (its buttons are named "submit", hence the prototype) skips the
        // editor's submit handler: the textarea is posted as it is, as a forged request would be.
        await page.EvaluateAsync("""
            () => {
              document.querySelector('#f-Body').value =
                '<p>Texte gardé</p><img src="x" onerror="window.__xss = (window.__xss || 0) + 1">' +
                '<a href="javascript:window.__xss=2">lien</a><script>window.__xss = 3</script>';
              HTMLFormElement.prototype.submit.call(document.querySelector('form.editor-form'));
            }
            """);
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-Body-editor")).ToContainTextAsync("Texte gardé");

        // The broken image has had time to fail; nothing ran, and nothing able to run is left.
        await page.WaitForTimeoutAsync(500);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await page.Locator("#f-Body-editor [onerror], #f-Body-editor script").CountAsync());
        Assert.Equal(0, await page.Locator("#f-Body-editor a[href^='javascript']").CountAsync());
        await page.Locator("#f-Body-editor a").ClickAsync(new() { Force = true });
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    }
}
