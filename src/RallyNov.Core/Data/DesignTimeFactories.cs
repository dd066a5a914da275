using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RallyNov.Core.Data.Postgres;
using RallyNov.Core.Data.Sqlite;

namespace RallyNov.Core.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRallyNovDbContext>
{
    public SqliteRallyNovDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRallyNovDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRallyNovDbContext>
{
    public PostgresRallyNovDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRallyNovDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
