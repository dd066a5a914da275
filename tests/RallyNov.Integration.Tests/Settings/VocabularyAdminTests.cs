using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Indexing;
using RallyNov.Core.Taxonomies;
using static RallyNov.Integration.Tests.Settings.SettingsSupport;

namespace RallyNov.Integration.Tests.Settings;

/// <summary>
/// « Vocabulaires » through its forms: terms added, reordered, renamed (old filter URLs answer 301),
/// merged and deleted with a replacement — content re-tagged in every state, search index told.
/// </summary>
[Collection(SettingsAppGroup.Name)]
public sealed class VocabularyAdminTests(SettingsAppFactory app)
{
    private const string Themes = "/admin/settings/vocabularies/themes";

    [Fact]
    public async Task A_term_in_use_is_deleted_only_with_a_replacement_which_the_published_and_draft_versions_get()
    {
        const string tenant = "Bourgogne";
        using var browser = await AdminAsync(app, tenant);
        var u = Unique();
        var (old, replacement) = (await AddTermAsync(browser, tenant, "Tiers-lieux " + u), await AddTermAsync(browser, tenant, "Lieux partagés " + u));
        Assert.Equal("tiers-lieux-" + u, old);

        // A published initiative with a newer draft, both tagged with the term.
        var item = await PublishAsync(app, tenant, "Initiative", "Le tiers-lieu " + u, i => i.Set("Themes", new JsonArray("handicap", old)));
        await using (var scope = app.Scope(tenant))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var draft = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest, CancellationToken.None))!;
            draft.Set("Summary", "Un brouillon en cours");
            Assert.True((await contents.SaveDraftAsync(draft, CancellationToken.None)).Succeeded);
        }

        var termPage = $"/bourgogne{Themes}/terms/{old}";
        Assert.Contains("Utilisé par <strong>1 contenu</strong>", WebUtility.HtmlDecode(await browser.GetPageAsync(termPage)), StringComparison.Ordinal);
        var versionsBefore = await VersionsAsync(tenant, item.ContentItemId);
        var taskBefore = await LastTaskAsync(tenant);

        using (var refused = await browser.SubmitAsync(termPage, termPage + "/delete", []))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains($"« Tiers-lieux {u} » est utilisé par 1 contenu : choisissez le terme qui le remplacera dans ces contenus.", page, StringComparison.Ordinal);
            Assert.Matches("id=\"delete-replacement\"[^>]*aria-invalid=\"true\"", page);
        }

        Assert.NotNull(await TermAsync(tenant, old));

        using (var deleted = await browser.SubmitAsync(termPage, termPage + "/delete", [new("replacement", replacement)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
            Assert.Contains($"1 contenu porte maintenant « Lieux partagés {u} »", await FollowAsync(browser, deleted), StringComparison.Ordinal);
        }

        Assert.Null(await TermAsync(tenant, old));
        var versions = await VersionsAsync(tenant, item.ContentItemId);
        Assert.Equal(versionsBefore.Select(v => (v.ContentItemVersionId, v.Published, v.Latest)), versions.Select(v => (v.ContentItemVersionId, v.Published, v.Latest)));
        Assert.All(versions, v => Assert.Equal(["handicap", replacement], TagsOf(v)));
        Assert.Equal("Un brouillon en cours", versions.Single(v => v.Latest).GetString("Summary"));

        // The search index is told through the log, for the published version.
        var task = await LastTaskAsync(tenant);
        Assert.True(task!.Id > taskBefore!.Id);
        Assert.Equal((item.ContentItemId, IndexingTaskKind.Publish), (task.ContentItemId, task.Kind));

        // The old filter URL now leads to the replacement.
        using var client = app.Client();
        using var redirect = await client.GetAsync($"/bourgogne/initiatives?theme={old}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"/bourgogne/initiatives?theme={replacement}", redirect.Headers.Location!.OriginalString);

        var audit = (await AuditAsync(app, tenant, AuditActions.TermDeleted, "themes/" + old)).Single();
        Assert.Equal($"« Tiers-lieux {u} » supprimé ; remplacé par « Lieux partagés {u} » dans 1 contenu.", audit.Details);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("FrancheComte")]
    public async Task Renaming_a_term_identifier_retags_its_items_and_old_filter_urls_answer_301(string tenant)
    {
        var prefix = Prefix(tenant);
        using var browser = await AdminAsync(app, tenant);
        var u = Unique();
        var slug = await AddTermAsync(browser, tenant, "Vélo " + u);
        var item = await PublishAsync(app, tenant, "Initiative", "Atelier vélo " + u, i => i.Set("Themes", new JsonArray(slug)));
        var termPage = $"{prefix}{Themes}/terms/{slug}";

        using (var renamed = await browser.SubmitAsync(termPage, termPage + "/rename", [new("name", "Vélo et mobilité douce " + u), new("slug", "mobilite-douce-" + u)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
            Assert.Equal($"{prefix}{Themes}/terms/mobilite-douce-{u}", renamed.Headers.Location!.OriginalString);
            Assert.Contains($"les adresses qui utilisaient « {slug} » redirigent vers lui", await FollowAsync(browser, renamed), StringComparison.Ordinal);
        }

        Assert.Equal(["mobilite-douce-" + u], TagsOf((await VersionsAsync(tenant, item.ContentItemId)).Single()));
        using var client = app.Client();
        using (var redirect = await client.GetAsync($"{prefix}/initiatives?annee=2024&theme={slug}&page=1"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
            Assert.Equal($"{prefix}/initiatives?annee=2024&theme=mobilite-douce-{u}&page=1", redirect.Headers.Location!.OriginalString);
        }

        using (var search = await client.GetAsync($"{prefix}/recherche?q=atelier&theme={slug}"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, search.StatusCode);
        }

        // The list itself, with the new identifier: the renamed term is the active filter.
        var list = WebUtility.HtmlDecode(await PublicAsync(app, $"{prefix}/initiatives?theme=mobilite-douce-{u}"));
        Assert.Contains("Vélo et mobilité douce " + u, list, StringComparison.Ordinal);
        var audit = (await AuditAsync(app, tenant, AuditActions.TermUpdated, "themes/mobilite-douce-" + u)).Single();
        Assert.Contains($"identifiant : {slug} → mobilite-douce-{u} (1 contenu mis à jour", audit.Details, StringComparison.Ordinal);
        Assert.Contains($"Nom : « Vélo {u} » → « Vélo et mobilité douce {u} »", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merging_moves_the_items_to_the_target_and_moving_changes_the_order()
    {
        const string tenant = "FrancheComte";
        using var browser = await AdminAsync(app, tenant);
        var u = Unique();
        var source = await AddTermAsync(browser, tenant, "Covoiturage " + u);
        var target = await AddTermAsync(browser, tenant, "Transports partagés " + u);
        var item = await PublishAsync(app, tenant, "Initiative", "Covoiturage solidaire " + u, i => i.Set("Themes", new JsonArray(source, target)));

        // « Monter » on the last term: it passes the one before.
        using (var moved = await browser.SubmitAsync("/franche-comte" + Themes, "/franche-comte" + Themes + "/move", [new("term", target), new("direction", "up")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var order = (await VocabularyAsync(tenant)).Terms.OrderBy(t => t.Order).Select(t => t.Slug).ToList();
        Assert.Equal([target, source], order.Skip(order.Count - 2));

        var termPage = $"/franche-comte{Themes}/terms/{source}";
        using (var empty = await browser.SubmitAsync(termPage, termPage + "/merge", []))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains($"Choisissez le terme dans lequel fusionner « Covoiturage {u} ».", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var merged = await browser.SubmitAsync(termPage, termPage + "/merge", [new("target", target)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }

        Assert.Null(await TermAsync(tenant, source));
        Assert.Equal([target], TagsOf((await VersionsAsync(tenant, item.ContentItemId)).Single()));
        Assert.Equal([source], TermData.FormerSlugsOf((await TermAsync(tenant, target))!));
        using var client = app.Client();
        using var redirect = await client.GetAsync($"/franche-comte/initiatives?theme={source}");
        Assert.Equal($"/franche-comte/initiatives?theme={target}", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_identifier_already_taken_or_malformed_is_refused_beside_its_field()
    {
        using var browser = await AdminAsync(app, "Bourgogne");
        using (var taken = await browser.SubmitAsync("/bourgogne" + Themes, "/bourgogne" + Themes + "/add", [new("name", "Mobilité bis"), new("slug", "mobilite")]))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
            var page = WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync());
            Assert.Contains("L'identifiant « mobilite » est déjà celui du terme « Mobilité »", page, StringComparison.Ordinal);
            Assert.Matches("id=\"new-slug\"[^>]*value=\"mobilite\"[^>]*aria-describedby=\"new-slug-hint new-slug-error\"[^>]*aria-invalid=\"true\"", page);
            Assert.Contains("value=\"Mobilité bis\"", page, StringComparison.Ordinal);
        }

        using var malformed = await browser.SubmitAsync("/bourgogne" + Themes, "/bourgogne" + Themes + "/add", [new("name", "Économie circulaire"), new("slug", "Économie Circulaire")]);
        Assert.Contains("« Économie Circulaire » ne convient pas", WebUtility.HtmlDecode(await malformed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await TermAsync("Bourgogne", "economie-circulaire"));
    }

    [Fact]
    public async Task An_editor_manages_vocabularies_but_not_the_site_settings()
    {
        var editor = await app.CreateUserAsync("Bourgogne", "Editor");
        using var browser = await AdminAsync(app, "Bourgogne", editor, SettingsAppFactory.UserPassword);
        using (var settings = await browser.GetAsync("/bourgogne/admin/settings"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        }

        using (var menus = await browser.GetAsync("/bourgogne/admin/settings/menus"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, menus.StatusCode);
        }

        var list = WebUtility.HtmlDecode(await browser.GetPageAsync("/bourgogne/admin/settings/vocabularies"));
        Assert.Contains("Thèmes", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Réglages du site", list, StringComparison.Ordinal);

        // A forged post to the settings is refused too.
        using var forged = await browser.ForgedPostAsync("/bourgogne/admin/settings/vocabularies", "/bourgogne/admin/settings", [new("SiteName", "Piraté")]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    /// <summary>Adds a term through the « Ajouter un terme » form; returns its identifier (made from the name).</summary>
    private async Task<string> AddTermAsync(Users.TestBrowser browser, string tenant, string name)
    {
        var prefix = Prefix(tenant);
        using var response = await browser.SubmitAsync(prefix + Themes, prefix + Themes + "/add", [new("name", name)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var slug = Core.Text.SlugHelper.Slugify(name);
        Assert.NotNull(await TermAsync(tenant, slug));
        return slug;
    }

    private async Task<Vocabulary> VocabularyAsync(string tenant)
    {
        await using var scope = app.Scope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<ITaxonomyService>().GetAsync("themes", CancellationToken.None))!;
    }

    private async Task<Term?> TermAsync(string tenant, string slug) => (await VocabularyAsync(tenant)).Terms.FirstOrDefault(t => t.Slug == slug);

    private async Task<IReadOnlyList<ContentItem>> VersionsAsync(string tenant, string id)
    {
        await using var scope = app.Scope(tenant);
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetVersionsAsync(id, CancellationToken.None);
    }

    private async Task<IndexingTask?> LastTaskAsync(string tenant)
    {
        await using var scope = app.Scope(tenant);
        return await scope.ServiceProvider.GetRequiredService<RallyNovDbContext>().IndexingTasks.AsNoTracking().OrderByDescending(t => t.Id).FirstOrDefaultAsync();
    }

    private static List<string> TagsOf(ContentItem item) =>
        (item.Content["Themes"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToList();
}
