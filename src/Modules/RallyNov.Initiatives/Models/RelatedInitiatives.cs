using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;

namespace RallyNov.Initiatives.Models;

/// <summary>The "same thème" block of an initiative's page, wherever it can be read from cheaply.</summary>
public static class RelatedInitiatives
{
    /// <summary>Initiatives asked from the index per thème of the item.</summary>
    public const int CandidatesPerTheme = 50;

    /// <summary>Ranked lists kept per tenant version (a few ids each); past it the shelf starts over.</summary>
    public const int MaxRankedKept = 5_000;

    /// <summary>
    /// Per thème of the item, the most recent initiatives of that thème are asked from the search
    /// index (ids only), then loaded in one query and ranked as <see cref="InitiativeCatalog.Related"/>
    /// does: with 20 000 initiatives the page loads a few dozen items instead of all of them.
    /// The ranking is exact while a thème has fewer than <see cref="CandidatesPerTheme"/> items and
    /// favours recent ones beyond. Without an up-to-date index: every initiative, from the database.
    /// </summary>
    /// <param name="views">
    /// When given, the candidates of a thème are asked from the index once per tenant version and
    /// kept with the few values the ranking reads: a page then loads only the items it shows.
    /// </param>
    /// <param name="items">When given, the items shown are read from the published items kept per tenant version.</param>
    public static async Task<IReadOnlyList<ContentItem>> LoadAsync(
        ContentItem item, int take, IPublishedListIndex? index, IPublishedContentReader reader, IContentManager contents, CancellationToken cancellationToken, IPublishedViews? views = null, IPublishedItems? items = null)
    {
        var themes = item.GetStrings(InitiativeFields.Themes);
        if (themes.Count == 0)
        {
            return [];
        }

        if (index is not null && views is not null)
        {
            // The ranked ids per item, for this tenant version: a page seen before ranks nothing.
            var ranked = await views.GetAsync(InitiativeFields.Type, "related-ranked", (_, _) => Task.FromResult(new BoundedShelf<(string Id, int Take), string[]>(MaxRankedKept)), cancellationToken);
            var key = (item.ContentItemId, take);
            string[]? ids = null;
            if (!ranked.TryGet(key, out ids))
            {
                var kept = await views.GetAsync(InitiativeFields.Type, "related-candidates", (_, _) => Task.FromResult(new ThemeCandidates()), cancellationToken);
                if (await KeptCandidatesAsync(item, themes, kept, index, contents, cancellationToken) is { } candidates)
                {
                    ids = [.. InitiativeCatalog.RankRelated(candidates.Values, item, take)];
                    ranked.Keep(key, ids); // only ranked from an up-to-date index
                }
            }

            if (ids is not null)
            {
                var loaded = items is null
                    ? await contents.GetManyAsync(ids, VersionOptions.Published, cancellationToken)
                    : await items.ByIdsAsync(ids, cancellationToken);
                return ids.Where(loaded.ContainsKey).Select(id => loaded[id]).ToList();
            }
        }
        else if (index is not null)
        {
            HashSet<string>? ids = new(StringComparer.Ordinal);
            foreach (var theme in themes)
            {
                var page = await QueryThemeAsync(index, theme, cancellationToken);
                if (page is null)
                {
                    ids = null;
                    break;
                }

                ids.UnionWith(page.Ids);
            }

            if (ids is not null)
            {
                var candidates = await contents.GetManyAsync(ids, VersionOptions.Published, cancellationToken);
                return InitiativeCatalog.Related(candidates.Values, item, take);
            }
        }

        return InitiativeCatalog.Related(await reader.AllAsync(InitiativeFields.Type, cancellationToken), item, take);
    }

    /// <summary>
    /// The candidates of each thème of the item, asked from the index and loaded once per tenant
    /// version, then kept as the few values the ranking reads: a page ranks them in memory and
    /// loads only the <c>take</c> it shows. Null when the index cannot answer (behind the log).
    /// </summary>
    private static async Task<Dictionary<string, RelatedCandidate>?> KeptCandidatesAsync(
        ContentItem item, IReadOnlyList<string> themes, ThemeCandidates kept, IPublishedListIndex index, IContentManager contents, CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<string, RelatedCandidate>(StringComparer.Ordinal);
        foreach (var theme in themes)
        {
            if (!kept.ByTheme.TryGetValue(theme, out var known))
            {
                var page = await QueryThemeAsync(index, theme, cancellationToken);
                if (page is null)
                {
                    return null;
                }

                var items = await contents.GetManyAsync(page.Ids, VersionOptions.Published, cancellationToken);
                known = page.Ids.Where(items.ContainsKey).Select(id => RelatedCandidate.Of(items[id])).ToArray();
                if (known.Length == page.Ids.Count)
                {
                    kept.ByTheme.TryAdd(theme, known); // only an up-to-date index answers
                }
            }

            foreach (var candidate in known)
            {
                candidates.TryAdd(candidate.Id, candidate);
            }
        }

        return candidates;
    }

    private static Task<PublishedListPage?> QueryThemeAsync(IPublishedListIndex index, string theme, CancellationToken cancellationToken) =>
        index.QueryAsync(
            new PublishedListQuery
            {
                ContentType = InitiativeFields.Type,
                Filters = new Dictionary<string, string> { [InitiativeListData.ThemeFacet] = theme },
                SortByNumberDescending = InitiativeListData.YearFacet,
                Take = CandidatesPerTheme,
            },
            cancellationToken);

    /// <summary>
    /// Candidates per thème for one tenant version, filled as pages ask (the version moves with
    /// any publication, so a new, empty one is made then).
    /// </summary>
    private sealed class ThemeCandidates
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, RelatedCandidate[]> ByTheme { get; } = new(StringComparer.Ordinal);
    }
}
