using Microsoft.Playwright;

namespace RallyNov.E2E.Tests.Infrastructure;

/// <summary>
/// One Debian Chromium for the whole run: starting a browser costs far more than a page.
/// Never downloads a browser; a missing /usr/bin/chromium fails every test with a clear message.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}, so the browser tests cannot run. " +
                "Run ./test.sh (it installs Debian's chromium package) or 'apt-get install chromium'.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Background networking is refused on a closed network; these flags keep start-up quiet and fast.
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh French-speaking browser context per test: no cookies shared between tests.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", TimezoneId = "Europe/Paris", ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>, ICollectionFixture<SampleSiteFixture>, ICollectionFixture<AdminSiteFixture>, ICollectionFixture<SettingsSiteFixture>
{
    public const string Name = "browser";
}
