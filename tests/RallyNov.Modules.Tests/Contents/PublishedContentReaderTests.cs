using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Contents;

public sealed class PublishedContentReaderTests : IAsyncLifetime
{
    // A property, not a field: xunit disposes it through IAsyncLifetime.
    private SiteTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Published_lists_never_contain_drafts()
    {
        var tenant = await Host.CreateTenantFromRecipeAsync("Portal", "portal.recipe.json");
        await Host.InTenantAsync(tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = contents.New("Initiative");
            draft.Content = new JsonObject { ["Title"] = "Brouillon secret", ["YearIdentified"] = 2023 };
            Assert.True((await contents.SaveDraftAsync(draft, CancellationToken.None)).Succeeded);
        });
        await Host.InTenantAsync(tenant, async sp =>
        {
            var reader = sp.GetRequiredService<IPublishedContentReader>();
            var initiatives = await reader.AllAsync("Initiative", CancellationToken.None);
            Assert.Equal(10, initiatives.Count);
            Assert.DoesNotContain(initiatives, i => i.DisplayText == "Brouillon secret");
            Assert.Empty(await reader.AllAsync("TypeInconnu", CancellationToken.None));
        });
    }

    [Fact]
    public async Task Referrers_are_the_published_items_picking_an_item()
    {
        var tenant = await Host.CreateTenantFromRecipeAsync("FrancheComte", "franche-comte.recipe.json");
        await Host.InTenantAsync(tenant, async sp =>
        {
            var referrers = await sp.GetRequiredService<IPublishedContentReader>().ReferrersAsync("ini-vadapad", CancellationToken.None);
            var laureate = Assert.Single(referrers);
            Assert.Equal("lau-vadapad-2014", laureate.ContentItemId);
        });
    }
}
