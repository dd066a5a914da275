using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class SearchServiceTests : IAsyncLifetime
{
    private SearchTestHost Host { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Published_item_is_found_with_accents_folded_and_plural()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var id = await Host.PublishAsync(tenant, "Location de vélos solidaires", "<p>Un atelier répare les vélos du quartier.</p>");
        await Host.CatchUpAsync(tenant);

        foreach (var query in new[] { "velo", "vélos", "VELOS solidaire", "\"location de vélos\"" })
        {
            var result = await Host.SearchAsync(tenant, query);
            Assert.Equal(1, result.Total);
            Assert.Equal(id, result.Hits[0].Id);
            Assert.Equal("/alpha/initiatives/location-de-velos-solidaires", result.Hits[0].Url);
        }
    }

    [Fact]
    public async Task Draft_is_never_found_and_unpublish_or_delete_removes_the_item()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Brouillon secret de coopérative", publish: false);
        var first = await Host.PublishAsync(tenant, "Coopérative laitière");
        var second = await Host.PublishAsync(tenant, "Coopérative d'habitants");
        await Host.CatchUpAsync(tenant);
        Assert.Equal(2, (await Host.SearchAsync(tenant, "coopérative")).Total);
        Assert.Equal(0, (await Host.SearchAsync(tenant, "secret")).Total);

        await Host.InTenantAsync(tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            Assert.True((await contents.UnpublishAsync(first, CancellationToken.None)).Succeeded);
            Assert.True((await contents.DeleteAsync(second, CancellationToken.None)).Succeeded);
        });
        await Host.CatchUpAsync(tenant);
        Assert.Equal(0, (await Host.SearchAsync(tenant, "coopérative")).Total);
    }

    [Fact]
    public async Task Tenants_never_see_each_others_items()
    {
        var bourgogne = await Host.CreateTenantAsync("Bourgogne");
        var comte = await Host.CreateTenantAsync("Comte");
        await Host.PublishAsync(bourgogne, "Restaurant inclusif à Dijon");
        await Host.PublishAsync(comte, "Restaurant coopératif à Besançon");
        await Host.CatchUpAsync(bourgogne);
        await Host.CatchUpAsync(comte);

        var result = await Host.SearchAsync(bourgogne, "restaurant");
        Assert.Equal("Restaurant inclusif à Dijon", Assert.Single(result.Hits).Title);
    }

    [Fact]
    public async Task Facets_count_the_whole_result_and_ignore_their_own_filter()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        for (var i = 0; i < 12; i++)
        {
            await Host.PublishAsync(tenant, $"Épicerie solidaire numéro {i}", departement: i < 8 ? "25" : "39", year: i % 2 == 0 ? 2014 : 2023);
        }

        await Host.CatchUpAsync(tenant);
        var all = await Host.SearchAsync(tenant, new SearchRequest { Query = "épicerie", Size = 5 });
        Assert.Equal(12, all.Total);
        Assert.Equal(5, all.Hits.Count);
        Assert.Equal(8, all.Facets["departement"].Single(f => f.Value == "25").Count);
        Assert.Equal("Doubs", all.Facets["departement"].Single(f => f.Value == "25").Label);
        Assert.Equal(4, all.Facets["departement"].Single(f => f.Value == "39").Count);

        var filtered = await Host.SearchAsync(tenant, new SearchRequest
        {
            Query = "épicerie",
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["departement"] = ["39"] },
        });
        Assert.Equal(4, filtered.Total);
        Assert.Equal(8, filtered.Facets["departement"].Single(f => f.Value == "25").Count); // own filter ignored
        Assert.Equal(2, filtered.Facets["annee"].Single(f => f.Value == "2014").Count); // other filters applied
    }

    [Fact]
    public async Task Snippet_marks_matches_through_the_analyzer_and_escapes_html()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Atelier", "<p>Nous réparons les vélos &lt;script&gt;alert(1)&lt;/script&gt; du quartier.</p>");
        await Host.CatchUpAsync(tenant);

        var hit = Assert.Single((await Host.SearchAsync(tenant, "vélo")).Hits);
        Assert.Contains("<mark>vélos</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typo_finds_the_item_and_suggests_the_right_word()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Blanchisserie solidaire");
        await Host.CatchUpAsync(tenant);

        var result = await Host.SearchAsync(tenant, "blanchiserie");
        Assert.Equal(1, result.Total);
        Assert.Equal("blanchisserie", result.DidYouMean);
    }

    [Fact]
    public async Task A_typo_finds_its_word_in_the_singular_and_the_plural()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var singular = await Host.PublishAsync(tenant, "Covoiturage rural", "<p>Des trajets partagés vers la gare.</p>");
        var plural = await Host.PublishAsync(tenant, "Plateforme des covoiturages", "<p>Pour les salariés du Morvan.</p>");
        var jardin = await Host.PublishAsync(tenant, "Jardin partagé");
        var jardins = await Host.PublishAsync(tenant, "Jardins familiaux");
        await Host.CatchUpAsync(tenant);

        // "covoitrage" is one edit from "covoiturage"; "jardn" is one edit from "jardin" but two
        // from "jardins": the spellings are searched through their stems, as the right word would be.
        var covoiturage = await Host.SearchAsync(tenant, "covoitrage");
        Assert.Equal(new[] { singular, plural }.Order(), covoiturage.Hits.Select(h => h.Id).Order());
        Assert.Equal("covoiturage", covoiturage.DidYouMean);
        Assert.Equal(new[] { jardin, jardins }.Order(), (await Host.SearchAsync(tenant, "jardn")).Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task A_frequent_word_is_not_respelled_beside_a_typo()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var dole = await Host.PublishAsync(tenant, "Jardin solidaire de Dole");
        var beaune = await Host.PublishAsync(tenant, "Jardin solidaire de Beaune");
        await Host.PublishAsync(tenant, "Épicerie solidaire");
        await Host.PublishAsync(tenant, "Jardin solitaire");
        await Host.CatchUpAsync(tenant);

        // "solidaire" is in three items: a real word, not a typo of "solitaire"; only "jardn" is respelled.
        var result = await Host.SearchAsync(tenant, "jardn solidaire");
        Assert.Equal(new[] { dole, beaune }.Order(), result.Hits.Select(h => h.Id).Order());
        Assert.Equal("jardin solidaire", result.DidYouMean);
    }

    [Fact]
    public async Task Two_edit_spellings_are_tried_only_when_none_is_one_edit_away()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var close = await Host.PublishAsync(tenant, "Festival Brokstrand");
        var far = await Host.PublishAsync(tenant, "Festival Brukstrund");
        await Host.CatchUpAsync(tenant);

        Assert.Equal(close, Assert.Single((await Host.SearchAsync(tenant, "brokstrend")).Hits).Id); // 1 edit, and 2 from the other
        Assert.Equal(far, Assert.Single((await Host.SearchAsync(tenant, "brukstrind")).Hits).Id); // 1 edit from the other
        Assert.Equal(2, (await Host.SearchAsync(tenant, "bruksbrand")).Total); // 2 edits from both
    }

    [Fact]
    public async Task A_typo_finds_a_word_published_a_moment_ago()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Atelier vélo");
        await Host.CatchUpAsync(tenant);
        Assert.Equal(0, (await Host.SearchAsync(tenant, "brokstrend")).Total);

        // Spellings come from the reader that runs the query: a new word is respelled at once.
        var id = await Host.PublishAsync(tenant, "Festival Brokstrand");
        await Host.CatchUpAsync(tenant);
        var result = await Host.SearchAsync(tenant, "brokstrend");
        Assert.Equal(id, Assert.Single(result.Hits).Id);
        Assert.Equal("brokstrand", result.DidYouMean);
    }

    [Fact]
    public async Task A_word_in_the_title_ranks_above_bodies_that_repeat_it()
    {
        // The match query alone (one field, tf-idf) would put the bodies that say "ressourcerie"
        // six times first; the ranking pass over title and exact fields must lift the title.
        var tenant = await Host.CreateTenantAsync("Alpha");
        for (var i = 0; i < 40; i++)
        {
            await Host.PublishAsync(tenant, $"Projet numéro {i}", "<p>ressourcerie ressourcerie ressourcerie ressourcerie ressourcerie ressourcerie</p>");
        }

        var titled = await Host.PublishAsync(tenant, "Ressourcerie du Jura", "<p>Un lieu de réemploi ouvert à tous.</p>");
        await Host.CatchUpAsync(tenant);

        var result = await Host.SearchAsync(tenant, "ressourcerie");
        Assert.Equal(41, result.Total);
        Assert.Equal(titled, result.Hits[0].Id);

        var pages = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            pages.AddRange((await Host.SearchAsync(tenant, new SearchRequest { Query = "ressourcerie", Page = page, Size = 10 })).Hits.Select(h => h.Id));
        }

        Assert.Equal(41, pages.Distinct().Count());
    }

    [Fact]
    public async Task Several_misspelt_words_each_find_their_spelling()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var id = await Host.PublishAsync(tenant, "Coopérative d'habitants", "<p>Une gouvernance partagée entre voisins.</p>");
        await Host.PublishAsync(tenant, "Cooperation agricole", "<p>Des habitués du marché.</p>");
        await Host.CatchUpAsync(tenant);

        var result = await Host.SearchAsync(tenant, "cooperatve habitans gouvernanse");
        Assert.Equal(id, Assert.Single(result.Hits).Id);
        Assert.Equal("coopérative habitants gouvernance", result.DidYouMean);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("(")]
    [InlineData("*:*")]
    [InlineData("\\")]
    [InlineData("title:velo AND")]
    [InlineData("-")]
    [InlineData("   ")]
    [InlineData("~2 ^3 [a TO b] {x}")]
    public async Task Syntax_garbage_never_throws(string query)
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Vélo");
        await Host.CatchUpAsync(tenant);
        var result = await Host.SearchAsync(tenant, query);
        Assert.True(result.Total >= 0);
    }

    [Fact]
    public async Task Very_long_query_is_cut()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var result = await Host.SearchAsync(tenant, new string('a', 10_000));
        Assert.Equal(UserQueryParser.MaxLength, result.Query.Length);
    }

    [Fact]
    public async Task Phrase_matches_the_words_in_order_only()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var inOrder = await Host.PublishAsync(tenant, "Atelier", "<p>Une organisation sur une semaine de quatre jours pour tous.</p>");
        await Host.PublishAsync(tenant, "Garage", "<p>Une semaine de quatre heures, puis quatre jours de repos.</p>");
        await Host.PublishAsync(tenant, "Jardin", "<p>La semaine du jardin, quatre jours de fête.</p>");
        var personnes = await Host.PublishAsync(tenant, "Vêtements", "<p>La dignité des personnes âgées.</p>");
        await Host.PublishAsync(tenant, "Accueil", "<p>Des personnes accueillies, les âgées aussi.</p>");
        await Host.CatchUpAsync(tenant);

        // The second item has both pairs of the phrase, "semaine de quatre" and "quatre jours", apart.
        Assert.Equal(inOrder, Assert.Single((await Host.SearchAsync(tenant, "\"semaine de quatre jours\"")).Hits).Id);
        Assert.Equal(personnes, Assert.Single((await Host.SearchAsync(tenant, "\"personnes âgées\"")).Hits).Id);
        Assert.Equal(personnes, Assert.Single((await Host.SearchAsync(tenant, "dignité \"personnes âgées\"")).Hits).Id);
        Assert.Empty((await Host.SearchAsync(tenant, "\"âgées personnes\"")).Hits);
    }

    [Fact]
    public async Task A_phrase_ranks_its_title_first_then_its_most_frequent_texts()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        var once = await Host.PublishAsync(tenant, "Accueil de jour", "<p>Un lieu pour les personnes âgées du quartier et leurs familles, ouvert en semaine.</p>");
        var title = await Host.PublishAsync(tenant, "Personnes âgées en ville", "<p>Un lieu de rencontre ouvert en semaine, pour tous les habitants du quartier.</p>");
        var thrice = await Host.PublishAsync(tenant, "Maison partagée", "<p>Les personnes âgées y vivent ; des personnes âgées les visitent ; personnes âgées bienvenues.</p>");
        await Host.CatchUpAsync(tenant);

        Assert.Equal([title, thrice, once], (await Host.SearchAsync(tenant, "\"personnes âgées\"")).Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task An_answer_is_reused_until_the_index_changes()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Atelier vélo de Dole");
        await Host.CatchUpAsync(tenant);

        var first = await Host.SearchAsync(tenant, "vélo");
        Assert.Same(first, await Host.SearchAsync(tenant, "vélo"));
        Assert.NotSame(first, await Host.SearchAsync(tenant, new SearchRequest { Query = "vélo", Page = 2 }));

        // A publication changes the index: the next identical request is answered afresh.
        await Host.PublishAsync(tenant, "Vélo-école de Beaune");
        await Host.CatchUpAsync(tenant);
        var second = await Host.SearchAsync(tenant, "vélo");
        Assert.NotSame(first, second);
        Assert.Equal(2, second.Total);
    }

    [Fact]
    public async Task Exclusion_removes_matches()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Jardin partagé à Dole");
        await Host.PublishAsync(tenant, "Jardin d'insertion à Lons");
        await Host.CatchUpAsync(tenant);
        var hit = Assert.Single((await Host.SearchAsync(tenant, "jardin -insertion")).Hits);
        Assert.Equal("Jardin partagé à Dole", hit.Title);
    }

    [Fact]
    public async Task Deleted_index_folder_is_rebuilt_from_the_database()
    {
        var tenant = await Host.CreateTenantAsync("Alpha");
        await Host.PublishAsync(tenant, "Ressourcerie");
        await Host.CatchUpAsync(tenant);
        Host.CloseIndexes();
        Directory.Delete(Path.Combine(Host.Root, "App_Data", "Sites", "Alpha", "Lucene"), recursive: true);

        await Host.CatchUpAsync(tenant);
        Assert.Equal(1, (await Host.SearchAsync(tenant, "ressourcerie")).Total);
    }
}
