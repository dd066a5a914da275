using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using RallyNov.Core.Caching;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Querying;

/// <summary>
/// Published items by slug or id for public pages (detail pages, their referrers and related
/// items), read from the database once per tenant version: the next requests get a fresh copy
/// without a query. Any publication, unpublication, deletion or restore of the tenant moves its
/// version (<see cref="ISiteDataCache.VersionOf"/>), so the next request reads the new rows.
/// </summary>
/// <remarks>
/// Each call returns new <see cref="ContentItem"/> instances (their JSON is neither immutable nor
/// safe to read from several threads); what is kept is an immutable snapshot (columns and a
/// <see cref="JsonElement"/>). At most <see cref="PublishedItemStore.MaxEntriesPerTenant"/> slugs
/// and ids per tenant and version are kept; when full, the store starts over with the items asked next.
/// </remarks>
public interface IPublishedItems
{
    /// <summary>The published item with this slug (lower case), whatever its type; null when none.</summary>
    Task<ContentItem?> BySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The published items among these ids, keyed by id.</summary>
    Task<IReadOnlyDictionary<string, ContentItem>> ByIdsAsync(IEnumerable<string> contentItemIds, CancellationToken cancellationToken);
}

internal sealed class PublishedItems(IServiceProvider services, PublishedItemStore store, ISiteDataCache versions, TenantContext tenant) : IPublishedItems
{
    // Resolved on a miss only: a page whose items are all kept opens no database context.
    private IContentManager Contents => _contents ??= (IContentManager)services.GetService(typeof(IContentManager))!;

    private IContentManager? _contents;

    public async Task<ContentItem?> BySlugAsync(string slug, CancellationToken cancellationToken)
    {
        // Read before loading: a change committed meanwhile moves the version, and the rows read
        // before it are kept under the old one, never found again.
        var entries = store.For(tenant.Name, versions.VersionOf(tenant.Settings));
        var key = "s:" + slug;
        if (entries.TryGet(key, out var kept))
        {
            return kept?.ToItem();
        }

        var item = await Contents.GetBySlugAsync(slug, VersionOptions.Published, cancellationToken);
        var snapshot = item is null ? null : PublishedItemSnapshot.Of(item);
        entries.Keep(key, snapshot);
        if (snapshot is not null)
        {
            entries.Keep("i:" + snapshot.Columns.ContentItemId, snapshot);
        }

        return item;
    }

    public async Task<IReadOnlyDictionary<string, ContentItem>> ByIdsAsync(IEnumerable<string> contentItemIds, CancellationToken cancellationToken)
    {
        var entries = store.For(tenant.Name, versions.VersionOf(tenant.Settings));
        var found = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var id in contentItemIds)
        {
            if (found.ContainsKey(id))
            {
                continue;
            }

            if (entries.TryGet("i:" + id, out var kept))
            {
                if (kept is not null)
                {
                    found[id] = kept.ToItem();
                }
            }
            else
            {
                (missing ??= []).Add(id);
            }
        }

        if (missing is null)
        {
            return found;
        }

        var loaded = await Contents.GetManyAsync(missing, VersionOptions.Published, cancellationToken);
        foreach (var id in missing.Distinct(StringComparer.Ordinal))
        {
            if (loaded.TryGetValue(id, out var item))
            {
                found[id] = item;
                entries.Keep("i:" + id, PublishedItemSnapshot.Of(item));
            }
            else
            {
                entries.Keep("i:" + id, null);
            }
        }

        return found;
    }
}

/// <summary>The kept snapshots, per tenant, for the tenant's current version only.</summary>
internal sealed class PublishedItemStore
{
    /// <summary>Bounds memory whatever visitors ask (unknown slugs are kept too): a few MB per tenant.</summary>
    public const int MaxEntriesPerTenant = 2048;

    private readonly ConcurrentDictionary<string, Entries> _tenants = new(StringComparer.Ordinal);

    public Entries For(string tenant, string version)
    {
        if (_tenants.TryGetValue(tenant, out var entries) && entries.Version == version)
        {
            return entries;
        }

        // An older version is never read again: it is replaced, not merged.
        var fresh = new Entries(version);
        return _tenants.AddOrUpdate(tenant, fresh, (_, existing) => existing.Version == version ? existing : fresh);
    }

    internal sealed class Entries(string version)
    {
        private readonly BoundedShelf<string, PublishedItemSnapshot?> _items = new(MaxEntriesPerTenant, StringComparer.Ordinal);

        public string Version { get; } = version;

        public bool TryGet(string key, out PublishedItemSnapshot? snapshot) => _items.TryGet(key, out snapshot);

        public void Keep(string key, PublishedItemSnapshot? snapshot) => _items.Keep(key, snapshot);
    }
}

/// <summary>An item's columns (never handed out) and its JSON as an immutable element.</summary>
internal sealed class PublishedItemSnapshot
{
    private PublishedItemSnapshot(ContentItem columns, JsonElement content)
    {
        Columns = columns;
        Content = content;
    }

    /// <summary>The item without its JSON: only read here, to make copies.</summary>
    public ContentItem Columns { get; }

    private JsonElement Content { get; }

    public static PublishedItemSnapshot Of(ContentItem item)
    {
        var content = JsonSerializer.SerializeToElement(item.Content);
        var columns = new ContentItem
        {
            Id = item.Id,
            ContentItemId = item.ContentItemId,
            ContentItemVersionId = item.ContentItemVersionId,
            VersionNumber = item.VersionNumber,
            ContentType = item.ContentType,
            DisplayText = item.DisplayText,
            Slug = item.Slug,
            Latest = item.Latest,
            Published = item.Published,
            Owner = item.Owner,
            Author = item.Author,
            CreatedUtc = item.CreatedUtc,
            ModifiedUtc = item.ModifiedUtc,
            PublishedUtc = item.PublishedUtc,
            DeletedUtc = item.DeletedUtc,
            ReviewRequestedUtc = item.ReviewRequestedUtc,
            ScheduledPublishUtc = item.ScheduledPublishUtc,
        };
        return new PublishedItemSnapshot(columns, content);
    }

    /// <summary>A new item of its own: its JSON object reads the shared element lazily (thread-safe: the element never changes).</summary>
    public ContentItem ToItem() => new()
    {
        Id = Columns.Id,
        ContentItemId = Columns.ContentItemId,
        ContentItemVersionId = Columns.ContentItemVersionId,
        VersionNumber = Columns.VersionNumber,
        ContentType = Columns.ContentType,
        DisplayText = Columns.DisplayText,
        Slug = Columns.Slug,
        Latest = Columns.Latest,
        Published = Columns.Published,
        Owner = Columns.Owner,
        Author = Columns.Author,
        CreatedUtc = Columns.CreatedUtc,
        ModifiedUtc = Columns.ModifiedUtc,
        PublishedUtc = Columns.PublishedUtc,
        DeletedUtc = Columns.DeletedUtc,
        ReviewRequestedUtc = Columns.ReviewRequestedUtc,
        ScheduledPublishUtc = Columns.ScheduledPublishUtc,
        Content = JsonObject.Create(Content) ?? [],
    };
}
