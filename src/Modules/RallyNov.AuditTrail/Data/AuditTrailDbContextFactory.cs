using Microsoft.EntityFrameworkCore;
using RallyNov.AuditTrail.Data.Postgres;
using RallyNov.AuditTrail.Data.Sqlite;
using RallyNov.Core.Data;

namespace RallyNov.AuditTrail.Data;

/// <summary>Builds the scope's audit context on the connection of the scope's content context.</summary>
internal static class AuditTrailDbContextFactory
{
    /// <summary>Own history table: the content and users contexts keep theirs in the same database.</summary>
    public const string MigrationsHistoryTable = "__AuditTrailMigrationsHistory";

    public static AuditTrailDbContext Create(RallyNovDbContext content)
    {
        // The connection belongs to the content context; EF does not dispose a connection it was given.
        var connection = content.Database.GetDbConnection();
        if (content.Database.IsNpgsql())
        {
            var postgres = new DbContextOptionsBuilder<PostgresAuditTrailDbContext>()
                .UseNpgsql(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
                .AddInterceptors(AmbientTransactionInterceptor.Instance);
            return new PostgresAuditTrailDbContext(postgres.Options, content);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteAuditTrailDbContext>()
            .UseSqlite(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
            .AddInterceptors(AmbientTransactionInterceptor.Instance);
        return new SqliteAuditTrailDbContext(sqlite.Options, content);
    }
}
