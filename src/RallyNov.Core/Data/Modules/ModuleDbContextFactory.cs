using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Caching;

namespace RallyNov.Core.Data.Modules;

/// <summary>
/// Builds a module's context (one sealed subclass per provider, each with its own migrations) on the
/// connection of the scope's content context, with the module's own migrations history table: the
/// content context keeps "__EFMigrationsHistory" in the same database.
/// </summary>
public static class ModuleDbContextFactory
{
    public static TContext Create<TContext, TSqlite, TPostgres>(
        RallyNovDbContext content,
        string migrationsHistoryTable,
        Func<DbContextOptions<TSqlite>, TContext> sqlite,
        Func<DbContextOptions<TPostgres>, TContext> postgres)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sqlite);
        ArgumentNullException.ThrowIfNull(postgres);

        // The connection belongs to the content context; EF does not dispose a connection it was given.
        var connection = content.Database.GetDbConnection();
        if (content.Database.IsNpgsql())
        {
            return postgres(new DbContextOptionsBuilder<TPostgres>()
                .UseNpgsql(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable))
                .AddInterceptors(AmbientTransactionInterceptor.Instance, AfterCommitInterceptor.Instance)
                .Options);
        }

        return sqlite(new DbContextOptionsBuilder<TSqlite>()
            .UseSqlite(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable))
            .AddInterceptors(AmbientTransactionInterceptor.Instance, AfterCommitInterceptor.Instance)
            .Options);
    }

    /// <summary>Options for `dotnet ef migrations add` (design time); the connection is never opened.</summary>
    public static DbContextOptions<TSqlite> DesignTimeSqlite<TSqlite>(string migrationsHistoryTable)
        where TSqlite : DbContext =>
        new DbContextOptionsBuilder<TSqlite>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(migrationsHistoryTable)).Options;

    /// <summary>Options for `dotnet ef migrations add` (design time); the connection is never opened.</summary>
    public static DbContextOptions<TPostgres> DesignTimePostgres<TPostgres>(string migrationsHistoryTable)
        where TPostgres : DbContext =>
        new DbContextOptionsBuilder<TPostgres>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(migrationsHistoryTable)).Options;
}
