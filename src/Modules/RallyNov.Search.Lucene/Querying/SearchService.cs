using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using RallyNov.Core.Caching;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Taxonomies;
using Term = global::Lucene.Net.Index.Term;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>Full-text search of the current tenant, shared by /recherche and /api/search.</summary>
public interface ISearchService
{
    Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}

internal sealed class SearchService(
    SearchIndexRegistry registry,
    TenantContext tenant,
    ITenantStore tenants,
    ITenantScopeFactory scopes,
    ModuleCatalog catalog,
    IContentDefinitionManager definitions,
    Lazy<ITaxonomyService> taxonomies,
    ISiteDataCache cache,
    SearchAnswerCache answers) : ISearchService
{
    public const int MaxSize = 50;
    private const int MaxPage = 100;
    private const int FewResults = 2;

    private static readonly Analyzer Analyzer = TenantSearchIndex.CreateAnalyzer();

    public async Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(request.Size, 1, MaxSize);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        try
        {
            return await SearchCoreAsync(request, page, size, cancellationToken);
        }
        catch (SearchIndexUnavailableException)
        {
            // Damaged or not built yet: an honest message, never a 500 nor a misleading "aucun résultat".
            return new SearchResponse(UserQueryParser.Normalize(request.Query), 0, page, size, [], new Dictionary<string, IReadOnlyList<FacetValue>>(), null, Unavailable: true);
        }
    }

    private async Task<SearchResponse> SearchCoreAsync(SearchRequest request, int page, int size, CancellationToken cancellationToken)
    {
        var parsed = UserQueryParser.Parse(request.Query);
        var facetNames = FacetNames();
        var indexes = Sources(request);
        // The key reads each index's version (a searcher acquired and released): only when the cache is on.
        // The tenant's version too: labels come from the vocabularies, and an edit must show at once.
        var key = answers.Enabled ? SearchAnswerCache.Key(tenant.Name + "@" + cache.VersionOf(tenant.Settings), indexes.Select(i => i.Version), request) : null;
        if (answers.TryGet(key, out var answer))
        {
            return answer!;
        }

        var plan = new LuceneQueryBuilder(Analyzer).Plan(parsed);
        var result = WithSearcher(indexes, searcher => Run(searcher, plan, request, facetNames, page, size));
        string? didYouMean = null;
        // The spellings are looked up in the reader that runs the query (FuzzyPlan needs it).
        if (plan is not null && result.Total <= FewResults
            && WithSearcher(indexes, searcher => new LuceneQueryBuilder(Analyzer).FuzzyPlan(parsed, searcher.IndexReader) is { } fuzzy
                ? Run(searcher, fuzzy, request, facetNames, page, size)
                : null) is { } fuzzyResult)
        {
            // The stemmed query may already match a misspelling ("blanchiserie"), so a suggestion
            // is offered whenever the best fuzzy hit spells a typed word differently.
            didYouMean = Suggest(parsed, fuzzyResult.Hits);
            if (result.Total == 0)
            {
                result = fuzzyResult;
            }
        }

        var labels = await LabelsAsync(cancellationToken);
        var highlight = LuceneQueryBuilder.HighlightTerms(Analyzer, parsed);
        var hits = result.Hits.Select(h => new SearchHit(
            h.Id,
            h.Type,
            h.Title,
            h.Url is { Length: > 0 } url ? PrefixOf(h.Tenant) + url : null,
            SnippetBuilder.Build(Analyzer, h.Summary, h.Body, highlight),
            h.Score,
            h.Tenant)).ToList();
        var facets = result.Facets.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)f.Value
                .Select(v => new FacetValue(v.Key, labels.GetValueOrDefault($"{f.Key}/{v.Key}") ?? v.Key, v.Value))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.CurrentCulture)
                .ToList());
        answer = new SearchResponse(UserQueryParser.Normalize(request.Query), result.Total, page, size, hits, facets, didYouMean);
        answers.Set(key, answer);
        return answer;
    }

    /// <summary>
    /// The current tenant's index, or on the portal with "toutes les régions" every running
    /// tenant's that can answer. Throws <see cref="SearchIndexUnavailableException"/> when the
    /// current tenant's own index cannot.
    /// </summary>
    private List<TenantSearchIndex> Sources(SearchRequest request)
    {
        var own = registry.Get(tenant);
        if (!own.Ready)
        {
            own.ThrowIfBroken();
            throw new SearchIndexUnavailableException("L'index n'est pas encore construit.");
        }

        if (!request.AllTenants || !tenant.Settings.IsDefault)
        {
            return [own];
        }

        // A disabled tenant is never searched, nor one where search is switched off; one whose
        // index is being rebuilt is left out rather than making the whole search fail.
        var indexes = new List<TenantSearchIndex>();
        foreach (var other in tenants.All.Where(t => t.State == TenantState.Running && catalog.IsEnabled(t, SearchModule.ModuleId)))
        {
            try
            {
                if (registry.Get(scopes.CreateContext(other)) is { Ready: true } index)
                {
                    indexes.Add(index);
                }
            }
            catch (SearchIndexUnavailableException)
            {
            }
        }

        return indexes;
    }

    private string PrefixOf(string tenantName)
    {
        if (string.Equals(tenantName, tenant.Name, StringComparison.OrdinalIgnoreCase))
        {
            return tenant.Prefix;
        }

        var prefix = TenantResolver.NormalizePrefix(tenants.Find(tenantName)?.UrlPrefix);
        return prefix.Length == 0 ? "" : "/" + prefix;
    }

    /// <summary>One searcher over one index, or a MultiReader over several (federated search).</summary>
    private static T WithSearcher<T>(List<TenantSearchIndex> indexes, Func<IndexSearcher, T> action)
    {
        if (indexes.Count == 1)
        {
            return indexes[0].Search(action);
        }

        var acquired = new List<(TenantSearchIndex Index, IndexSearcher Searcher)>();
        try
        {
            foreach (var index in indexes)
            {
                acquired.Add((index, index.Acquire()));
            }

            using var reader = new MultiReader(acquired.Select(a => a.Searcher.IndexReader).ToArray(), closeSubReaders: false);
            try
            {
                return action(new IndexSearcher(reader));
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException or SearchIndexUnavailableException))
            {
                // Which of the indexes failed is unknown here: this search says so; each tenant's
                // own searches and the indexer find (and replace) the damaged one.
                throw new SearchIndexUnavailableException("La recherche sur toutes les régions a échoué.", ex);
            }
        }
        finally
        {
            foreach (var (index, searcher) in acquired)
            {
                index.Release(searcher);
            }
        }
    }

    /// <param name="plan">Null when nothing searchable was typed: every document, most recent first.</param>
    private static RunResult Run(IndexSearcher searcher, QueryPlan? plan, SearchRequest request, IReadOnlyList<string> facetNames, int page, int size)
    {
        // Filters are applied by the facet collector from doc values, in the same pass that
        // counts the facets: one search per request, whatever the number of filters.
        var wanted = page * size;
        var facetFields = facetNames.Select(SearchFields.Facet).ToList();
        FacetCollector facets;
        int total;
        IEnumerable<ScoreDoc> ranked;
        if (plan is null)
        {
            var top = TopFieldCollector.Create(new Sort(new SortField(SearchFields.DateSort, SortFieldType.INT64, reverse: true)), wanted, true, false, false, false);
            facets = new FacetCollector(top, facetFields, Filters(request));
            searcher.Search(new MatchAllDocsQuery(), facets);
            var topDocs = top.GetTopDocs((page - 1) * size, size);
            (total, ranked) = (topDocs.TotalHits, topDocs.ScoreDocs);
        }
        else
        {
            var top = TopScoreDocCollector.Create(Math.Max(Rescorer.Window, wanted), true);
            facets = new FacetCollector(top, facetFields, Filters(request));
            searcher.Search(plan.Match, facets);
            var topDocs = top.GetTopDocs();
            var found = topDocs.ScoreDocs;
            total = topDocs.TotalHits;

            // The cheap query found and counted everything; the best of it is ranked by the rich one.
            var best = Rescorer.Rescore(searcher, found.Take(Rescorer.Window).ToArray(), plan.Rank);
            ranked = best.Concat(found.Skip(Rescorer.Window)).Skip((page - 1) * size).Take(size);
        }

        var counted = facets.Counts;
        var names = facetNames.Concat(request.Filters.Where(f => f.Value.Count > 0).Select(f => f.Key)).Distinct(StringComparer.Ordinal);
        var counts = names.ToDictionary(n => n, n => counted[SearchFields.Facet(n)], StringComparer.Ordinal);
        var hits = ranked.Select(d => StoredHit.Read(searcher, d)).ToList();
        return new RunResult(total, hits, counts);
    }

    /// <summary>Facet field → accepted values ("type" is the f_type facet).</summary>
    private static Dictionary<string, HashSet<string>> Filters(SearchRequest request)
    {
        var filters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (request.Types.Count > 0)
        {
            filters[SearchFields.Facet("type")] = request.Types.ToHashSet(StringComparer.Ordinal);
        }

        foreach (var (name, values) in request.Filters)
        {
            if (values.Count > 0 && name != "type")
            {
                filters[SearchFields.Facet(name)] = values.ToHashSet(StringComparer.Ordinal);
            }
        }

        return filters;
    }

    /// <summary>"type" plus every facet a content type declares.</summary>
    private IReadOnlyList<string> FacetNames() =>
        new[] { "type" }.Concat(definitions.TypesFor(tenant.Settings).SelectMany(t => t.Fields).Select(f => f.Facet).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Labels of facet values: type display names and term names, keyed "facet/value". Kept per
    /// tenant until its next change: this would otherwise be a query per search.
    /// </summary>
    private Task<Dictionary<string, string>> LabelsAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(tenant.Settings, "search:labels", LoadLabelsAsync, cancellationToken);

    private async Task<Dictionary<string, string>> LoadLabelsAsync(CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = definitions.TypesFor(tenant.Settings);
        foreach (var type in types)
        {
            labels[$"type/{type.Name}"] = type.DisplayName;
        }

        var vocabularyOfFacet = types.SelectMany(t => t.Fields)
            .Where(f => f is { Kind: FieldKind.Taxonomy, Facet: not null, Vocabulary: not null })
            .GroupBy(f => f.Facet!).ToDictionary(g => g.Key, g => g.First().Vocabulary!, StringComparer.Ordinal);
        if (vocabularyOfFacet.Count > 0)
        {
            var vocabularies = (await taxonomies.Value.ListAsync(cancellationToken)).ToDictionary(v => v.Name, StringComparer.Ordinal);
            foreach (var (facet, vocabularyName) in vocabularyOfFacet)
            {
                foreach (var term in vocabularies.GetValueOrDefault(vocabularyName)?.Terms ?? [])
                {
                    labels[$"{facet}/{term.Slug}"] = term.Name;
                }
            }
        }

        return labels;
    }

    /// <summary>Replaces each typed word by the closest word of the best fuzzy hit (title, summary, body), when one is close.</summary>
    private static string? Suggest(UserQueryParser.ParsedQuery parsed, IReadOnlyList<StoredHit> hits)
    {
        if (hits.Count == 0)
        {
            return null;
        }

        var candidates = string.Join(' ', hits[0].Title, hits[0].Summary, hits[0].Body)
            .Split([' ', ',', '.', ';', ':', '(', ')', '«', '»', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var changed = false;
        var words = parsed.Words.Select(word =>
        {
            var folded = Core.Text.SlugHelper.FoldToAscii(word);
            var best = candidates
                .Select(c => (Word: c, Distance: EditDistance.Distance(folded, Core.Text.SlugHelper.FoldToAscii(c), 2)))
                .Where(c => c.Distance <= 2)
                .OrderBy(c => c.Distance).FirstOrDefault();
            if (best.Word is null || best.Distance == 0)
            {
                return word;
            }

            changed = true;
            return best.Word.ToLowerInvariant();
        }).ToList();
        return changed ? string.Join(' ', words.Concat(parsed.Phrases.Select(p => $"\"{p}\""))) : null;
    }

    private sealed record RunResult(int Total, IReadOnlyList<StoredHit> Hits, Dictionary<string, Dictionary<string, int>> Facets);
}
