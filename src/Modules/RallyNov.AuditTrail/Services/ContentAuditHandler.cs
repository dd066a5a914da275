using RallyNov.Core.Auditing;
using RallyNov.Core.Content;

namespace RallyNov.AuditTrail.Services;

/// <summary>Records content events (after commit, from the content manager's handlers).</summary>
internal sealed class ContentAuditHandler(IAuditTrail audit, IAuditEventFactory events) : IContentHandler
{
    public Task SavedAsync(ContentItem item, CancellationToken cancellationToken)
    {
        // A save that also publishes is followed by PublishedAsync: one line says it all, except
        // for a brand new item, whose creation is worth its own line.
        if (item.VersionNumber == 1)
        {
            return RecordAsync(AuditActions.ContentCreated, item, cancellationToken);
        }

        return item.Published ? Task.CompletedTask : RecordAsync(AuditActions.ContentSaved, item, cancellationToken);
    }

    public Task PublishedAsync(ContentItem item, CancellationToken cancellationToken) => RecordAsync(AuditActions.ContentPublished, item, cancellationToken);

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => RecordAsync(AuditActions.ContentUnpublished, item, cancellationToken);

    public Task DeletedAsync(ContentItem item, CancellationToken cancellationToken) => RecordAsync(AuditActions.ContentDeleted, item, cancellationToken);

    public Task RestoredAsync(ContentItem item, CancellationToken cancellationToken) => RecordAsync(AuditActions.ContentRestored, item, cancellationToken);

    private Task RecordAsync(string action, ContentItem item, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            events.Create(AuditCategories.Content, action, item.ContentItemId, item.DisplayText, $"Type : {item.ContentType}, version {item.VersionNumber}"),
            cancellationToken);
}
