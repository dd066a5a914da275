using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Settings;
using RallyNov.Core.Tenants;
using RallyNov.Pages.Controllers;
using RallyNov.Pages.Models;

namespace RallyNov.Modules.Tests.Pages;

/// <summary>What the public controllers ask the content store for and what they answer.</summary>
public sealed class PageControllerTests
{
    private static ContentItem Item(string type, string slug, string title, bool published = true) => new()
    {
        ContentItemId = slug,
        ContentType = type,
        Slug = slug,
        DisplayText = title,
        Published = published,
        Content = new JsonObject { ["Title"] = title },
    };

    [Fact]
    public async Task Detail_shows_a_published_page_by_its_slug()
    {
        var contents = new FakeContentManager(Item("Page", "a-propos", "À propos"));
        using var controller = new PageController(contents);

        var result = await controller.Detail("a-propos", CancellationToken.None);

        var view = Assert.IsType<ViewResult>(result);
        Assert.Equal("À propos", Assert.IsType<ContentItem>(view.Model).DisplayText);
        Assert.Equal([("a-propos", VersionOptions.Published)], contents.SlugLookups);
    }

    [Fact]
    public async Task Detail_looks_slugs_up_in_lower_case()
    {
        var contents = new FakeContentManager(Item("Page", "a-propos", "À propos"));
        using var controller = new PageController(contents);

        Assert.IsType<ViewResult>(await controller.Detail("A-Propos", CancellationToken.None));
    }

    [Theory]
    [InlineData("brouillon")] // only a draft exists
    [InlineData("un-evenement")] // the slug belongs to another type
    [InlineData("inconnue")]
    public async Task Detail_is_not_found_unless_a_published_page_has_the_slug(string slug)
    {
        var contents = new FakeContentManager(
            Item("Page", "brouillon", "Brouillon", published: false),
            Item("Event", "un-evenement", "Un événement"));
        using var controller = new PageController(contents);

        Assert.IsType<NotFoundResult>(await controller.Detail(slug, CancellationToken.None));
    }

    [Fact]
    public async Task Home_lists_published_pages_by_title_with_the_tenant_name_and_tagline()
    {
        var contents = new FakeContentManager(Item("Page", "a-propos", "À propos"), Item("Event", "e", "Événement"));
        var tenant = new TenantContext(
            new TenantSettings { Name = "Bourgogne", DisplayName = "rally'nov Bourgogne", UrlPrefix = "bourgogne" },
            new TenantPaths(Path.GetTempPath(), "Bourgogne"),
            "/bourgogne");
        using var controller = new HomeController(contents, new FakeIdentity(new SiteIdentity { DisplayName = tenant.Settings.DisplayName, Tagline = "L'innovation sociale en Bourgogne." }));

        var view = Assert.IsType<ViewResult>(await controller.Index(CancellationToken.None));

        var model = Assert.IsType<HomeViewModel>(view.Model);
        Assert.Equal("rally'nov Bourgogne", model.SiteName);
        Assert.Equal("L'innovation sociale en Bourgogne.", model.Tagline);
        Assert.Equal(["À propos"], model.Pages.Select(p => p.DisplayText));
        var query = Assert.Single(contents.Queries);
        Assert.Equal(["Page"], query.ContentTypes);
        Assert.Equal(ContentStatus.Published, query.Status);
        Assert.Equal(ContentOrder.TitleAscending, query.Order);
    }

    private sealed class FakeIdentity(SiteIdentity identity) : ISiteIdentityService
    {
        public Task<SiteIdentity> GetAsync(CancellationToken cancellationToken) => Task.FromResult(identity);
    }
}
