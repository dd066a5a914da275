using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace RallyNov.Core.Data.Modules;

/// <summary>
/// Lets a module's context (users, audit trail...) share the content context's connection and
/// join the transaction it has open: on SQLite a second connection would wait for the busy timeout
/// while a recipe holds the write lock, and a recipe's steps must roll back together.
/// A composed helper rather than a base class, because Identity's context has its own base.
/// </summary>
public sealed class AmbientTransaction(RallyNovDbContext? content)
{
    private DbTransaction? _joined;

    /// <summary>The transaction the content context has open on the shared connection, if any.</summary>
    public DbTransaction? Current => content?.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>True when the transaction was borrowed from the content context (and may be finished by now).</summary>
    public bool IsBorrowed(DbTransaction? transaction) => transaction is not null && ReferenceEquals(transaction, _joined);

    /// <summary>
    /// Call before SaveChanges. Without it SaveChanges would begin a nested transaction on a
    /// connection that already has one (SQLite refuses), or write outside the recipe's transaction.
    /// </summary>
    public void Join(DatabaseFacade database)
    {
        var ambient = Current;
        var current = database.CurrentTransaction?.GetDbTransaction();
        if (ambient is not null)
        {
            if (!ReferenceEquals(current, ambient))
            {
                database.UseTransaction(ambient);
            }

            _joined = ambient;
        }
        else if (current is not null && IsBorrowed(current))
        {
            // The borrowed transaction has been committed or rolled back by its owner.
            database.UseTransaction(null);
            _joined = null;
        }
    }
}

/// <summary>A module context that runs inside the content context's transaction.</summary>
public interface IJoinsAmbientTransaction
{
    AmbientTransaction Ambient { get; }
}
