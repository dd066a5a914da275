using Microsoft.EntityFrameworkCore;

namespace RallyNov.Core.Data.Postgres;

/// <summary>The PostgreSQL flavour: one schema per tenant, chosen through the connection's search path.</summary>
public sealed class PostgresRallyNovDbContext : RallyNovDbContext
{
    public PostgresRallyNovDbContext(DbContextOptions<PostgresRallyNovDbContext> options)
        : base(options)
    {
    }

    protected override string TrueLiteral => "TRUE";
}
