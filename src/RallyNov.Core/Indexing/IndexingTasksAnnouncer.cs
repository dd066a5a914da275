using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Caching;
using RallyNov.Core.Cluster;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Indexing;

/// <summary>
/// Content published, unpublished, deleted or restored wrote IndexingTasks rows: announce them once
/// they are committed (after the recipe's or import's own transaction when there is one), so that
/// every node's index takes them at once.
/// </summary>
internal sealed class IndexingTasksContentHandler(ITenantAccessor accessor, IServiceProvider services, IIndexingSignal signal) : IContentHandler
{
    public Task PublishedAsync(ContentItem item, CancellationToken cancellationToken) => Announce();

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => Announce();

    public Task DeletedAsync(ContentItem item, CancellationToken cancellationToken) => Announce();

    public Task RestoredAsync(ContentItem item, CancellationToken cancellationToken) => Announce();

    private Task Announce()
    {
        if (accessor.Current is not { } tenant)
        {
            return Task.CompletedTask;
        }

        var name = tenant.Name;
        var transaction = services.GetRequiredService<RallyNovDbContext>().Database.CurrentTransaction?.GetDbTransaction();
        if (transaction is not null)
        {
            AfterCommitInterceptor.Register(transaction, () =>
            {
                signal.Announce(name);
                return Task.CompletedTask;
            });
        }
        else
        {
            signal.Announce(name);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Another node committed IndexingTasks rows: this node's indexer reads them now.</summary>
internal sealed class IndexingTasksChangeHandler(IIndexingSignal signal) : IChangeHandler
{
    public Task ApplyAsync(ChangeNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Kind == ChangeKinds.IndexingTasks && notice.Tenant is { Length: > 0 } tenant)
        {
            signal.Wake(tenant);
        }

        return Task.CompletedTask;
    }
}
