using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Settings;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Settings;

/// <summary>The site identity and its menus are data: defaults from the modules and content, settings win, saves show at once.</summary>
public sealed class SiteIdentityTests : IAsyncLifetime
{
    private SiteTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Default_menu_lists_the_sections_with_published_content_and_follows_publishing()
    {
        var tenant = await Host.CreateTenantFromRecipeAsync("Bourgogne", "bourgogne.recipe.json");
        var identity = await Host.InTenantAsync(tenant, sp => sp.GetRequiredService<ISiteIdentityService>().GetAsync(CancellationToken.None));

        // Bourgogne publishes no event and no partner: no menu entry leads to an empty page.
        Assert.Equal(["initiatives", "laureats", "actualites"], identity.MainMenu.Select(m => m.SectionKey));
        Assert.Equal("rally'nov Bourgogne", identity.DisplayName);
        Assert.Equal("#7b1e3a", identity.PrimaryColor);
        Assert.Equal("identite/logo.png", identity.LogoPath);

        await Host.InTenantAsync(tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = contents.New("Event");
            item.ContentItemId = "evt-test";
            item.Content = new JsonObject { ["Title"] = "Atelier à Dijon", ["Start"] = "2030-05-04" };
            Assert.True((await contents.PublishAsync(item, CancellationToken.None)).Succeeded);
        });

        var after = await Host.InTenantAsync(tenant, sp => sp.GetRequiredService<ISiteIdentityService>().GetAsync(CancellationToken.None));
        Assert.Equal(["initiatives", "laureats", "evenements", "actualites"], after.MainMenu.Select(m => m.SectionKey));
    }

    [Fact]
    public async Task Menus_from_the_settings_keep_their_order_resolve_pages_and_drop_what_cannot_be_shown()
    {
        var tenant = await Host.CreateTenantFromRecipeAsync("Bourgogne", "bourgogne.recipe.json");
        await Host.InTenantAsync(tenant, sp => sp.GetRequiredService<ISiteSettingsService>().SaveAsync("site", new JsonObject
        {
            ["siteName"] = "Bourgogne solidaire",
            ["primaryColor"] = "not a colour",
            ["mainMenu"] = new JsonArray(
                new JsonObject { ["type"] = "page", ["page"] = "page-delices-bleus", ["text"] = "Le lauréat" },
                new JsonObject { ["type"] = "section", ["section"] = "partenaires" },
                new JsonObject { ["type"] = "section", ["section"] = "evenements", ["hidden"] = false },
                new JsonObject { ["type"] = "section", ["section"] = "initiatives", ["hidden"] = true },
                new JsonObject { ["type"] = "page", ["page"] = "n-existe-pas" },
                new JsonObject { ["type"] = "link", ["url"] = "javascript:alert(1)", ["text"] = "Piège" },
                new JsonObject { ["type"] = "link", ["url"] = "https://www.example.org/", ["text"] = "Un partenaire" }),
        }, CancellationToken.None));

        var identity = await Host.InTenantAsync(tenant, sp => sp.GetRequiredService<ISiteIdentityService>().GetAsync(CancellationToken.None));

        Assert.Equal("Bourgogne solidaire", identity.DisplayName);
        Assert.Equal(SiteIdentity.DefaultPrimaryColor, identity.PrimaryColor);
        Assert.Equal(
            [("Le lauréat", "/pages/les-delices-bleus", false), ("Événements", "/evenements", false), ("Un partenaire", "https://www.example.org/", true)],
            identity.MainMenu.Select(m => (m.Text, m.Href, m.IsExternal)));
    }
}
