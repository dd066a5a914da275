using Microsoft.EntityFrameworkCore;

namespace RallyNov.Core.Data.Sqlite;

/// <summary>The SQLite flavour: one database file per tenant (the default).</summary>
public sealed class SqliteRallyNovDbContext : RallyNovDbContext
{
    public SqliteRallyNovDbContext(DbContextOptions<SqliteRallyNovDbContext> options)
        : base(options)
    {
    }

    protected override string TrueLiteral => "1";
}
