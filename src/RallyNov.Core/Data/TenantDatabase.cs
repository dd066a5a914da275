using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RallyNov.Core.Data.Postgres;
using RallyNov.Core.Data.Sqlite;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Data;

internal sealed class TenantDatabase : ITenantDatabase
{
    private readonly ITenantStore _tenants;
    private readonly RallyNovOptions _options;

    // Options are immutable and costly enough to build that we keep one per tenant and connection string.
    private readonly ConcurrentDictionary<string, DbContextOptions> _contextOptions = new(StringComparer.Ordinal);

    public TenantDatabase(ITenantStore tenants, IOptions<RallyNovOptions> options)
    {
        _tenants = tenants;
        _options = options.Value;
    }

    public string ProviderOf(TenantSettings tenant)
    {
        var provider = string.IsNullOrWhiteSpace(tenant.Database.Provider) ? _options.Database.Provider : tenant.Database.Provider;
        if (string.Equals(provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProviders.Postgres;
        }

        if (string.Equals(provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProviders.Sqlite;
        }

        throw new InvalidOperationException($"Fournisseur de base de données inconnu : « {provider} » (valeurs possibles : Sqlite, Postgres).");
    }

    public RallyNovDbContext CreateContext(TenantSettings tenant)
    {
        var provider = ProviderOf(tenant);
        var connectionString = ConnectionStringOf(tenant, provider);
        var options = _contextOptions.GetOrAdd(provider + "|" + connectionString, _ => BuildOptions(provider, connectionString));
        return provider == DatabaseProviders.Postgres
            ? new PostgresRallyNovDbContext((DbContextOptions<PostgresRallyNovDbContext>)options)
            : new SqliteRallyNovDbContext((DbContextOptions<SqliteRallyNovDbContext>)options);
    }

    public async Task MigrateAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var provider = ProviderOf(tenant);
        if (provider == DatabaseProviders.Sqlite)
        {
            Directory.CreateDirectory(_tenants.PathsFor(tenant.Name).Root);
        }
        else
        {
            await EnsureSchemaAsync(tenant, cancellationToken);
        }

        await using var db = CreateContext(tenant);
        await db.Database.MigrateAsync(cancellationToken);
        if (provider == DatabaseProviders.Sqlite)
        {
            // WAL lets the web server read while a command-line verb writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public async Task<bool> CanConnectAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = CreateContext(tenant);
            // A query on a real table: a missing SQLite file would otherwise be created empty and look fine.
            _ = await db.IndexingTasks.AnyAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return false;
        }
    }

    public async Task<bool> ExistsAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var provider = ProviderOf(tenant);
        if (provider == DatabaseProviders.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionStringOf(tenant, provider)).DataSource;
            return File.Exists(file);
        }

        try
        {
            await using var connection = await OpenServerConnectionAsync(tenant, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM information_schema.schemata WHERE schema_name = @schema";
            command.Parameters.AddWithValue("schema", SchemaOf(tenant));
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public void ReleaseConnections(TenantSettings tenant)
    {
        var provider = ProviderOf(tenant);
        var connectionString = ConnectionStringOf(tenant, provider);
        if (provider == DatabaseProviders.Sqlite)
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
        else
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        _contextOptions.TryRemove(provider + "|" + connectionString, out _);
    }

    public async Task DeleteAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var provider = ProviderOf(tenant);
        ReleaseConnections(tenant);
        if (provider == DatabaseProviders.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionStringOf(tenant, provider)).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            {
                File.Delete(path);
            }

            return;
        }

        await using var connection = await OpenServerConnectionAsync(tenant, cancellationToken);
        await using var command = connection.CreateCommand();
        // The schema name comes from validated tenant settings; quoting keeps it literal.
        command.CommandText = $"DROP SCHEMA IF EXISTS {QuotedSchema(tenant)} CASCADE";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string ConnectionStringOf(TenantSettings tenant, string provider)
    {
        if (provider == DatabaseProviders.Sqlite)
        {
            if (!string.IsNullOrWhiteSpace(tenant.Database.ConnectionString))
            {
                return tenant.Database.ConnectionString;
            }

            return new SqliteConnectionStringBuilder
            {
                DataSource = _tenants.PathsFor(tenant.Name).SqliteDatabase,
                Mode = SqliteOpenMode.ReadWriteCreate,
                // Waits for a writer in another process instead of failing with "database is locked".
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
        }

        var shared = string.IsNullOrWhiteSpace(tenant.Database.ConnectionString) ? _options.Database.ConnectionString : tenant.Database.ConnectionString;
        if (string.IsNullOrWhiteSpace(shared))
        {
            throw new InvalidOperationException("RallyNov:Database:ConnectionString est requis pour PostgreSQL.");
        }

        return new NpgsqlConnectionStringBuilder(shared) { SearchPath = SchemaOf(tenant) }.ToString();
    }

    private static string SchemaOf(TenantSettings tenant) =>
        string.IsNullOrWhiteSpace(tenant.Database.Schema) ? tenant.Name.ToLowerInvariant() : tenant.Database.Schema;

    private static string QuotedSchema(TenantSettings tenant) => "\"" + SchemaOf(tenant).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A connection to the tenant's PostgreSQL database without its search path (for schema commands).</summary>
    private async Task<NpgsqlConnection> OpenServerConnectionAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringOf(tenant, DatabaseProviders.Postgres)) { SearchPath = null };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var connection = await OpenServerConnectionAsync(tenant, cancellationToken);
        await using var command = connection.CreateCommand();
        // The schema name comes from validated tenant settings; quoting keeps it literal.
        command.CommandText = $"CREATE SCHEMA IF NOT EXISTS {QuotedSchema(tenant)}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbContextOptions BuildOptions(string provider, string connectionString)
    {
        if (provider == DatabaseProviders.Postgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresRallyNovDbContext>();
            builder.UseNpgsql(connectionString);
            return builder.Options;
        }

        var sqlite = new DbContextOptionsBuilder<SqliteRallyNovDbContext>();
        sqlite.UseSqlite(connectionString);
        return sqlite.Options;
    }
}
