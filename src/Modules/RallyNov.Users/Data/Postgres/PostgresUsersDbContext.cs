using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.Users.Data.Postgres;

/// <summary>The PostgreSQL flavour (tenant schema from the shared connection's search path).</summary>
public sealed class PostgresUsersDbContext : UsersDbContext
{
    public PostgresUsersDbContext(DbContextOptions<PostgresUsersDbContext> options, RallyNovDbContext? ambient = null)
        : base(options, ambient)
    {
    }
}
