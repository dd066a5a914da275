using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.AuditTrail.Data.Sqlite;

/// <summary>The SQLite flavour, with its own migrations (Data/Sqlite/Migrations).</summary>
public sealed class SqliteAuditTrailDbContext : AuditTrailDbContext
{
    public SqliteAuditTrailDbContext(DbContextOptions<SqliteAuditTrailDbContext> options, RallyNovDbContext? ambient = null)
        : base(options, ambient)
    {
    }
}
