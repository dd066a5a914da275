using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.Users.Data.Sqlite;

/// <summary>The SQLite flavour, with its own migrations (Data/Sqlite/Migrations).</summary>
public sealed class SqliteUsersDbContext : UsersDbContext
{
    public SqliteUsersDbContext(DbContextOptions<SqliteUsersDbContext> options, RallyNovDbContext? ambient = null)
        : base(options, ambient)
    {
    }
}
