using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Core.Data.Modules;

namespace RallyNov.AuditTrail.Data;

/// <summary>
/// The audit table in the tenant's own database, on the same connection as the scope's
/// <see cref="RallyNovDbContext"/> (the users module's pattern): a second SQLite connection would
/// wait on the write lock a recipe holds, and an event recorded inside a recipe must roll back
/// with it. Outside an ambient transaction each save is its own short transaction.
/// </summary>
public abstract class AuditTrailDbContext : DbContext, IJoinsAmbientTransaction
{
    protected AuditTrailDbContext(DbContextOptions options, RallyNovDbContext? ambient)
        : base(options)
    {
        Ambient = new AmbientTransaction(ambient);
    }

    public DbSet<AuditEntry> AuditEvents => Set<AuditEntry>();

    /// <summary>The content context's transaction this context joins.</summary>
    public AmbientTransaction Ambient { get; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Ambient.Join(Database);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Ambient.Join(Database);
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
}
