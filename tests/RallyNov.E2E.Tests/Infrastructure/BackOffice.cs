using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;
using RallyNov.Users.Services;
using static Microsoft.Playwright.Assertions;

namespace RallyNov.E2E.Tests.Infrastructure;

/// <summary>What the back-office tests do again and again: sign in by the form, read the stored data, run axe.</summary>
public static class BackOffice
{
    public const string AdminPassword = "Essai-E2E-2026!";
    public const string UserPassword = "Essai-Utilisateur-2026";

    /// <summary>The three tenants: (tenant name, URL prefix).</summary>
    public static readonly (string Tenant, string Prefix)[] Tenants = [("Default", ""), ("Bourgogne", "/bourgogne"), ("FrancheComte", "/franche-comte")];

    public static string TenantOf(string prefix) => Tenants.First(t => t.Prefix == prefix).Tenant;

    /// <summary>Signs in through the login page, as a person does, and lands on the dashboard.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, LiveSite site, string prefix, string user = "admin", string password = AdminPassword)
    {
        var page = await context.NewPageAsync();
        await SubmitLoginAsync(page, site, prefix, user, password);
        await Expect(page).ToHaveURLAsync(site.Url(prefix + "/admin"));
        return page;
    }

    /// <summary>
    /// Opens the login page and submits it; the caller checks where it lands (dashboard or error).
    /// Waits for the DOM only, not the full load event: on a loaded CI host the page's images and
    /// scripts can take longer than the navigation timeout while the form is already usable.
    /// </summary>
    public static async Task SubmitLoginAsync(IPage page, LiveSite site, string prefix, string user, string password)
    {
        await page.GotoAsync(site.Url(prefix + "/admin/login"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        await page.Locator("#UserName").FillAsync(user);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 60_000 });
    }

    /// <summary>Runs code in a DI scope of one tenant, to read (or prepare) what the pages store.</summary>
    public static async Task<T> InTenantAsync<T>(LiveSite site, string tenant, Func<IServiceProvider, Task<T>> action)
    {
        var settings = site.Services.GetRequiredService<ITenantStore>().Find(tenant)!;
        await using var scope = site.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(settings);
        return await action(scope.ServiceProvider);
    }

    public static Task<ContentItem?> LatestAsync(LiveSite site, string tenant, string id, VersionOptions options = VersionOptions.Latest) =>
        InTenantAsync(site, tenant, sp => sp.GetRequiredService<IContentManager>().GetAsync(id, options, CancellationToken.None));

    /// <summary>An account made straight through the service (the users screens have their own tests).</summary>
    public static Task<string> CreateUserAsync(LiveSite site, string tenant, string role) => InTenantAsync(site, tenant, async sp =>
    {
        var name = role.ToLowerInvariant() + "-" + Unique();
        var result = await sp.GetRequiredService<IUserAdministration>().CreateAsync(name, name + "@example.org", UserPassword, [role], CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return name;
    });

    /// <summary>A draft made straight through the content manager, owned and written by <paramref name="owner"/>.</summary>
    public static Task<ContentItem> DraftAsync(LiveSite site, string tenant, string type, string title, string owner = "admin") => InTenantAsync(site, tenant, async sp =>
    {
        var contents = sp.GetRequiredService<IContentManager>();
        var item = contents.New(type);
        item.Set("Title", title);
        item.Owner = owner;
        item.Author = owner;
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!;
    });

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>The id in an editor URL ".../admin/contents/{id}/edit".</summary>
    public static string IdFromEditUrl(string url)
    {
        var parts = new Uri(url).AbsolutePath.Split('/');
        return parts[^2];
    }

    /// <summary>The page's flash message (role=status at the top of main).</summary>
    public static ILocator Message(IPage page) => page.Locator("main > .alert-ok[role=status]");

    public static ILocator Error(IPage page) => page.Locator("main > .alert-error[role=alert]");

    /// <summary>axe on the page as it is now: zero violations, whatever their impact.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, $"axe violations on {what} ({page.Url}):\n" + Describe(result.Violations));
    }

    public static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join("\n", violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} → {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));

    /// <summary>A real PNG of the given size (a flat blue), made with libvips like the media library's variants.</summary>
    public static byte[] Png(int width = 120, int height = 80)
    {
        using var image = NetVips.Image.Black(width, height, bands: 3).Linear(new double[] { 1, 1, 1 }, new double[] { 30, 110, 190 }).Cast(NetVips.Enums.BandFormat.Uchar);
        return image.WriteToBuffer(".png");
    }
}
