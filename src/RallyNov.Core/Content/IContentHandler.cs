namespace RallyNov.Core.Content;

/// <summary>
/// Lets modules react to content events. Called after the change is committed, so a handler
/// failure never undoes a publish; durable reactions (search indexing) follow the
/// IndexingTasks log instead.
/// </summary>
public interface IContentHandler
{
    Task SavedAsync(ContentItem item, CancellationToken cancellationToken) => Task.CompletedTask;

    Task PublishedAsync(ContentItem item, CancellationToken cancellationToken) => Task.CompletedTask;

    Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => Task.CompletedTask;

    Task DeletedAsync(ContentItem item, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An item came back from the bin. Handlers written before this hook see it as a save.</summary>
    Task RestoredAsync(ContentItem item, CancellationToken cancellationToken) => SavedAsync(item, cancellationToken);
}
