using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Recipes;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tests.Support;
using static RallyNov.Core.Tests.Support.RecipeJson;

namespace RallyNov.Core.Tests.Recipes;

public sealed class RecipeExecutorTests : TenantTestBase
{
    private IRecipeExecutor Executor => Services.GetRequiredService<IRecipeExecutor>();

    private static JsonObject Sample() => Recipe(
        SettingsStep("rally'nov Bourgogne"),
        ThemesStep("mobilite", "alimentation"),
        ContentStep(
            // "epicerie" picks "garage", listed after it: the step writes "garage" first.
            Item("epicerie", "Épicerie solidaire", new JsonObject
            {
                ["Year"] = 2014,
                ["Themes"] = Ids("alimentation"),
                ["Related"] = Ids("garage"),
                ["Body"] = "<p>Une épicerie <strong>solidaire</strong>.</p>",
            }),
            Item("garage", "Garage solidaire", new JsonObject { ["Themes"] = Ids("mobilite"), ["Date"] = "2023-05-12" }),
            Item("brouillon", "Projet en cours", published: false),
            Item("region", "Région Bourgogne-Franche-Comté", new JsonObject { ["Website"] = new JsonObject { ["url"] = "https://www.bourgognefranchecomte.fr" } }, type: "Partner"),
            WithDraft(Item("prix", "Prix 2023", new JsonObject { ["Summary"] = "En ligne" }), new JsonObject { ["Title"] = "Prix 2023", ["Summary"] = "Brouillon" })));

    [Fact]
    public async Task A_recipe_writes_settings_vocabularies_and_content()
    {
        await Executor.ExecuteAsync(Sample(), "test.json", Ct);

        var site = await Services.GetRequiredService<ISiteSettingsService>().GetAsync("site", Ct);
        Assert.Equal("rally'nov Bourgogne", site["siteName"]?.GetValue<string>());
        var themes = await Services.GetRequiredService<ITaxonomyService>().GetAsync("themes", Ct);
        Assert.NotNull(themes);
        Assert.Equal(["mobilite", "alimentation"], themes.Terms.Select(t => t.Slug));
        Assert.Equal(8, themes.Terms[0].Data["code"]!.GetValue<int>());

        var epicerie = await Contents.GetAsync("epicerie", VersionOptions.Published, Ct);
        Assert.NotNull(epicerie);
        Assert.Equal("epicerie-solidaire", epicerie.Slug);
        Assert.Equal("admin", epicerie.Owner);
        Assert.Equal(new DateTime(2023, 6, 1, 8, 0, 0, DateTimeKind.Utc), epicerie.CreatedUtc);
        Assert.Equal("garage", epicerie.Content["Related"]![0]!.GetValue<string>());
        Assert.NotNull(await Contents.GetAsync("garage", VersionOptions.Published, Ct));
        Assert.NotNull(await Contents.GetAsync("region", VersionOptions.Published, Ct));
        Assert.Null(await Contents.GetAsync("brouillon", VersionOptions.Published, Ct));
        Assert.NotNull(await Contents.GetAsync("brouillon", VersionOptions.Latest, Ct));
        Assert.Equal("En ligne", (await Contents.GetAsync("prix", VersionOptions.Published, Ct))?.GetString("Summary"));
        Assert.Equal("Brouillon", (await Contents.GetAsync("prix", VersionOptions.Latest, Ct))?.GetString("Summary"));
    }

    [Fact]
    public async Task Running_the_same_recipe_twice_changes_nothing()
    {
        await Executor.ExecuteAsync(Sample(), "test.json", Ct);
        var items = await RowsAsync(db => db.ContentItems.OrderBy(x => x.Id).Select(x => x.ContentItemVersionId));
        var tasks = await RowsAsync(db => db.IndexingTasks.Select(t => t.Id));
        var terms = await RowsAsync(db => db.Terms.OrderBy(t => t.Id).Select(t => t.Id));

        await Executor.ExecuteAsync(Sample(), "test.json", Ct);

        Assert.Equal(items, await RowsAsync(db => db.ContentItems.OrderBy(x => x.Id).Select(x => x.ContentItemVersionId)));
        Assert.Equal(tasks.Count, (await RowsAsync(db => db.IndexingTasks.Select(t => t.Id))).Count);
        Assert.Equal(terms, await RowsAsync(db => db.Terms.OrderBy(t => t.Id).Select(t => t.Id)));
        Assert.Equal(5, await CountAsync(ContentStatus.Latest));
    }

    [Fact]
    public async Task A_changed_item_gets_a_new_version_not_a_duplicate()
    {
        await Executor.ExecuteAsync(Recipe(ContentStep(Item("epicerie", "Épicerie solidaire"))), "test.json", Ct);

        await Executor.ExecuteAsync(Recipe(ContentStep(Item("epicerie", "Épicerie solidaire", new JsonObject { ["Summary"] = "Ajouté" }))), "test.json", Ct);

        Assert.Equal(1, await CountAsync(ContentStatus.Latest));
        Assert.Equal(2, (await Contents.GetVersionsAsync("epicerie", Ct)).Count);
        var live = await Contents.GetAsync("epicerie", VersionOptions.Published, Ct);
        Assert.Equal("Ajouté", live?.GetString("Summary"));
        Assert.Equal("epicerie-solidaire", live?.Slug);
    }

