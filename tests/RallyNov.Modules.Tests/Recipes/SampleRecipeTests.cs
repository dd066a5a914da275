using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Display;
using RallyNov.Core.Content;
using RallyNov.Core.Recipes;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Recipes;

/// <summary>
/// The three shipped recipes import cleanly into fresh tenants, and each item sits in the
/// tenant of its place: Bourgogne départements → bourgogne, Franche-Comté départements and the
/// whole 2014 edition → franche-comte, region-wide 2023-2024 items → portal.
/// </summary>
public sealed class SampleRecipeTests : IAsyncLifetime
{
    private static readonly string[] BourgogneDepartements = ["21", "58", "71", "89"];
    private static readonly string[] FrancheComteDepartements = ["25", "39", "70", "90"];
    private static readonly string[] SiteTypes = ["Page", "News", "KeyFigures", "Initiative", "Laureate", "Event", "Partner"];

    // A property, not a field: xunit disposes it through IAsyncLifetime.
    private SiteTestHost Host { get; } = new();
    private readonly Dictionary<string, (TenantSettings Tenant, IReadOnlyList<ContentItem> Items)> _sites = [];

    public async Task InitializeAsync()
    {
        foreach (var (name, recipe) in new[] { ("Portal", "portal.recipe.json"), ("Bourgogne", "bourgogne.recipe.json"), ("FrancheComte", "franche-comte.recipe.json") })
        {
            var tenant = await Host.CreateTenantFromRecipeAsync(name, recipe);
            var items = await Host.InTenantAsync(tenant, async sp =>
            {
                var result = await sp.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery { Status = ContentStatus.Latest, PageSize = 200 }, CancellationToken.None);
                return result.Items;
            });
            _sites[name] = (tenant, items);
        }
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public void Every_recipe_imports_published_items_of_the_site_types()
    {
        foreach (var (name, site) in _sites)
        {
            Assert.NotEmpty(site.Items);
            Assert.All(site.Items, i => Assert.True(i.Published, $"{name}: {i.ContentItemId} is not published"));
            Assert.All(site.Items, i => Assert.Contains(i.ContentType, SiteTypes));
        }
    }

    [Fact]
    public void The_existing_pages_are_kept()
    {
        Assert.Contains(Items("Portal"), i => i.ContentItemId == "page-a-propos");
        Assert.Contains(Items("Portal"), i => i.ContentItemId == "page-rencontre-2023");
        Assert.Contains(Items("Bourgogne"), i => i.ContentItemId == "page-delices-bleus");
        Assert.Contains(Items("FrancheComte"), i => i.ContentItemId == "page-conditions-favorables");
    }

    [Fact]
    public void The_2014_laureates_are_in_franche_comte_with_their_prize()
    {
        var laureates = Items("FrancheComte").Where(i => i.ContentType == "Laureate" && i.GetInt("PrizeYear") == 2014).ToList();
        Assert.Equal(["Le Drive fermier 39", "Le Mas d'Héricourt", "Schrader", "Vadapad"], laureates.Select(l => l.DisplayText).Order(StringComparer.Ordinal));
        Assert.All(laureates, l => Assert.Equal(2000, l.GetInt("Amount")));
        var initiatives = Items("FrancheComte").Select(i => i.ContentItemId).ToHashSet();
        Assert.All(laureates, l => Assert.Contains(l.GetFirst("Initiative")!, initiatives));
    }

    [Fact]
    public void No_2014_item_lives_outside_franche_comte()
    {
        foreach (var name in new[] { "Portal", "Bourgogne" })
        {
            Assert.DoesNotContain(Items(name), i => Is2014(i));
        }

        Assert.Contains(Items("FrancheComte"), i => i.ContentType == "Event" && i.GetInt("Participants") == 60);
        Assert.Contains(Items("FrancheComte"), i => i.ContentType == "Event" && i.GetInt("Participants") == 70);
    }

