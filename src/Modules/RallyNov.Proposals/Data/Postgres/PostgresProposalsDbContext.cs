using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.Proposals.Data.Postgres;

/// <summary>The PostgreSQL flavour (tenant schema from the shared connection's search path).</summary>
public sealed class PostgresProposalsDbContext : ProposalsDbContext
{
    public PostgresProposalsDbContext(DbContextOptions<PostgresProposalsDbContext> options, RallyNovDbContext? ambient = null)
        : base(options, ambient)
    {
    }
}
