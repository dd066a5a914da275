using RallyNov.Contents.Display;
using RallyNov.Core.Caching;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Querying;

/// <summary>
/// Whole published lists of one type, for public pages that filter or group on fields kept in
/// the JSON document (département, thème, year). A regional network publishes hundreds of items,
/// not millions: one query for the whole list, then filtering in memory, is cheaper than a column per
/// field. Full-text and faceted search belong to the search module.
/// </summary>
public interface IPublishedContentReader
{
    /// <summary>Every published item of a type enabled in the tenant (empty when the type is off).</summary>
    Task<IReadOnlyList<ContentItem>> AllAsync(string contentType, CancellationToken cancellationToken);

    /// <summary>Published items whose content pickers reference the given item (e.g. the laureate of an initiative).</summary>
    Task<IReadOnlyList<ContentItem>> ReferrersAsync(string contentItemId, CancellationToken cancellationToken);
}

internal sealed class PublishedContentReader(
    IContentManager contents,
    IContentDefinitionManager definitions,
    ModuleCatalog catalog,
    ISiteDataCache cache,
    TenantContext tenant,
    IPublishedItems published) : IPublishedContentReader
{
    // Scoped: a page that shows the same list twice (home sections, related items) queries once.
    private readonly Dictionary<string, IReadOnlyList<ContentItem>> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<ContentItem>> AllAsync(string contentType, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(contentType, out var cached))
        {
            return cached;
        }

        var type = definitions.Find(contentType);
        if (type is null || !catalog.IsEnabled(tenant.Settings, type.ModuleId))
        {
            return [];
        }

        var all = await contents.AllPublishedAsync(type.Name, cancellationToken);
        _cache[contentType] = all;
        return all;
    }

    public async Task<IReadOnlyList<ContentItem>> ReferrersAsync(string contentItemId, CancellationToken cancellationToken)
    {
        // Who references whom is read from every published item with a picker once per tenant
        // version; a detail page then loads its few referrers by id.
        var map = await cache.GetOrCreateAsync(tenant.Settings, "published:referrers", ReferrerMapAsync, cancellationToken);
        if (!map.TryGetValue(contentItemId, out var ids))
        {
            return [];
        }

        var items = await published.ByIdsAsync(ids, cancellationToken);
        return ids.Where(items.ContainsKey).Select(id => items[id]).ToList();
    }

    /// <summary>Referenced item id → the published items whose pickers name it, in type then list order.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> ReferrerMapAsync(CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in definitions.TypesFor(tenant.Settings))
        {
            var pickers = type.Fields.Where(f => f.Kind == FieldKind.ContentPicker).Select(f => f.Name).ToList();
            if (pickers.Count == 0)
            {
                continue;
            }

            foreach (var item in await AllAsync(type.Name, cancellationToken))
            {
                foreach (var target in pickers.SelectMany(item.GetStrings).Distinct(StringComparer.Ordinal))
                {
                    if (!map.TryGetValue(target, out var list))
                    {
                        map[target] = list = [];
                    }

                    list.Add(item.ContentItemId);
                }
            }
        }

        return map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
