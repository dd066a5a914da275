using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Taxonomies;
using RallyNov.Modules.Tests.Support;
using RallyNov.Taxonomies;

namespace RallyNov.Modules.Tests.Taxonomies;

public sealed class TermNamesTests : IAsyncLifetime
{
    // A property, not a field: xunit disposes it through IAsyncLifetime.
    private SiteTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Term_names_resolve_from_the_seeded_vocabularies()
    {
        var tenant = await Host.CreateTenantFromRecipeAsync("Bourgogne", "bourgogne.recipe.json");
        await Host.InTenantAsync(tenant, async sp =>
        {
            var terms = sp.GetRequiredService<ITermNames>();
            Assert.Equal("Côte-d'Or", await terms.NameAsync(Vocabularies.Departements, "21"));
            Assert.Equal("Territoire de Belfort", await terms.NameAsync(Vocabularies.Departements, "90"));
            Assert.Equal("Franche-Comté", (await terms.FindAsync(Vocabularies.Departements, "39"))!.Data["region"]!.GetValue<string>());
            Assert.Equal(["Mobilité", "Handicap"], await terms.NamesAsync(Vocabularies.Themes, ["mobilite", "handicap"]));
            Assert.Equal("Organisation du travail / semaine de 4 jours", await terms.NameAsync(Vocabularies.Themes, "organisation-du-travail"));

            // A removed term shows its key rather than nothing.
            Assert.Equal("disparu", await terms.NameAsync(Vocabularies.Themes, "disparu"));
            Assert.Empty(await terms.TermsAsync("inconnu"));
            Assert.Equal(["21", "58", "71", "89", "25", "39", "70", "90"], (await terms.TermsAsync(Vocabularies.Departements)).Select(t => t.Slug));
        });
    }

    [Fact]
    public async Task Term_names_are_read_once_per_scope()
    {
        var tenant = await Host.CreateTenantAsync("Test", "test");
        await Host.InTenantAsync(tenant, async sp =>
        {
            var taxonomies = sp.GetRequiredService<ITaxonomyService>();
            await taxonomies.SaveAsync(new Vocabulary { Name = "themes", DisplayName = "Thèmes", Terms = [new Term { Slug = "mobilite", Name = "Mobilité" }] }, CancellationToken.None);
            var terms = sp.GetRequiredService<ITermNames>();
            Assert.Equal("Mobilité", await terms.NameAsync("themes", "mobilite"));

            // A change made after the first read is seen by the next request, not in the middle of this one.
            await taxonomies.SaveAsync(new Vocabulary { Name = "themes", DisplayName = "Thèmes", Terms = [new Term { Slug = "mobilite", Name = "Mobilités" }] }, CancellationToken.None);
            Assert.Equal("Mobilité", await terms.NameAsync("themes", "mobilite"));
        });
        await Host.InTenantAsync(tenant, async sp => Assert.Equal("Mobilités", await sp.GetRequiredService<ITermNames>().NameAsync("themes", "mobilite")));
    }
}
