using RallyNov.Core.Data;
using RallyNov.Core.Data.Modules;
using RallyNov.Users.Data.Postgres;
using RallyNov.Users.Data.Sqlite;

namespace RallyNov.Users.Data;

/// <summary>Builds the scope's UsersDbContext on the connection of the scope's content context.</summary>
internal static class UsersDbContextFactory
{
    /// <summary>Own history table: the content context keeps "__EFMigrationsHistory" in the same database.</summary>
    public const string MigrationsHistoryTable = "__UsersMigrationsHistory";

    public static UsersDbContext Create(RallyNovDbContext content) =>
        ModuleDbContextFactory.Create<UsersDbContext, SqliteUsersDbContext, PostgresUsersDbContext>(
            content,
            MigrationsHistoryTable,
            options => new SqliteUsersDbContext(options, content),
            options => new PostgresUsersDbContext(options, content));
}
