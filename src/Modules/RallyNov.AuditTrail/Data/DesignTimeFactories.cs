using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RallyNov.AuditTrail.Data.Postgres;
using RallyNov.AuditTrail.Data.Sqlite;

namespace RallyNov.AuditTrail.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteAuditTrailDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditTrailDbContext>
{
    public SqliteAuditTrailDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuditTrailDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(AuditTrailDbContextFactory.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresAuditTrailDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuditTrailDbContext>
{
    public PostgresAuditTrailDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuditTrailDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(AuditTrailDbContextFactory.MigrationsHistoryTable)).Options);
}
