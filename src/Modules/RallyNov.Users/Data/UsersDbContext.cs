using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RallyNov.Core.Data;
using RallyNov.Users.Data.Configurations;

namespace RallyNov.Users.Data;

/// <summary>
/// Identity's tables in the tenant's own database. It runs on the same connection as the scope's
/// <see cref="RallyNovDbContext"/> and joins its transaction: on SQLite a second connection would
/// wait for the busy timeout while a recipe holds the write lock, and a recipe's "users" step must
/// roll back with the rest of the recipe.
/// </summary>
public abstract class UsersDbContext : IdentityDbContext<RallyNovUser, IdentityRole, string>
{
    private readonly RallyNovDbContext? _ambient;
    private DbTransaction? _joined;

    protected UsersDbContext(DbContextOptions options, RallyNovDbContext? ambient)
        : base(options)
    {
        _ambient = ambient;
    }

    /// <summary>The transaction the content context has open on the shared connection, if any.</summary>
    internal DbTransaction? AmbientTransaction => _ambient?.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>True when the transaction was borrowed from the content context (and may be finished by now).</summary>
    internal bool IsBorrowed(DbTransaction? transaction) => transaction is not null && ReferenceEquals(transaction, _joined);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        JoinAmbientTransaction();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        JoinAmbientTransaction();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new RallyNovUserConfiguration());
    }

    // Without this, SaveChanges would begin a nested transaction on a connection that already has
    // one (SQLite refuses), or write outside the recipe's transaction.
    private void JoinAmbientTransaction()
    {
        var ambient = AmbientTransaction;
        var current = Database.CurrentTransaction?.GetDbTransaction();
        if (ambient is not null)
        {
            if (!ReferenceEquals(current, ambient))
            {
                Database.UseTransaction(ambient);
            }

            _joined = ambient;
        }
        else if (current is not null && IsBorrowed(current))
        {
            // The borrowed transaction has been committed or rolled back by its owner.
            Database.UseTransaction(null);
            _joined = null;
        }
    }
}
