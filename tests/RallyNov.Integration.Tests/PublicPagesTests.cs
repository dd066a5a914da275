using System.Net;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests;

/// <summary>Seeded pages, tenant isolation over HTTP, unknown prefixes and draft visibility.</summary>
public sealed class PublicPagesTests
{
    private const string FrancheComtePage = "/pages/conditions-favorables-innovation-sociale";

    [Theory]
    [InlineData("/franche-comte" + FrancheComtePage, "Les conditions favorables à l'innovation sociale")]
    [InlineData("/bourgogne/pages/les-delices-bleus", "Les Délices Bleus, lauréat 2022")]
    [InlineData("/pages/a-propos", "À propos de rally'nov")]
    public async Task Seeded_pages_render_in_their_tenant(string url, string title)
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        var (status, html) = await Html.GetAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(title, Html.FirstText(html, "h1"));
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bourgogne" + FrancheComtePage)]
    [InlineData(FrancheComtePage)]
    [InlineData("/franche-comte/pages/les-delices-bleus")]
    [InlineData("/bourgogne/pages/a-propos")]
    public async Task A_page_is_not_reachable_from_another_tenant(string url)
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        var (status, html) = await Html.GetAsync(client, url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Page introuvable", Html.FirstText(html, "h1"));
    }

    [Fact]
    public async Task Home_page_lists_only_the_tenants_own_pages_with_prefixed_links()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        var (_, html) = await Html.GetAsync(client, "/bourgogne");

        Assert.Contains("href=\"/bourgogne/pages/les-delices-bleus\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("conditions-favorables", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a-propos", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_prefix_gets_the_default_tenants_french_404_page()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        var (status, html) = await Html.GetAsync(client, "/xyz");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Equal("Page introuvable", Html.FirstText(html, "h1"));
        Assert.Contains("rally'nov Bourgogne-Franche-Comté", Html.FirstText(html, "title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_page_cannot_be_requested_directly_as_a_500()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        var (status, _) = await Html.GetAsync(client, "/erreur/500");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_draft_is_hidden_until_it_is_published()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();
        const string url = "/bourgogne/pages/epicerie-solidaire-a-auxerre";

        var id = await factory.WithContentAsync("Bourgogne", async contents =>
        {
            var page = contents.New("Page");
            page.Set("Title", "Épicerie solidaire à Auxerre");
            page.Set("Summary", "Un brouillon en cours de relecture.");
            var saved = await contents.SaveDraftAsync(page, CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            Assert.Equal("epicerie-solidaire-a-auxerre", saved.Item!.Slug);
            return page.ContentItemId;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await Html.GetAsync(client, url)).Status);
        Assert.DoesNotContain("Épicerie solidaire", Html.Decoded((await Html.GetAsync(client, "/bourgogne")).Html), StringComparison.Ordinal);

        var published = await factory.WithContentAsync("Bourgogne", contents => contents.PublishLatestAsync(id, CancellationToken.None));
        Assert.True(published.Succeeded);

        var (status, html) = await Html.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Épicerie solidaire à Auxerre", Html.FirstText(html, "h1"));
        Assert.Equal(HttpStatusCode.NotFound, (await Html.GetAsync(client, "/franche-comte/pages/epicerie-solidaire-a-auxerre")).Status);
    }

    [Fact]
    public async Task A_new_draft_of_a_published_page_keeps_the_published_text_public()
    {
        await using var factory = new RallyNovFactory();
        using var client = factory.CreateClient();

        await factory.WithContentAsync("FrancheComte", async contents =>
        {
            var page = await contents.GetAsync("page-conditions-favorables", VersionOptions.Latest, CancellationToken.None);
            page!.Set("Title", "Titre en cours de réécriture");
            var saved = await contents.SaveDraftAsync(page, CancellationToken.None);
            Assert.True(saved.Succeeded);
            return saved;
        });

        var (status, html) = await Html.GetAsync(client, "/franche-comte" + FrancheComtePage);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Les conditions favorables à l'innovation sociale", Html.FirstText(html, "h1"));
    }
}
