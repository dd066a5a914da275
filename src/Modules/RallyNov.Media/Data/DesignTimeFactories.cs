using Microsoft.EntityFrameworkCore.Design;
using RallyNov.Core.Data.Modules;
using RallyNov.Media.Data.Postgres;
using RallyNov.Media.Data.Sqlite;

namespace RallyNov.Media.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteMediaDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMediaDbContext>
{
    public SqliteMediaDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextFactory.DesignTimeSqlite<SqliteMediaDbContext>(MediaDbContextFactory.MigrationsHistoryTable));
}

internal sealed class PostgresMediaDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMediaDbContext>
{
    public PostgresMediaDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextFactory.DesignTimePostgres<PostgresMediaDbContext>(MediaDbContextFactory.MigrationsHistoryTable));
}
