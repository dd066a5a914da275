using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Users.Data.Postgres;
using RallyNov.Users.Data.Sqlite;

namespace RallyNov.Users.Data;

/// <summary>Builds the scope's users context on the connection of the scope's content context.</summary>
internal static class UsersDbContextFactory
{
    /// <summary>Own history table: the content context keeps "__EFMigrationsHistory" in the same database.</summary>
    public const string MigrationsHistoryTable = "__UsersMigrationsHistory";

    public static UsersDbContext Create(RallyNovDbContext content)
    {
        // The connection belongs to the content context; EF does not dispose a connection it was given.
        var connection = content.Database.GetDbConnection();
        if (content.Database.IsNpgsql())
        {
            var postgres = new DbContextOptionsBuilder<PostgresUsersDbContext>()
                .UseNpgsql(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
                .AddInterceptors(AmbientTransactionInterceptor.Instance);
            return new PostgresUsersDbContext(postgres.Options, content);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteUsersDbContext>()
            .UseSqlite(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
            .AddInterceptors(AmbientTransactionInterceptor.Instance);
        return new SqliteUsersDbContext(sqlite.Options, content);
    }
}
