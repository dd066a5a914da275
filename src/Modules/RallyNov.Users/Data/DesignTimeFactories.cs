using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RallyNov.Users.Data.Postgres;
using RallyNov.Users.Data.Sqlite;

namespace RallyNov.Users.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteUsersDesignTimeFactory : IDesignTimeDbContextFactory<SqliteUsersDbContext>
{
    public SqliteUsersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteUsersDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(UsersDbContextFactory.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresUsersDesignTimeFactory : IDesignTimeDbContextFactory<PostgresUsersDbContext>
{
    public PostgresUsersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresUsersDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(UsersDbContextFactory.MigrationsHistoryTable)).Options);
}
