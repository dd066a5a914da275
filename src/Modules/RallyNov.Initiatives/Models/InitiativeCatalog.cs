using RallyNov.Contents.Display;
using RallyNov.Core.Content;

namespace RallyNov.Initiatives.Models;

/// <summary>One value of a filter with the number of initiatives it would show.</summary>
public sealed record FacetValue(string Key, string Label, int Count, bool Selected, string Url);

/// <summary>
/// Filtering, counting and ordering of the published initiatives, kept apart from the controller
/// so the rules are tested without a web server.
/// </summary>
public static class InitiativeCatalog
{
    /// <summary>Newest identified first, then alphabetical: what visitors come back for is what is new.</summary>
    public static IEnumerable<ContentItem> Ordered(IEnumerable<ContentItem> items) =>
        items.OrderByDescending(i => i.GetInt(InitiativeFields.YearIdentified) ?? 0)
            .ThenBy(i => i.DisplayText, StringComparer.Create(FrenchFormat.Culture, ignoreCase: true));

    public static IEnumerable<ContentItem> Apply(IEnumerable<ContentItem> items, InitiativeFilter filter) =>
        items.Where(i => Matches(i, filter));

    public static bool Matches(ContentItem item, InitiativeFilter filter) =>
        (filter.Departement is null || item.GetStrings(InitiativeFields.Departement).Contains(filter.Departement, StringComparer.Ordinal))
        && (filter.Theme is null || item.GetStrings(InitiativeFields.Themes).Contains(filter.Theme, StringComparer.Ordinal))
        && (filter.Year is null || item.GetInt(InitiativeFields.YearIdentified) == filter.Year);

    /// <summary>
    /// Counts per value of one dimension among the items matching the other dimensions, so each
    /// count says exactly how many results its link leads to.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Count(IEnumerable<ContentItem> items, InitiativeFilter others, Func<ContentItem, IEnumerable<string>> keys)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in Apply(items, others))
        {
            foreach (var key in keys(item).Distinct(StringComparer.Ordinal))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    /// <summary>Initiatives sharing a thème with the given one, the most themes in common first.</summary>
    public static IReadOnlyList<ContentItem> Related(IEnumerable<ContentItem> items, ContentItem initiative, int take)
    {
        var byId = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byId.TryAdd(item.ContentItemId, item);
        }

        return RankRelated(byId.Values.Select(RelatedCandidate.Of), initiative, take).Select(id => byId[id]).ToList();
    }

    /// <summary>
    /// The ids of the <paramref name="take"/> initiatives that share the most thèmes with
    /// <paramref name="initiative"/> (then the most recent, then by title), itself left out.
    /// </summary>
    internal static List<string> RankRelated(IEnumerable<RelatedCandidate> candidates, ContentItem initiative, int take)
    {
        var themes = initiative.GetStrings(InitiativeFields.Themes);
        return candidates
            .Where(c => c.Id != initiative.ContentItemId)
            .Select(c => (Candidate: c, Shared: c.Themes.Intersect(themes, StringComparer.Ordinal).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared)
            .ThenByDescending(x => x.Candidate.Year)
            .ThenBy(x => x.Candidate.DisplayText, StringComparer.Ordinal)
            .Take(take)
            .Select(x => x.Candidate.Id)
            .ToList();
    }
}

/// <summary>What the related ranking reads of an initiative (immutable: kept per version and shared by requests).</summary>
internal sealed record RelatedCandidate(string Id, string[] Themes, int Year, string DisplayText)
{
    public static RelatedCandidate Of(ContentItem item) =>
        new(item.ContentItemId, [.. item.GetStrings(InitiativeFields.Themes)], item.GetInt(InitiativeFields.YearIdentified) ?? 0, item.DisplayText);
}
