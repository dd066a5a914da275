using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Settings;
using RallyNov.Pages.Controllers;
using RallyNov.Pages.Home;
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
        using var controller = new PageController(new FakePublishedItems(contents));

        var result = await controller.Detail("a-propos", CancellationToken.None);

        var view = Assert.IsType<ViewResult>(result);
        Assert.Equal("À propos", Assert.IsType<ContentItem>(view.Model).DisplayText);
        Assert.Equal([("a-propos", VersionOptions.Published)], contents.SlugLookups);
    }

    [Fact]
    public async Task Detail_looks_slugs_up_in_lower_case()
    {
        var contents = new FakeContentManager(Item("Page", "a-propos", "À propos"));
        using var controller = new PageController(new FakePublishedItems(contents));

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
        using var controller = new PageController(new FakePublishedItems(contents));

        Assert.IsType<NotFoundResult>(await controller.Detail(slug, CancellationToken.None));
    }

    [Fact]
    public async Task Home_shows_the_site_name_tagline_and_the_intro_paragraphs_from_the_settings()
    {
        using var controller = new HomeController(new FakeIdentity(new SiteIdentity
        {
            DisplayName = "rally'nov Bourgogne",
            Tagline = "L'innovation sociale en Bourgogne.",
            HomeIntro = "Premier paragraphe,\nsur deux lignes.\n\n  Second paragraphe.  ",
        }));

        var view = Assert.IsType<ViewResult>(await controller.Index(CancellationToken.None));

        var model = Assert.IsType<HomeViewModel>(view.Model);
        Assert.Equal("rally'nov Bourgogne", model.SiteName);
        Assert.Equal("L'innovation sociale en Bourgogne.", model.Tagline);
        Assert.Equal(["Premier paragraphe, sur deux lignes.", "Second paragraphe."], model.Intro);
    }

    [Fact]
    public async Task Home_without_an_intro_in_the_settings_presents_the_network()
    {
        using var controller = new HomeController(new FakeIdentity(new SiteIdentity { DisplayName = "rally'nov" }));

        var model = Assert.IsType<HomeViewModel>(Assert.IsType<ViewResult>(await controller.Index(CancellationToken.None)).Model);

        Assert.Equal([HomeIntro.Default], model.Intro);
    }

    [Fact]
    public async Task Pages_section_lists_published_pages_by_title()
    {
        var contents = new FakeContentManager(Item("Page", "a-propos", "À propos"), Item("Event", "e", "Événement"));
        var section = new PagesHomeSection(contents, new BuildEveryTime());

        var view = await section.BuildAsync(CancellationToken.None);

        Assert.NotNull(view);
        Assert.Equal(["À propos"], Assert.IsAssignableFrom<IReadOnlyList<PageCard>>(view.Model).Select(p => p.Title));
        var query = Assert.Single(contents.Queries);
        Assert.Equal(["Page"], query.ContentTypes);
        Assert.Equal(ContentStatus.Published, query.Status);
        Assert.Equal(ContentOrder.TitleAscending, query.Order);
    }

    /// <summary>No cache: the model is built on each call (what is tested is what it holds).</summary>
    private sealed class BuildEveryTime : RallyNov.Contents.Querying.IPublishedViews
    {
        public Task<T> GetAsync<T>(string contentType, string name, Func<RallyNov.Contents.Querying.IPublishedContentReader, CancellationToken, Task<T>> build, CancellationToken cancellationToken)
            where T : class => build(null!, cancellationToken);
    }

    private sealed class FakeIdentity(SiteIdentity identity) : ISiteIdentityService
    {
        public Task<SiteIdentity> GetAsync(CancellationToken cancellationToken) => Task.FromResult(identity);
    }
}
