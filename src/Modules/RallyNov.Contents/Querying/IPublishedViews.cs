using RallyNov.Core.Caching;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Querying;

/// <summary>
/// What a public list or home block shows of a content type (card data, groups, the latest
/// figures), built from the published items once and shared by every request until anything of
/// the tenant changes. The items' JSON is parsed when the model is built, never per request; the
/// model lives in the tenant's <see cref="ISiteDataCache"/>, so a publication, an edit of a
/// vocabulary or of the settings moves its version with the output cache's, and the next request
/// sees the change.
/// </summary>
/// <remarks>
/// The model must be immutable (records of strings, numbers and read-only lists; never a
/// <see cref="RallyNov.Core.Content.ContentItem"/>, whose JSON is neither immutable nor safe to read
/// from several threads): the same instance is handed to concurrent requests.
/// </remarks>
public interface IPublishedViews
{
    /// <param name="contentType">The type whose published items <paramref name="build"/> receives.</param>
    /// <param name="name">Fixed name chosen by code ("cards", "by-year"): one model per type and name.</param>
    Task<T> GetAsync<T>(string contentType, string name, Func<IPublishedContentReader, CancellationToken, Task<T>> build, CancellationToken cancellationToken)
        where T : class;
}

internal sealed class PublishedViews(IPublishedContentReader reader, ISiteDataCache cache, TenantContext tenant) : IPublishedViews
{
    public Task<T> GetAsync<T>(string contentType, string name, Func<IPublishedContentReader, CancellationToken, Task<T>> build, CancellationToken cancellationToken)
        where T : class =>
        cache.GetOrCreateAsync(tenant.Settings, "published:" + contentType + ":" + name, ct => build(reader, ct), cancellationToken);
}
