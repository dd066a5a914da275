using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Recipes;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Tenants;

/// <summary>« Territoire », the starting point of a new site: the network's vocabularies (taken from the portal's recipe, not copied) and its legal pages.</summary>
public sealed class TerritoryRecipeTests : IAsyncDisposable
{
    private readonly SiteTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_territory_gets_the_portal_vocabularies_an_about_page_and_the_legal_pages()
    {
        var portal = await _host.CreateTenantFromRecipeAsync("Portail", "portal.recipe.json");
        var jura = await _host.CreateTenantFromRecipeAsync("Jura", "territoire.recipe.json");

        Assert.Equal(await VocabulariesAsync(portal), await VocabulariesAsync(jura));
        var pages = await _host.InTenantAsync(jura, async sp => (await sp.GetRequiredService<IContentManager>()
            .QueryAsync(new ContentQuery { Status = ContentStatus.Published, PageSize = 50 }, CancellationToken.None)).Items);
        Assert.Equal(["a-propos", "accessibilite", "donnees-personnelles", "mentions-legales"], pages.Select(p => p.Slug).Order(StringComparer.Ordinal));
        Assert.All(pages, p => Assert.Equal("Page", p.ContentType));
        Assert.All(pages, p => Assert.True(p.GetString("Body")!.Length > 300, p.Slug + " is too thin to be a real page"));
        var site = await _host.InTenantAsync(jura, sp => sp.GetRequiredService<ISiteSettingsService>().GetAsync("site", CancellationToken.None));
        Assert.False(string.IsNullOrWhiteSpace(site["tagline"]?.GetValue<string>()));

        // Run twice: nothing duplicated (a recipe is idempotent, its include too).
        await _host.InTenantAsync(jura, sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteFileAsync(SiteTestHost.RecipePath("territoire.recipe.json"), CancellationToken.None));
        Assert.Equal(await VocabulariesAsync(portal), await VocabulariesAsync(jura));
    }

    [Fact]
    public async Task An_include_naming_a_missing_file_or_step_stops_the_recipe_in_french()
    {
        var tenant = await _host.CreateTenantAsync("Essai", "essai");
        var recipe = JsonNode.Parse("""{ "steps": [ { "name": "recipe", "file": "portal.recipe.json", "steps": ["inexistante"] } ] }""")!.AsObject();

        var ex = await Assert.ThrowsAsync<RecipeException>(() => _host.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "essai.json", Path.GetDirectoryName(SiteTestHost.RecipePath("portal.recipe.json")), CancellationToken.None)));
        Assert.Contains("n'a aucune des étapes demandées", ex.Message, StringComparison.Ordinal);

        var outside = JsonNode.Parse("""{ "steps": [ { "name": "recipe", "file": "../secret.json", "steps": ["taxonomies"] } ] }""")!.AsObject();
        var refused = await Assert.ThrowsAsync<RecipeException>(() => _host.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(outside, "essai.json", CancellationToken.None)));
        Assert.Contains("doit nommer un fichier de recette", refused.Message, StringComparison.Ordinal);
    }

    private Task<List<string>> VocabulariesAsync(Core.Tenants.TenantSettings tenant) =>
        _host.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<ITaxonomyService>().ListAsync(CancellationToken.None))
            .SelectMany(v => v.Terms.Select(t => $"{v.Name}/{t.Slug}: {t.Name} {t.Data.ToJsonString()}"))
            .Order(StringComparer.Ordinal)
            .ToList());
}
