using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RallyNov.Core.Data.Configurations;
using RallyNov.Core.Tenants.Shared;

namespace RallyNov.Core.Data.Postgres;

/// <summary>
/// What every node of a PostgreSQL installation shares outside the tenants' own schemas: the tenant
/// list (<c>rallynov_shared.tenants</c>). Its migrations and their history live in that schema too.
/// </summary>
public sealed class PostgresTenantsDbContext(DbContextOptions<PostgresTenantsDbContext> options) : DbContext(options)
{
    /// <summary>Tenant names are letters and digits only, so no tenant's own schema can take this name.</summary>
    public const string Schema = "rallynov_shared";

    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public static DbContextOptions<PostgresTenantsDbContext> OptionsFor(string connectionString) =>
        new DbContextOptionsBuilder<PostgresTenantsDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema))
            .Options;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TenantRecordConfiguration());

        // Revisions of the rows (see TenantRecord.Revision): a sequence never hands out a number twice.
        modelBuilder.HasSequence<long>("tenant_revisions", Schema);
    }
}

// Used only by `dotnet ef migrations add`; the connection string is never opened.
internal sealed class PostgresTenantsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTenantsDbContext>
{
    public PostgresTenantsDbContext CreateDbContext(string[] args) => new(PostgresTenantsDbContext.OptionsFor("Host=localhost;Database=design"));
}
