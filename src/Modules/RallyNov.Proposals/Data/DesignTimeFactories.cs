using Microsoft.EntityFrameworkCore.Design;
using RallyNov.Core.Data.Modules;
using RallyNov.Proposals.Data.Postgres;
using RallyNov.Proposals.Data.Sqlite;

namespace RallyNov.Proposals.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteProposalsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteProposalsDbContext>
{
    public SqliteProposalsDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextFactory.DesignTimeSqlite<SqliteProposalsDbContext>(ProposalsDbContextFactory.MigrationsHistoryTable));
}

internal sealed class PostgresProposalsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresProposalsDbContext>
{
    public PostgresProposalsDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextFactory.DesignTimePostgres<PostgresProposalsDbContext>(ProposalsDbContextFactory.MigrationsHistoryTable));
}
