using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using RallyNov.Contents;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene;
using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

/// <summary>A container with the search module over a temporary data folder; the indexer is driven by hand.</summary>
public sealed class SearchTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SearchTestHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "rallynov-search-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RallyNov:DataPath"] = Path.Combine(Root, "App_Data") })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = Root, EnvironmentName = "Test" });
        services.AddRallyNovCore(configuration, [new ContentsModule(), new SearchModule(), new SearchTestModule()]);
        _services = services.BuildServiceProvider();
    }

    public string Root { get; }

    public async Task<TenantSettings> CreateTenantAsync(string name, string? prefix = null, TenantState state = TenantState.Running)
    {
        var tenant = new TenantSettings { Name = name, DisplayName = "Site " + name, UrlPrefix = prefix ?? name.ToLowerInvariant(), State = state };
        await _services.GetRequiredService<ITenantStore>().SaveAsync(tenant, CancellationToken.None);
        await _services.GetRequiredService<ITenantDatabase>().MigrateAsync(tenant, CancellationToken.None);
        await InTenantAsync(tenant, sp => sp.GetRequiredService<ITaxonomyService>().SaveAsync(new Vocabulary
        {
            Name = "departements",
            DisplayName = "Départements",
            Terms = [new Term { Slug = "21", Name = "Côte-d'Or" }, new Term { Slug = "25", Name = "Doubs" }, new Term { Slug = "39", Name = "Jura" }],
        }, CancellationToken.None));
        return tenant;
    }

    public Task SaveTenantAsync(TenantSettings tenant) =>
        _services.GetRequiredService<ITenantStore>().SaveAsync(tenant, CancellationToken.None);

    public async Task InTenantAsync(TenantSettings tenant, Func<IServiceProvider, Task> action)
    {
        await using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        await action(scope.ServiceProvider);
    }

    public async Task<T> InTenantAsync<T>(TenantSettings tenant, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await action(scope.ServiceProvider);
    }

    /// <summary>Publishes an initiative and returns its id.</summary>
    public Task<string> PublishAsync(TenantSettings tenant, string title, string body = "", string? departement = null, int? year = null, bool publish = true) =>
        InTenantAsync(tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = contents.New(SearchTestModule.TypeName);
            item.Content["Title"] = title;
            item.Content["Body"] = body;
            if (departement is not null)
            {
                item.Content["Departement"] = new JsonArray(departement);
            }

            if (year is not null)
            {
                item.Content["Year"] = year.Value;
            }

            var result = publish ? await contents.PublishAsync(item, CancellationToken.None) : await contents.SaveDraftAsync(item, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
            return item.ContentItemId;
        });

    public Task CatchUpAsync(TenantSettings tenant) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<ISearchIndexer>().CatchUpAsync(CancellationToken.None));

    public Task<SearchResponse> SearchAsync(TenantSettings tenant, SearchRequest request) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<ISearchService>().SearchAsync(request, CancellationToken.None));

    public Task<SearchResponse> SearchAsync(TenantSettings tenant, string query) => SearchAsync(tenant, new SearchRequest { Query = query });

    /// <summary>Closes every open index, as a process exit would.</summary>
    public void CloseIndexes() => _services.GetRequiredService<SearchIndexRegistry>().Dispose();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test that used it.
        }
    }
}

/// <summary>A searchable type with the facets the real modules use.</summary>
internal sealed class SearchTestModule : ModuleBase
{
    public const string TypeName = "Initiative";

    public override string Id => "Tests.Search";

    public override string DisplayName => "Tests";

    public override void DefineContent(ContentDefinitionBuilder builder) =>
        builder.Type(TypeName, "Initiative", t => t
            .Creatable().Draftable().Versionable().Listable()
            .Route("/initiatives/{slug}")
            .Title()
            .Slug()
            .Text("Summary", "Résumé", f => f.MaxLength(300))
            .RichText("Body", "Description")
            .Taxonomy("Departement", "Département", "departements", f => f.Facet("departement"))
            .Number("Year", "Année", f => f.Integer().Facet("annee")));
}
