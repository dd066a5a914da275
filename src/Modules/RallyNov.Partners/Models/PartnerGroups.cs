using RallyNov.Contents.Display;
using RallyNov.Core.Content;
using RallyNov.Core.Taxonomies;

namespace RallyNov.Partners.Models;

public sealed record PartnerGroup(string Key, string Title, IReadOnlyList<ContentItem> Partners);

public static class PartnerGrouping
{
    public const string OtherKey = "autres";

    /// <summary>
    /// Groups in the editorial order of the kinds vocabulary, partners by their "Order" then name;
    /// partners without a kind come last, under "Autres partenaires".
    /// </summary>
    public static IReadOnlyList<PartnerGroup> ByKind(IEnumerable<ContentItem> partners, IReadOnlyList<Term> kinds)
    {
        var comparer = StringComparer.Create(FrenchFormat.Culture, ignoreCase: true);
        var known = kinds.Select(k => k.Slug).ToHashSet(StringComparer.Ordinal);
        var byKind = partners
            .GroupBy(p => p.GetFirst(PartnerFields.Kind) is { } kind && known.Contains(kind) ? kind : OtherKey)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ContentItem>)g.OrderBy(p => p.GetInt(PartnerFields.Order) ?? int.MaxValue).ThenBy(p => p.DisplayText, comparer).ToList(),
                StringComparer.Ordinal);

        var groups = kinds
            .Where(k => byKind.ContainsKey(k.Slug))
            .Select(k => new PartnerGroup(k.Slug, k.Name, byKind[k.Slug]))
            .ToList();
        if (byKind.TryGetValue(OtherKey, out var others))
        {
            groups.Add(new PartnerGroup(OtherKey, "Autres partenaires", others));
        }

        return groups;
    }
}
