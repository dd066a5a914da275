using RallyNov.Core.Content;

namespace RallyNov.Modules.Tests.Pages;

/// <summary>Serves a fixed set of items and records the queries made, for controller tests.</summary>
internal sealed class FakeContentManager(params ContentItem[] items) : IContentManager
{
    public List<ContentQuery> Queries { get; } = [];

    public List<(string Slug, VersionOptions Options)> SlugLookups { get; } = [];

    public ContentItem New(string contentType) => new() { ContentItemId = Guid.NewGuid().ToString("N"), ContentType = contentType };

    public Task<ContentItem?> GetBySlugAsync(string slug, VersionOptions options, CancellationToken cancellationToken)
    {
        SlugLookups.Add((slug, options));
        return Task.FromResult(items.FirstOrDefault(i => i.Slug == slug && (options != VersionOptions.Published || i.Published)));
    }

    public Task<PagedResult<ContentItem>> QueryAsync(ContentQuery query, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        var found = items.Where(i => i.Published && (query.ContentTypes is null || query.ContentTypes.Contains(i.ContentType))).ToList();
        return Task.FromResult(new PagedResult<ContentItem>(found, found.Count, query.Page, query.PageSize));
    }

    public Task<IReadOnlyList<ContentItem>> AllPublishedAsync(string contentType, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContentItem>>(items.Where(i => i.Published && i.ContentType == contentType).OrderBy(i => i.DisplayText, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyDictionary<string, int>> CountPublishedAsync(IReadOnlyCollection<string> contentTypes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(items
            .Where(i => i.Published && contentTypes.Contains(i.ContentType))
            .GroupBy(i => i.ContentType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    public Task<IReadOnlyList<string>> PublishedIdsInTitleOrderAsync(string contentType, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, ContentItem>> GetManyAsync(IEnumerable<string> contentItemIds, VersionOptions options, CancellationToken cancellationToken)
    {
        var wanted = contentItemIds.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyDictionary<string, ContentItem>>(items
            .Where(i => wanted.Contains(i.ContentItemId) && (options != VersionOptions.Published || i.Published))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal));
    }

    public Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentResult> SaveDraftAsync(ContentItem item, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentResult> PublishAsync(ContentItem item, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentResult> PublishLatestAsync(string contentItemId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentResult> UnpublishAsync(string contentItemId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentResult> DeleteAsync(string contentItemId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentResult> RestoreDeletedAsync(string contentItemId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentResult> RestoreVersionAsync(string contentItemVersionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ContentResult> RestoreVersionAsync(string contentItemVersionId, string? author, CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>The published items as the public controllers read them, straight from a content manager (no keeping).</summary>
internal sealed class FakePublishedItems(IContentManager contents) : RallyNov.Contents.Querying.IPublishedItems
{
    public Task<ContentItem?> BySlugAsync(string slug, CancellationToken cancellationToken) =>
        contents.GetBySlugAsync(slug, VersionOptions.Published, cancellationToken);

    public Task<IReadOnlyDictionary<string, ContentItem>> ByIdsAsync(IEnumerable<string> contentItemIds, CancellationToken cancellationToken) =>
        contents.GetManyAsync(contentItemIds, VersionOptions.Published, cancellationToken);
}
