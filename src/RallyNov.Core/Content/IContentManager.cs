namespace RallyNov.Core.Content;

/// <summary>Creates, loads, versions and publishes the content items of the current tenant.</summary>
public interface IContentManager
{
    /// <summary>A new, unsaved item of a type, with a fresh id.</summary>
    ContentItem New(string contentType);

    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options, CancellationToken cancellationToken);

    /// <summary>One indexed query; never returns a deleted item.</summary>
    Task<ContentItem?> GetBySlugAsync(string slug, VersionOptions options, CancellationToken cancellationToken);

    Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken);

    /// <summary>Loads many items by id in one query (no N+1), keyed by id.</summary>
    Task<IReadOnlyDictionary<string, ContentItem>> GetManyAsync(IEnumerable<string> contentItemIds, VersionOptions options, CancellationToken cancellationToken);

    /// <summary>All versions of an item, newest first.</summary>
    Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken);

    Task<PagedResult<ContentItem>> QueryAsync(ContentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// How many published items each of the given types has, in one grouped count (no page query):
    /// the same items as <see cref="QueryAsync"/> with <see cref="ContentStatus.Published"/> counts.
    /// Types without a published item are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountPublishedAsync(IReadOnlyCollection<string> contentTypes, CancellationToken cancellationToken);

    /// <summary>
    /// Every published item of a type, by title, in one query (no paging, no count): for public
    /// lists that group or filter on JSON fields. Meant for hundreds of items, not hundreds of thousands.
    /// </summary>
    Task<IReadOnlyList<ContentItem>> AllPublishedAsync(string contentType, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of a type's published items in title order (then row order), and nothing else: a
    /// list of 100 000 items sorts small rows and is kept per site version by its callers.
    /// </summary>
    Task<IReadOnlyList<string>> PublishedIdsInTitleOrderAsync(string contentType, CancellationToken cancellationToken);

    /// <summary>
    /// Validates and stores the item as a draft (types that are not draftable are published).
    /// The item's version id must be the current latest one, otherwise the result is a conflict.
    /// </summary>
    Task<ContentResult> SaveDraftAsync(ContentItem item, CancellationToken cancellationToken);

    /// <summary>Validates, stores and publishes the item in one transaction.</summary>
    Task<ContentResult> PublishAsync(ContentItem item, CancellationToken cancellationToken);

    /// <summary>Publishes the latest version as it is (e.g. a draft waiting for review).</summary>
    Task<ContentResult> PublishLatestAsync(string contentItemId, CancellationToken cancellationToken);

    Task<ContentResult> UnpublishAsync(string contentItemId, CancellationToken cancellationToken);

    /// <summary>Moves the item to the bin: unpublished, hidden from every list but the bin.</summary>
    Task<ContentResult> DeleteAsync(string contentItemId, CancellationToken cancellationToken);

    /// <summary>Takes an item out of the bin as a draft.</summary>
    Task<ContentResult> RestoreDeletedAsync(string contentItemId, CancellationToken cancellationToken);

    /// <summary>Copies an old version into a new draft (history is never rewritten).</summary>
    Task<ContentResult> RestoreVersionAsync(string contentItemVersionId, CancellationToken cancellationToken);

    /// <summary>Same, recording <paramref name="author"/> (the user who restores) as the new draft's author.</summary>
    Task<ContentResult> RestoreVersionAsync(string contentItemVersionId, string? author, CancellationToken cancellationToken);
}
