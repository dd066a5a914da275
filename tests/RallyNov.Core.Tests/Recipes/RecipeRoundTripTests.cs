using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Recipes;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Core.Tests.Support;
using static RallyNov.Core.Tests.Support.RecipeJson;

namespace RallyNov.Core.Tests.Recipes;

public sealed class RecipeRoundTripTests : TenantTestBase
{
    [Fact]
    public async Task Export_then_import_into_an_empty_tenant_gives_the_same_site()
    {
        await BuildSourceSiteAsync();
        var exported = await Services.GetRequiredService<IRecipeExporter>().ExportAsync(Ct);
        Assert.Equal("export-alpha", exported["name"]?.GetValue<string>());

        // Through text, as the command-line verb writes and reads a file.
        var recipe = JsonNode.Parse(exported.ToJsonString())!.AsObject();
        var beta = await Host.CreateTenantAsync("Beta");
        await Host.InTenantAsync(beta, async sp =>
        {
            await sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "export-alpha.json", Ct);
            return true;
        });

        var source = await SnapshotAsync(Tenant);
        Assert.Equal(4 + 5 + 1 + 1, source.Count); // published, latest, one vocabulary, the site settings
        Assert.Equal(source, await SnapshotAsync(beta));

        // Importing the export again into the source changes nothing either.
        var versions = (await RowsAsync(db => db.ContentItems.Select(x => x.Id))).Count;
        await Services.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "export-alpha.json", Ct);
        Assert.Equal(versions, (await RowsAsync(db => db.ContentItems.Select(x => x.Id))).Count);
    }

    [Fact]
    public async Task Items_that_pick_each_other_round_trip()
    {
        var first = await PublishAsync("Premier");
        var second = await PublishAsync("Second", i => i.Set("Related", Array(first.ContentItemId)));
        var edit = await LatestAsync(first.ContentItemId);
        edit.Set("Related", Array(second.ContentItemId));
        Succeeded(await Contents.PublishAsync(edit, Ct));
        var recipe = await Services.GetRequiredService<IRecipeExporter>().ExportAsync(Ct);

        var beta = await Host.CreateTenantAsync("Beta");
        await Host.InTenantAsync(beta, async sp =>
        {
            await sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "export.json", Ct);
            return true;
        });

        var source = await SnapshotAsync(Tenant);
        Assert.Equal(2 + 2 + 1, source.Count);
        Assert.Equal(source, await SnapshotAsync(beta));

        // Once both exist, a second import writes nothing.
        var versions = (await Host.InTenantAsync(beta, sp => Task.FromResult(sp.GetRequiredService<Data.RallyNovDbContext>().ContentItems.Count())));
        await Host.InTenantAsync(beta, async sp =>
        {
            await sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "export.json", Ct);
            return true;
        });
        Assert.Equal(versions, await Host.InTenantAsync(beta, sp => Task.FromResult(sp.GetRequiredService<Data.RallyNovDbContext>().ContentItems.Count())));
    }

    [Fact]
    public async Task Items_that_pick_each_other_in_a_hand_written_recipe_import()
    {
        var recipe = Recipe(ContentStep(
            Item("dijon", "Dijon", new JsonObject { ["Related"] = Ids("besancon") }),
            Item("besancon", "Besançon", new JsonObject { ["Related"] = Ids("dijon") })));

        await Services.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "test.json", Ct);

        var dijon = await Contents.GetAsync("dijon", VersionOptions.Published, Ct);
        var besancon = await Contents.GetAsync("besancon", VersionOptions.Published, Ct);
        Assert.Equal("besancon", dijon?.Content["Related"]?[0]?.GetValue<string>());
        Assert.Equal("dijon", besancon?.Content["Related"]?[0]?.GetValue<string>());
    }

    [Fact]
    public async Task A_draft_may_pick_an_item_listed_after_it()
    {
        var early = Item("annonce", "Annonce", new JsonObject { ["Summary"] = "En ligne" });
        early["draft"] = new JsonObject { ["Title"] = "Annonce", ["Related"] = Ids("laureats") };
        var recipe = Recipe(ContentStep(early, Item("laureats", "Lauréats 2023")));

        await Services.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "test.json", Ct);

        Assert.Equal("En ligne", (await Contents.GetAsync("annonce", VersionOptions.Published, Ct))?.GetString("Summary"));
        Assert.Equal("laureats", (await Contents.GetAsync("annonce", VersionOptions.Latest, Ct))?.Content["Related"]?[0]?.GetValue<string>());
    }

    private async Task BuildSourceSiteAsync()
    {
        await Services.GetRequiredService<ISiteSettingsService>().SaveAsync("site", new JsonObject { ["siteName"] = "rally'nov Alpha" }, Ct);
        var vocabulary = new Vocabulary { Name = "themes", DisplayName = "Thèmes" };
        vocabulary.Terms.Add(new Term { Slug = "mobilite", Name = "Mobilité", Data = new JsonObject { ["couleur"] = "bleu" } });
        vocabulary.Terms.Add(new Term { Slug = "alimentation", Name = "Alimentation" });
        await Services.GetRequiredService<ITaxonomyService>().SaveAsync(vocabulary, Ct);

        var garage = await PublishAsync("Garage solidaire", i =>
        {
            i.Set("Themes", Array("mobilite"));
            i.Set("Body", "<p>Réparer <em>ensemble</em>.</p>");
            i.Set("Image", new JsonObject { ["path"] = "garage/atelier.jpg", ["alt"] = "L'atelier" });
            i.Set("Website", new JsonObject { ["url"] = "https://garage.example.org", ["text"] = "Le site" });
        });
        await PublishAsync("Épicerie solidaire", i =>
        {
            i.Set("Year", 2014);
            i.Set("Themes", Array("alimentation", "mobilite"));
            i.Set("Related", Array(garage.ContentItemId));
            i.Set("Date", "2014-11-20T18:30");
            i.Set("Featured", true);
        });

        // Published with a newer draft.
        var prix = await PublishAsync("Prix 2023", i => i.Set("Summary", "En ligne"));
        var draft = await LatestAsync(prix.ContentItemId);
        draft.Set("Summary", "En préparation");
        Succeeded(await Contents.SaveDraftAsync(draft, Ct));

        await SaveDraftAsync("Jamais publié", i => i.Set("Slug", "adresse-choisie"));
        await PublishAsync("Région BFC", type: "Partner");
        var gone = await PublishAsync("Supprimé");
        Succeeded(await Contents.DeleteAsync(gone.ContentItemId, Ct));
    }

    /// <summary>Everything a visitor or an editor sees, as comparable text.</summary>
    private Task<List<string>> SnapshotAsync(TenantSettings tenant) => Host.InTenantAsync(tenant, async sp =>
    {
        var contents = sp.GetRequiredService<IContentManager>();
        var lines = new List<string>();
        foreach (var status in new[] { ContentStatus.Published, ContentStatus.Latest })
        {
            var page = await contents.QueryAsync(new ContentQuery { Status = status, PageSize = 200 }, Ct);
            lines.AddRange(page.Items
                .Select(i => $"{status} {i.ContentItemId} {i.ContentType} {i.Published} {i.DisplayText} {i.Slug} {i.Owner} {i.CreatedUtc:O} {Canonical(i.Content)}")
                .Order(StringComparer.Ordinal));
        }

        foreach (var vocabulary in await sp.GetRequiredService<ITaxonomyService>().ListAsync(Ct))
        {
            lines.Add($"{vocabulary.Name} {vocabulary.DisplayName}: "
                + string.Join(", ", vocabulary.Terms.Select(t => $"{t.Order} {t.Slug} {t.Name} {t.Data.ToJsonString()}")));
        }

        lines.Add("site " + (await sp.GetRequiredService<ISiteSettingsService>().GetAsync("site", Ct)).ToJsonString());
        return lines;
    });

    /// <summary>JSON with sorted property names: field order is not content.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(",", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
