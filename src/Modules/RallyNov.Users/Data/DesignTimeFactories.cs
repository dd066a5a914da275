using Microsoft.EntityFrameworkCore.Design;
using RallyNov.Core.Data.Modules;
using RallyNov.Users.Data.Postgres;
using RallyNov.Users.Data.Sqlite;

namespace RallyNov.Users.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteUsersDesignTimeFactory : IDesignTimeDbContextFactory<SqliteUsersDbContext>
{
    public SqliteUsersDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextFactory.DesignTimeSqlite<SqliteUsersDbContext>(UsersDbContextFactory.MigrationsHistoryTable));
}

internal sealed class PostgresUsersDesignTimeFactory : IDesignTimeDbContextFactory<PostgresUsersDbContext>
{
    public PostgresUsersDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextFactory.DesignTimePostgres<PostgresUsersDbContext>(UsersDbContextFactory.MigrationsHistoryTable));
}
