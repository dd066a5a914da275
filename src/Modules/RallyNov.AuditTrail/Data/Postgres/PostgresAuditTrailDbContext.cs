using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.AuditTrail.Data.Postgres;

/// <summary>The PostgreSQL flavour (tenant schema from the shared connection's search path).</summary>
public sealed class PostgresAuditTrailDbContext : AuditTrailDbContext
{
    public PostgresAuditTrailDbContext(DbContextOptions<PostgresAuditTrailDbContext> options, RallyNovDbContext? ambient = null)
        : base(options, ambient)
    {
    }
}
