using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.Proposals.Data.Sqlite;

/// <summary>The SQLite flavour, with its own migrations (Data/Sqlite/Migrations).</summary>
public sealed class SqliteProposalsDbContext : ProposalsDbContext
{
    public SqliteProposalsDbContext(DbContextOptions<SqliteProposalsDbContext> options, RallyNovDbContext? ambient = null)
        : base(options, ambient)
    {
    }
}
