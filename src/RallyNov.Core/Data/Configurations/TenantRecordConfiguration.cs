using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RallyNov.Core.Data.Postgres;
using RallyNov.Core.Tenants.Shared;

namespace RallyNov.Core.Data.Configurations;

internal sealed class TenantRecordConfiguration : IEntityTypeConfiguration<TenantRecord>
{
    public void Configure(EntityTypeBuilder<TenantRecord> builder)
    {
        builder.ToTable("tenants", PostgresTenantsDbContext.Schema);
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasColumnName("name").HasMaxLength(64);
        builder.Property(x => x.Position).HasColumnName("position");
        builder.Property(x => x.Settings).HasColumnName("settings").HasColumnType("jsonb").IsRequired();
        builder.Property(x => x.Revision).HasColumnName("revision");
        builder.Property(x => x.UpdatedUtc).HasColumnName("updated_utc");
    }
}
