using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Core.Data.Modules;

namespace RallyNov.Proposals.Data;

/// <summary>
/// The proposals table in the tenant's own database, on the connection of the scope's
/// <see cref="RallyNovDbContext"/> (the audit trail's pattern), so a proposal and its draft
/// Initiative are written in one transaction.
/// </summary>
public abstract class ProposalsDbContext : DbContext, IJoinsAmbientTransaction
{
    protected ProposalsDbContext(DbContextOptions options, RallyNovDbContext? ambient)
        : base(options)
    {
        Ambient = new AmbientTransaction(ambient);
    }

    public DbSet<Proposal> Proposals => Set<Proposal>();

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

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new ProposalConfiguration());
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Proposal> entry)
    {
        entry.ToTable("Proposals");
        entry.HasKey(x => x.Id);
        entry.Property(x => x.Id).HasMaxLength(64);
        entry.Property(x => x.ContentItemId).HasMaxLength(64).IsRequired();
        entry.Property(x => x.StructureName).HasMaxLength(200).IsRequired();
        entry.Property(x => x.SubmittedOn).HasMaxLength(64);
        entry.Property(x => x.ContactName).HasMaxLength(100);
        entry.Property(x => x.ContactEmail).HasMaxLength(254);
        entry.Property(x => x.ContactPhone).HasMaxLength(30);
        entry.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        entry.Property(x => x.DecidedBy).HasMaxLength(256);
        entry.Property(x => x.RejectionReason).HasMaxLength(2000);
        entry.Property(x => x.MergedIntoId).HasMaxLength(64);

        // The list filters by status and sorts by date; the retention purge reads decided dates.
        entry.HasIndex(x => new { x.Status, x.SubmittedUtc });
        entry.HasIndex(x => x.DecidedUtc);
        entry.HasIndex(x => x.ContentItemId);
    }
}
