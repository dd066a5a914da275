using RallyNov.Core.Data;
using RallyNov.Core.Data.Modules;
using RallyNov.Media.Data.Postgres;
using RallyNov.Media.Data.Sqlite;

namespace RallyNov.Media.Data;

/// <summary>Builds the scope's MediaDbContext on the connection of the scope's content context.</summary>
internal static class MediaDbContextFactory
{
    /// <summary>Own history table: the content context keeps "__EFMigrationsHistory" in the same database.</summary>
    public const string MigrationsHistoryTable = "__MediaMigrationsHistory";

    public static MediaDbContext Create(RallyNovDbContext content) =>
        ModuleDbContextFactory.Create<MediaDbContext, SqliteMediaDbContext, PostgresMediaDbContext>(
            content,
            MigrationsHistoryTable,
            options => new SqliteMediaDbContext(options),
            options => new PostgresMediaDbContext(options));
}
