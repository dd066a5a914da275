using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RallyNov.Core.Data;

namespace RallyNov.AuditTrail.Data;

/// <summary>
/// The audit table in the tenant's own database, on the same connection as the scope's
/// <see cref="RallyNovDbContext"/> (the users module's pattern): a second SQLite connection would
/// wait on the write lock a recipe holds, and an event recorded inside a recipe must roll back
/// with it. Outside an ambient transaction each save is its own short transaction.
/// </summary>
public abstract class AuditTrailDbContext : DbContext
{
    private readonly RallyNovDbContext? _ambient;
    private DbTransaction? _joined;

    protected AuditTrailDbContext(DbContextOptions options, RallyNovDbContext? ambient)
        : base(options)
    {
        _ambient = ambient;
    }

    public DbSet<AuditEntry> AuditEvents => Set<AuditEntry>();

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var entry = modelBuilder.Entity<AuditEntry>();
        entry.ToTable("AuditEvents");
        entry.HasKey(x => x.Id);
        entry.Property(x => x.Category).HasMaxLength(32).IsRequired();
        entry.Property(x => x.Action).HasMaxLength(64).IsRequired();
        entry.Property(x => x.UserName).HasMaxLength(256);
        entry.Property(x => x.ItemId).HasMaxLength(256);
        entry.Property(x => x.ItemTitle).HasMaxLength(512);
        entry.Property(x => x.Details).HasMaxLength(4000);
        entry.Property(x => x.IpAddress).HasMaxLength(64);

        // The admin screen filters on these and always sorts by time; the purge deletes by time.
        entry.HasIndex(x => x.UtcTime);
        entry.HasIndex(x => x.UserName);
        entry.HasIndex(x => x.Action);
        entry.HasIndex(x => x.ItemId);
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
