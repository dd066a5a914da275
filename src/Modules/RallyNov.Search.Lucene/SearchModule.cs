using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Web;
using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Search.Lucene;

/// <summary>French full-text search per tenant on Lucene.NET: index follows the IndexingTasks log.</summary>
public sealed class SearchModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Search.Lucene";

    public override string Id => ModuleId;

    public override string DisplayName => "Recherche";

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SearchIndexRegistry>();
        services.AddScoped<ISearchIndexer, SearchIndexer>();
        services.AddSingleton<SearchRebuildCoordinator>();
        services.AddScoped<ISearchService, SearchService>();
        services.AddSiteMapEntry(new SiteMapEntry(ModuleId, "/recherche", "Rechercher", 10));

        // Vocabularies are read once a minute (labels cache): a search must not open a database context for nothing.
        services.AddScoped(provider => new Lazy<ITaxonomyService>(provider.GetRequiredService<ITaxonomyService>));
        services.AddSingleton<SearchAnswerCache>();
        services.AddScoped<ISuggestionService, SuggestionService>();
        services.AddScoped<Core.Content.IPublishedListIndex, PublishedListIndex>();
        services.AddSingleton<PublishedListViews>();
        services.AddSingleton<PublishedListFreshness>();
        services.AddHostedService<SearchIndexingBackgroundService>();
        services.AddSingleton<Core.Tenants.ITenantChangeHandler, SearchIndexTenantChangeHandler>();
        services.AddSingleton<ITenantHealthCheck, SearchHealthCheck>();
        services.AddSingleton<ICommandLineVerb, CommandLine.IndexVerb>();
        services.AddSingleton<ICommandLineVerb, CommandLine.SeedSyntheticVerb>();
        services.AddSingleton<ICommandLineVerb, CommandLine.SearchBenchVerb>();
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu) =>
        menu.Add("Recherche", "/admin/recherche", position: 80, permission: Permissions.ManageSettings);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/search", SearchApi.HandleAsync).RequireRateLimiting(RateLimitPolicies.Search);
        endpoints.MapGet("/api/search/suggest", (HttpContext context, ISuggestionService suggestions) =>
            Results.Json(new
            {
                query = context.Request.Query["q"].ToString(),
                suggestions = suggestions.Suggest(context.Request.Query["q"]).Select(s => new { text = s.Text, kind = s.Kind, url = s.Url }),
            })).RequireRateLimiting(RateLimitPolicies.Search);
    }
}

/// <summary>GET /api/search?q=&amp;type=&amp;departement=&amp;theme=&amp;annee=&amp;page=&amp;size=</summary>
internal static class SearchApi
{
    public static async Task<IResult> HandleAsync(HttpContext context, ISearchService search, CancellationToken cancellationToken)
    {
        var request = SearchRequestReader.Read(context.Request.Query);
        var response = await search.SearchAsync(request, cancellationToken);
        if (response.Unavailable)
        {
            context.Response.Headers.RetryAfter = "60";
            return Results.Json(new { query = response.Query, unavailable = true, message = SearchResponse.UnavailableMessage }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Json(new
        {
            query = response.Query,
            total = response.Total,
            page = response.Page,
            size = response.Size,
            hits = response.Hits.Select(h => new
            {
                id = h.Id,
                type = h.Type,
                title = h.Title,
                url = h.Url,
                snippet = h.Snippet,
                score = h.Score,
                tenant = h.Tenant,
            }),
            facets = response.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => new { value = v.Value, label = v.Label, count = v.Count })),
            didYouMean = response.DidYouMean,
        });
    }
}

/// <summary>Reads search parameters from a query string; bad numbers fall back to defaults.</summary>
internal static class SearchRequestReader
{
    private static readonly string[] FacetParameters = ["departement", "theme", "annee"];

    public static SearchRequest Read(IQueryCollection query)
    {
        var filters = FacetParameters.ToDictionary(
            p => p,
            p => (IReadOnlyList<string>)query[p].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList());
        return new SearchRequest
        {
            Query = query["q"].ToString(),
            Types = query["type"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList(),
            Filters = filters,
            Page = int.TryParse(query["page"], out var page) ? page : 1,
            Size = int.TryParse(query["size"], out var size) ? size : 10,
            AllTenants = query["toutes"] == "1",
        };
    }
}
