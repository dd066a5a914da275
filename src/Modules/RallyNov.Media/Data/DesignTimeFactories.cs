using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RallyNov.Media.Data.Postgres;
using RallyNov.Media.Data.Sqlite;

namespace RallyNov.Media.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteMediaDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMediaDbContext>
{
    public SqliteMediaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMediaDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(MediaDbContextFactory.MigrationsHistoryTable)).Options);
}

internal sealed class PostgresMediaDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMediaDbContext>
{
    public PostgresMediaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMediaDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(MediaDbContextFactory.MigrationsHistoryTable)).Options);
}