    [Fact]
    public async Task Items_that_pick_each_other_import_in_any_order()
    {
        var recipe = Recipe(ContentStep(
            Item("a", "Article A", new JsonObject { ["Related"] = Ids("b", "c") }),
            Item("b", "Article B", new JsonObject { ["Related"] = Ids("c") }),
            Item("c", "Article C")));

        await Executor.ExecuteAsync(recipe, "test.json", Ct);

        Assert.Equal(3, await CountAsync(ContentStatus.Published));
    }

    [Fact]
    public async Task Unknown_step_is_refused_before_anything_is_written()
    {
        var recipe = Recipe(ThemesStep("mobilite"), new JsonObject { ["name"] = "widgets" });

        var ex = await Assert.ThrowsAsync<RecipeException>(() => Executor.ExecuteAsync(recipe, "test.json", Ct));

        Assert.Contains("Recette « test.json », étape 2 « widgets »", ex.Message, StringComparison.Ordinal);
        Assert.Contains("étape inconnue", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync(db => db.Vocabularies));
    }

    [Theory]
    [InlineData("Evenement", "", "type de contenu inconnu « Evenement »")]
    [InlineData("Article", "3000", "Year : « Année » doit être compris entre 1990 et 2100")]
    [InlineData("Article", "x", "Foo : Le champ « Foo » n'existe pas")]
    public async Task Bad_content_names_the_file_the_step_and_the_item(string type, string problem, string expected)
    {
        var fields = new JsonObject();
        if (problem == "3000")
        {
            fields["Year"] = 3000;
        }
        else if (problem == "x")
        {
            fields["Foo"] = "x";
        }

        var recipe = Recipe(ThemesStep("mobilite"), ContentStep(Item("bon", "Valide"), Item("mauvais", "Invalide", fields, type: type)));

        var ex = await Assert.ThrowsAsync<RecipeException>(() => Executor.ExecuteAsync(recipe, "test.json", Ct));

        Assert.Contains("Recette « test.json », étape 2 « content », élément « mauvais »", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_recipe_leaves_nothing_half_written()
    {
        var recipe = Recipe(
            SettingsStep("Jamais écrit"),
            ThemesStep("mobilite"),
            ContentStep(Item("premier", "Valide", new JsonObject { ["Themes"] = Ids("mobilite") }), Item("second", "Invalide", new JsonObject { ["Year"] = 1800 })));

        await Assert.ThrowsAsync<RecipeException>(() => Executor.ExecuteAsync(recipe, "test.json", Ct));

        Assert.Empty(await RowsAsync(db => db.ContentItems));
        Assert.Empty(await RowsAsync(db => db.IndexingTasks));
        Assert.Empty(await RowsAsync(db => db.Vocabularies));
        Assert.Empty(await RowsAsync(db => db.Terms));
        Assert.Empty(await RowsAsync(db => db.SiteSettings));

        // The scope stays usable: the same recipe, fixed, then applies in full.
        recipe["steps"]![2]!["items"]![1]!["content"]!["Year"] = 2000;
        await Executor.ExecuteAsync(recipe, "test.json", Ct);
        Assert.Equal(2, await CountAsync(ContentStatus.Published));
    }

    [Theory]
    [InlineData("""{ "name": "content" }""", "la liste « items » manque")]
    [InlineData("""{ "name": "content", "items": [ { "contentItemId": "Pas Valide", "contentType": "Article", "content": {} } ] }""", "« contentItemId » manque ou est invalide")]
    [InlineData("""{ "name": "content", "items": [ { "contentItemId": "a", "contentType": "Article", "content": { "Title": "A" } }, { "contentItemId": "a", "contentType": "Article", "content": { "Title": "B" } } ] }""", "élément « a » : cet identifiant apparaît deux fois")]
    [InlineData("""{ "name": "content", "items": [ { "contentItemId": "a", "contentType": "Article" } ] }""", "l'objet « content » manque")]
    [InlineData("""{ "name": "taxonomies", "vocabularies": [ { "name": "Thèmes" } ] }""", "« name » en minuscules")]
    [InlineData("""{ "name": "taxonomies", "vocabularies": [ { "name": "themes", "terms": [ { "slug": "a", "name": "A" }, { "slug": "a", "name": "B" } ] } ] }""", "le terme « a » apparaît deux fois")]
    [InlineData("""{ "name": "settings", "site": "texte" }""", "chaque groupe de réglages doit être un objet JSON")]
    public async Task Malformed_steps_are_refused_with_a_french_message(string step, string expected)
    {
        var recipe = Recipe(JsonNode.Parse(step)!.AsObject());

        var ex = await Assert.ThrowsAsync<RecipeException>(() => Executor.ExecuteAsync(recipe, "test.json", Ct));

        Assert.Contains("Recette « test.json », étape 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipe_without_steps_is_refused()
    {
        var ex = await Assert.ThrowsAsync<RecipeException>(() => Executor.ExecuteAsync(new JsonObject { ["name"] = "vide" }, "vide.json", Ct));

        Assert.Contains("vide.json", ex.Message, StringComparison.Ordinal);
    }

    private static JsonObject WithDraft(JsonObject item, JsonObject draft)
    {
        item["draft"] = draft;
        return item;
    }
}