    [Fact]
    public void Les_Delices_Bleus_are_only_in_bourgogne_and_Metalhom_only_in_franche_comte()
    {
        Assert.Contains(Items("Bourgogne"), i => i.ContentType == "Laureate" && i.DisplayText == "Les Délices Bleus" && i.GetInt("PrizeYear") == 2022);
        Assert.Contains(Items("FrancheComte"), i => i.ContentType == "Laureate" && i.DisplayText == "Métalhom" && i.GetInt("PrizeYear") == 2022);
        foreach (var name in new[] { "Portal", "FrancheComte" })
        {
            Assert.DoesNotContain(Items(name), i => i.ContentType is "Laureate" or "Initiative" && i.DisplayText.Contains("Délices Bleus", StringComparison.Ordinal));
        }

        foreach (var name in new[] { "Portal", "Bourgogne" })
        {
            Assert.DoesNotContain(Items(name), i => i.ContentType is "Laureate" or "Initiative" && i.DisplayText.StartsWith("Métalhom", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Initiatives_and_laureates_sit_in_the_territory_of_their_departement()
    {
        Assert.All(Items("Bourgogne").Where(i => i.ContentType == "Initiative"), i => Assert.Subset(BourgogneDepartements.ToHashSet(), i.GetStrings("Departement").ToHashSet()));
        Assert.All(Items("FrancheComte").Where(i => i.ContentType == "Initiative"), i => Assert.Subset(FrancheComteDepartements.ToHashSet(), i.GetStrings("Departement").ToHashSet()));

        // The portal keeps the initiatives whose place is unknown.
        Assert.All(Items("Portal").Where(i => i.ContentType == "Initiative"), i => Assert.Empty(i.GetStrings("Departement")));
        Assert.DoesNotContain(Items("Bourgogne"), i => i.GetStrings("Departement").Intersect(FrancheComteDepartements).Any());
        Assert.DoesNotContain(Items("FrancheComte"), i => i.GetStrings("Departement").Intersect(BourgogneDepartements).Any());
    }

    [Fact]
    public void The_portal_holds_the_2023_initiatives_the_4_day_week_and_the_regional_programme()
    {
        var portal = Items("Portal");
        foreach (var name in new[] { "L'Expédition", "Blanchisserie Lavande", "Crea Temps", "Les Doigts Qui Rivent", "La Fabrique de l'Aventure", "EpiSourire", "Envie Autonomie" })
        {
            Assert.Contains(portal, i => i.ContentType == "Initiative" && i.DisplayText == name && i.GetInt("YearIdentified") == 2023);
        }

        Assert.Equal(3, portal.Count(i => i.ContentType == "Initiative" && i.GetStrings("Themes").Contains("organisation-du-travail")));
        var meeting = Assert.Single(portal, i => i.ContentItemId == "evt-rencontre-2023");
        Assert.Equal("2023-09-26", meeting.GetString("Start"));
        Assert.Equal(143, meeting.GetInt("Participants"));
        Assert.Equal("Cinéma Olympia", meeting.GetString("Venue"));
        Assert.Contains(portal, i => i.ContentType == "Event" && i.GetString("Start") == "2023-02-28" && i.GetInt("Participants") == 22 && i.GetInt("Structures") == 16);
        Assert.Contains(portal, i => i.ContentType == "Event" && i.GetString("Start") == "2024-02-06");
        Assert.Contains(portal, i => i.ContentType == "Event" && i.GetString("Start") == "2024-10-01" && i.GetString("City") == "Besançon");
        Assert.Equal(["Fonds social européen (FSE)", "Région Bourgogne-Franche-Comté", "État"], portal.Where(i => i.ContentType == "Partner" && i.GetFirst("Kind") is "financeur-public" or "europeen").Select(i => i.DisplayText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Key_figures_exist_for_2014_and_2023()
    {
        Assert.Contains(Items("FrancheComte"), i => i.ContentType == "KeyFigures" && i.GetInt("Year") == 2014 && i.GetString("Figures")!.Contains("3 000 | visiteurs", StringComparison.Ordinal));
        Assert.Contains(Items("Portal"), i => i.ContentType == "KeyFigures" && i.GetInt("Year") == 2023 && i.GetString("Figures")!.Contains("2 882 |", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Vocabularies_are_seeded_in_every_tenant()
    {
        foreach (var (_, site) in _sites)
        {
            var vocabularies = await Host.InTenantAsync(site.Tenant, sp => sp.GetRequiredService<ITaxonomyService>().ListAsync(CancellationToken.None));
            Assert.Equal(["departements", "themes", "types-evenement", "types-partenaire", "types-structure"], vocabularies.Select(v => v.Name).Order(StringComparer.Ordinal));
            var departements = vocabularies.Single(v => v.Name == "departements").Terms;
            Assert.Equal(8, departements.Count);
            Assert.Equal("Bourgogne", departements.Single(t => t.Slug == "58").Data["region"]!.GetValue<string>());
            Assert.Equal("Franche-Comté", departements.Single(t => t.Slug == "90").Data["region"]!.GetValue<string>());
            Assert.Equal("90", departements.Single(t => t.Slug == "90").Data["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Importing_a_recipe_again_changes_nothing()
    {
        var site = _sites["FrancheComte"];
        await Host.InTenantAsync(site.Tenant, sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteFileAsync(SiteTestHost.RecipePath("franche-comte.recipe.json"), CancellationToken.None));
        var after = await Host.InTenantAsync(site.Tenant, async sp =>
            (await sp.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery { Status = ContentStatus.Latest, PageSize = 200 }, CancellationToken.None)).Items);
        Assert.Equal(site.Items.Count, after.Count);
        Assert.All(after, i => Assert.Equal(1, i.VersionNumber));
    }

    private IReadOnlyList<ContentItem> Items(string site) => _sites[site].Items;

    private static bool Is2014(ContentItem item) =>
        item.GetInt("PrizeYear") == 2014 || item.GetInt("YearIdentified") == 2014 || item.GetInt("Year") == 2014;
}
