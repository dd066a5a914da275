using RallyNov.Core.Data;
using RallyNov.Core.Data.Modules;
using RallyNov.AuditTrail.Data.Postgres;
using RallyNov.AuditTrail.Data.Sqlite;

namespace RallyNov.AuditTrail.Data;

/// <summary>Builds the scope's AuditTrailDbContext on the connection of the scope's content context.</summary>
internal static class AuditTrailDbContextFactory
{
    /// <summary>Own history table: the content context keeps "__EFMigrationsHistory" in the same database.</summary>
    public const string MigrationsHistoryTable = "__AuditTrailMigrationsHistory";

    public static AuditTrailDbContext Create(RallyNovDbContext content) =>
        ModuleDbContextFactory.Create<AuditTrailDbContext, SqliteAuditTrailDbContext, PostgresAuditTrailDbContext>(
            content,
            MigrationsHistoryTable,
            options => new SqliteAuditTrailDbContext(options, content),
            options => new PostgresAuditTrailDbContext(options, content));
}
