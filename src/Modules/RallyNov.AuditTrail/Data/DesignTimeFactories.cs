using Microsoft.EntityFrameworkCore.Design;
using RallyNov.Core.Data.Modules;
using RallyNov.AuditTrail.Data.Postgres;
using RallyNov.AuditTrail.Data.Sqlite;

namespace RallyNov.AuditTrail.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteAuditTrailDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditTrailDbContext>
{
    public SqliteAuditTrailDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextFactory.DesignTimeSqlite<SqliteAuditTrailDbContext>(AuditTrailDbContextFactory.MigrationsHistoryTable));
}

internal sealed class PostgresAuditTrailDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuditTrailDbContext>
{
    public PostgresAuditTrailDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextFactory.DesignTimePostgres<PostgresAuditTrailDbContext>(AuditTrailDbContextFactory.MigrationsHistoryTable));
}
