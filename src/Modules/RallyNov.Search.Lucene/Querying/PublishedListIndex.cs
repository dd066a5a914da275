using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Caching;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Public lists (/initiatives with its filters) answered by the tenant's search index: type
/// filter + facet filters + counts + one sorted page of ids, without loading the other items.
/// </summary>
internal sealed class PublishedListIndex(
    SearchIndexRegistry registry,
    TenantContext tenant,
    ModuleCatalog catalog,
    RallyNovDbContext db,
    ISiteDataCache versions,
    PublishedListViews views,
    PublishedListFreshness freshness) : IPublishedListIndex
{
    // Scoped: once the index is known to be up to date in this request, a page that asks several
    // lists (an initiative and its related ones per thème) does not ask the database again.
    private bool _upToDate;

    public async Task<PublishedListPage?> QueryAsync(PublishedListQuery query, CancellationToken cancellationToken)
    {
        if (!catalog.IsEnabled(tenant.Settings, SearchModule.ModuleId))
        {
            return null;
        }

        try
        {
            var index = registry.Get(tenant);
            if (!index.Ready || !_upToDate && !await IsUpToDateAsync(index, cancellationToken))
            {
                return null;
            }

            _upToDate = true;
            return index.Search(searcher => views.Get(searcher, query)?.Answer(searcher, query) ?? Run(searcher, query));
        }
        catch (SearchIndexUnavailableException)
        {
            // Damaged or being rebuilt: the list reads the database, as before the first build.
            return null;
        }
    }

    /// <summary>
    /// The index follows the IndexingTasks log a little behind (≤ 1 s). A list must show a publish
    /// at once, so unless every logged change is in the searcher, the database answers. One
    /// primary-key lookup, made again only when the tenant's version has moved since the last
    /// one found the index complete (every committed change moves it before its request answers:
    /// <see cref="PublishedListFreshness"/>); the index cursor only moves after its searcher is refreshed.
    /// </summary>
    private async Task<bool> IsUpToDateAsync(TenantSearchIndex index, CancellationToken cancellationToken)
    {
        var cursor = index.Cursor;
        if (cursor == 0)
        {
            return false;
        }

        // Read before the query: a change committed meanwhile moves the version, and this check is not reused.
        var version = versions.VersionOf(tenant.Settings);
        if (freshness.IsKnownComplete(tenant.Name, version, cursor))
        {
            return true;
        }

        var last = await db.IndexingTasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        if (last > cursor)
        {
            return false;
        }

        freshness.Complete(tenant.Name, version, last);
        return true;
    }

    /// <summary>List order: a number facet descending (none counts as 0), then the French collation key of the title.</summary>
    internal static Sort SortOf(string? sortByNumberDescending)
    {
        var sortFields = new List<SortField>();
        if (sortByNumberDescending is { } number)
        {
            sortFields.Add(new SortField(SearchFields.Number(number), SortFieldType.DOUBLE, reverse: true));
        }

        sortFields.Add(new SortField(SearchFields.TitleSort, SortFieldType.STRING));
        return new Sort([.. sortFields]);
    }

    /// <summary>The same answer as a <see cref="ListView"/>, by one Lucene pass over the type: while the view is built.</summary>
    internal static PublishedListPage Run(IndexSearcher searcher, PublishedListQuery query)
    {
        var ofType = new TermQuery(new Term(SearchFields.Type, query.ContentType));
        var skip = Math.Max(0, query.Skip);
        var take = Math.Max(1, query.Take);
        var top = TopFieldCollector.Create(SortOf(query.SortByNumberDescending), skip + take, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
        var filters = query.Filters.ToDictionary(
            f => SearchFields.Facet(f.Key),
            f => new HashSet<string>([f.Value], StringComparer.Ordinal),
            StringComparer.Ordinal);
        var facets = new FacetCollector(top, query.Facets.Select(SearchFields.Facet).ToList(), filters);
        var typeTotal = new TotalHitCountCollector();
        searcher.Search(ofType, MultiCollector.Wrap(facets, typeTotal));

        var docs = top.GetTopDocs(skip, take);
        var fields = new HashSet<string>([SearchFields.Id], StringComparer.Ordinal);
        var ids = docs.ScoreDocs.Select(d => searcher.Doc(d.Doc, fields).Get(SearchFields.Id)).ToList();
        var counted = facets.Counts;
        var counts = query.Facets.Distinct(StringComparer.Ordinal).ToDictionary(
            f => f,
            f => (IReadOnlyDictionary<string, int>)counted[SearchFields.Facet(f)],
            StringComparer.Ordinal);
        return new PublishedListPage(docs.TotalHits, typeTotal.TotalHits, ids, counts);
    }
}
