using RallyNov.Core.Data;
using RallyNov.Core.Indexing;

namespace RallyNov.Core.Content;

/// <summary>
/// Inserts many new, already valid, published items fast (generators, large migrations):
/// batched inserts with their IndexingTasks rows, no per-item validation or handlers.
/// Editors' saves always go through <see cref="IContentManager"/>.
/// </summary>
public interface IBulkContentWriter
{
    /// <returns>The number of items written.</returns>
    Task<int> InsertPublishedAsync(IEnumerable<ContentItem> items, IProgress<int>? progress, CancellationToken cancellationToken);
}

internal sealed class BulkContentWriter(RallyNovDbContext db, TimeProvider clock) : IBulkContentWriter
{
    private const int BatchSize = 2000;

    public async Task<int> InsertPublishedAsync(IEnumerable<ContentItem> items, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var written = 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in items.Chunk(BatchSize))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var item in batch)
                {
                    item.Id = 0;
                    item.ContentItemVersionId = IdGenerator.New();
                    item.VersionNumber = 1;
                    item.Latest = true;
                    item.Published = true;
                    item.CreatedUtc = item.CreatedUtc == default ? now : item.CreatedUtc;
                    item.ModifiedUtc = now;
                    item.PublishedUtc ??= now;
                    db.ContentItems.Add(item);
                    db.IndexingTasks.Add(new IndexingTask { ContentItemId = item.ContentItemId, ContentType = item.ContentType, Kind = IndexingTaskKind.Publish, CreatedUtc = now });
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                written += batch.Length;
                progress?.Report(written);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return written;
    }
}
