using RallyNov.Core.Data;
using RallyNov.Core.Data.Modules;
using RallyNov.Proposals.Data.Postgres;
using RallyNov.Proposals.Data.Sqlite;

namespace RallyNov.Proposals.Data;

/// <summary>Builds the scope's ProposalsDbContext on the connection of the scope's content context.</summary>
internal static class ProposalsDbContextFactory
{
    public const string MigrationsHistoryTable = "__ProposalsMigrationsHistory";

    public static ProposalsDbContext Create(RallyNovDbContext content) =>
        ModuleDbContextFactory.Create<ProposalsDbContext, SqliteProposalsDbContext, PostgresProposalsDbContext>(
            content,
            MigrationsHistoryTable,
            options => new SqliteProposalsDbContext(options, content),
            options => new PostgresProposalsDbContext(options, content));
}
