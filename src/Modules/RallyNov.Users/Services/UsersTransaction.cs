using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RallyNov.Users.Data;

namespace RallyNov.Users.Services;

/// <summary>
/// Groups several Identity writes (create + roles) in one transaction, or joins the content
/// context's transaction when one is open (a recipe), which then decides commit or rollback.
/// </summary>
internal sealed class UsersTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private UsersTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<UsersTransaction> BeginAsync(UsersDbContext db, CancellationToken cancellationToken)
    {
        if (db.Ambient.Current is not null || db.Database.CurrentTransaction is not null)
        {
            return new UsersTransaction(null);
        }

        return new UsersTransaction(await db.Database.BeginTransactionAsync(cancellationToken));
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
