using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;

namespace RallyNov.Initiatives.Models;

/// <summary>The "same thème" block of an initiative's page, wherever it can be read from cheaply.</summary>
public static class RelatedInitiatives
{
    /// <summary>Initiatives asked from the index per thème of the item.</summary>
    public const int CandidatesPerTheme = 50;

    /// <summary>
    /// Per thème of the item, the most recent initiatives of that thème are asked from the search
    /// index (ids only), then loaded in one query and ranked as <see cref="InitiativeCatalog.Related"/>
    /// does: with 20 000 initiatives the page loads a few dozen items instead of all of them.
    /// The ranking is exact while a thème has fewer than <see cref="CandidatesPerTheme"/> items and
    /// favours recent ones beyond. Without an up-to-date index: every initiative, from the database.
    /// </summary>
    /// <param name="views">
    /// When given, the candidates of a thème are asked from the index once per tenant version and
    /// kept (ids only): with 100 000 initiatives each query is a pass over the whole type.
    /// </param>
    public static async Task<IReadOnlyList<ContentItem>> LoadAsync(
        ContentItem item, int take, IPublishedListIndex? index, IPublishedContentReader reader, IContentManager contents, CancellationToken cancellationToken, IPublishedViews? views = null)
    {
        var themes = item.GetStrings(InitiativeFields.Themes);
        if (themes.Count == 0)
        {
            return [];
        }

        if (index is not null)
        {
            var kept = views is null ? null : await views.GetAsync(InitiativeFields.Type, "related-candidates", (_, _) => Task.FromResult(new ThemeCandidates()), cancellationToken);
            HashSet<string>? ids = new(StringComparer.Ordinal);
            foreach (var theme in themes)
            {
                if (kept is not null && kept.ByTheme.TryGetValue(theme, out var known))
                {
                    ids.UnionWith(known);
                    continue;
                }

                var page = await index.QueryAsync(
                    new PublishedListQuery
                    {
                        ContentType = InitiativeFields.Type,
                        Filters = new Dictionary<string, string> { [InitiativeListData.ThemeFacet] = theme },
                        SortByNumberDescending = InitiativeListData.YearFacet,
                        Take = CandidatesPerTheme,
                    },
                    cancellationToken);
                if (page is null)
                {
                    ids = null;
                    break;
                }

                ids.UnionWith(page.Ids);
                kept?.ByTheme.TryAdd(theme, [.. page.Ids]); // only an up-to-date index answers
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
    /// Candidate ids per thème for one tenant version, filled as pages ask (the version moves with
    /// any publication, so a new, empty one is made then).
    /// </summary>
    private sealed class ThemeCandidates
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, string[]> ByTheme { get; } = new(StringComparer.Ordinal);
    }
}
