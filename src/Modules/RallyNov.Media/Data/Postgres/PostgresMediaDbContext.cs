using Microsoft.EntityFrameworkCore;

namespace RallyNov.Media.Data.Postgres;

/// <summary>The PostgreSQL flavour (tenant schema from the shared connection's search path).</summary>
public sealed class PostgresMediaDbContext(DbContextOptions<PostgresMediaDbContext> options) : MediaDbContext(options);
