using Microsoft.Playwright;

namespace RallyNov.E2E.Tests.Infrastructure;

/// <summary>Files given to a page the other way people do: dragged from the desktop and dropped, or pasted.</summary>
public static class BrowserFiles
{
    /// <summary>Drops files on <paramref name="target"/> as a browser does: dragenter, dragover, then drop, with a real DataTransfer.</summary>
    public static Task DropAsync(ILocator target, params FilePayload[] files) =>
        target.EvaluateAsync(
            """
            (element, files) => {
              const transfer = new DataTransfer();
              for (const file of files) {
                const bytes = Uint8Array.from(atob(file.data), c => c.charCodeAt(0));
                transfer.items.add(new File([bytes], file.name, { type: file.type }));
              }
              for (const type of ['dragenter', 'dragover', 'drop']) {
                element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
              }
            }
            """,
            files.Select(f => new { name = f.Name, type = f.MimeType, data = Convert.ToBase64String(f.Buffer) }).ToArray());

    /// <summary>Pastes clipboard HTML (and its plain text) into <paramref name="target"/>, as from a word processor.</summary>
    public static Task PasteHtmlAsync(ILocator target, string html, string text) =>
        target.EvaluateAsync(
            """
            (element, clip) => {
              element.focus();
              const data = new DataTransfer();
              data.setData('text/html', clip.html);
              data.setData('text/plain', clip.text);
              element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """,
            new { html, text });

    /// <summary>Screenshots at 1366 and 375 px wide into the folder the accessibility test uses, to look at.</summary>
    public static async Task PhotographAsync(IPage page, string name)
    {
        Directory.CreateDirectory(AdminAccessibilityTests.ScreensFolder);
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(1366, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AdminAccessibilityTests.ScreensFolder, name + "-1366.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AdminAccessibilityTests.ScreensFolder, name + "-375.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name} is {overflow} px wider than a 375 px phone screen.");
        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }
}
