using Microsoft.EntityFrameworkCore;
using RallyNov.Proposals.Data;

namespace RallyNov.Integration.Tests.Proposals;

/// <summary>The Proposals migrations of both providers match the model (the MergedIntoId migration is hand-written).</summary>
public sealed class ProposalsMigrationsTests
{
    [Fact]
    public void Sqlite_and_Postgres_migrations_have_no_pending_model_change()
    {
        using var sqlite = new SqliteProposalsDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresProposalsDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: the snapshot differs from the model");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: the snapshot differs from the model");
        Assert.Contains("20261203150000_ProposalMergedInto", sqlite.Database.GetMigrations());
        Assert.Contains("20261203150010_ProposalMergedInto", postgres.Database.GetMigrations());
    }
}
