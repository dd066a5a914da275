using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Media.Data.Postgres;
using RallyNov.Media.Data.Sqlite;

namespace RallyNov.Media.Data;

/// <summary>Builds the scope's media context on the connection of the scope's content context.</summary>
internal static class MediaDbContextFactory
{
    /// <summary>Own history table: the content and users contexts keep theirs in the same database.</summary>
    public const string MigrationsHistoryTable = "__MediaMigrationsHistory";

    public static MediaDbContext Create(RallyNovDbContext content)
    {
        // The connection belongs to the content context; EF does not dispose a connection it was given.
        var connection = content.Database.GetDbConnection();
        if (content.Database.IsNpgsql())
        {
            var postgres = new DbContextOptionsBuilder<PostgresMediaDbContext>()
                .UseNpgsql(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable));
            return new PostgresMediaDbContext(postgres.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteMediaDbContext>()
            .UseSqlite(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable));
        return new SqliteMediaDbContext(sqlite.Options);
    }
}
