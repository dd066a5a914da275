using Microsoft.Extensions.DependencyInjection;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class SuggestionServiceTests : IAsyncLifetime
{
    private SearchTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Prefix_without_accent_completes_titles_then_frequent_words()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Épicerie solidaire du Mas", "<p>Une épicerie pour les familles, avec des épices.</p>");
        await Host.PublishAsync(tenant, "Drive fermier", "<p>Des produits locaux.</p>");
        await Host.CatchUpAsync(tenant);

        var suggestions = await Host.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<ISuggestionService>().Suggest("epi")));

        Assert.Equal("Épicerie solidaire du Mas", suggestions[0].Text);
        Assert.Equal("/alpha/initiatives/epicerie-solidaire-du-mas", suggestions[0].Url);
        Assert.Contains(suggestions, s => s is { Kind: "term", Text: "epices" });
        Assert.DoesNotContain(suggestions, s => s.Text.Contains("Drive", StringComparison.Ordinal));
        Assert.True(suggestions.Count <= 8);
    }

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("\"*")]
    public async Task Too_short_or_empty_input_suggests_nothing(string input)
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var suggestions = await Host.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<ISuggestionService>().Suggest(input)));
        Assert.Empty(suggestions);
    }
}
