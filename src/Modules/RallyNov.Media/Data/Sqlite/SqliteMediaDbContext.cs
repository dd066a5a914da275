using Microsoft.EntityFrameworkCore;

namespace RallyNov.Media.Data.Sqlite;

/// <summary>The SQLite flavour, with its own migrations (Data/Sqlite/Migrations).</summary>
public sealed class SqliteMediaDbContext(DbContextOptions<SqliteMediaDbContext> options) : MediaDbContext(options);
