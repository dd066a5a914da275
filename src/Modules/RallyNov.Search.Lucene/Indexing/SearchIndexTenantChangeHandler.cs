using Microsoft.Extensions.Logging;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// A tenant that is disabled or removed has its index closed at once: the indexing loop already
/// skips it, and closing releases its files (so a removal can delete them) and its memory.
/// </summary>
internal sealed class SearchIndexTenantChangeHandler(SearchIndexRegistry registry, ILogger<SearchIndexTenantChangeHandler> logger) : ITenantChangeHandler
{
    public Task HandleAsync(TenantChange change, CancellationToken cancellationToken)
    {
        if (change.Kind == TenantChangeKind.Removed || change.After?.State != TenantState.Running)
        {
            try
            {
                registry.Close(change.Name);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                // A removed tenant's files may already be gone; the writer has nothing left to save.
                logger.LogWarning(ex, "Closing the search index of tenant {Tenant} failed.", change.Name);
            }
        }

        return Task.CompletedTask;
    }
}
