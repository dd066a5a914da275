using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RallyNov.Core.Data;

/// <summary>
/// A transaction that joins the context's current one when there is one (a recipe wraps many
/// operations in a single transaction) and owns a new one otherwise.
/// </summary>
internal sealed class OwnedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private OwnedTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<OwnedTransaction> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new OwnedTransaction(null);
        }

        return new OwnedTransaction(await db.Database.BeginTransactionAsync(cancellationToken));
    }

    /// <summary>True when the changes are durable at commit (no outer transaction to wait for).</summary>
    public bool IsOwner => _owned is not null;

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
