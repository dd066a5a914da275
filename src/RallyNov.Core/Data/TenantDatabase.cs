using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RallyNov.Core.Caching;
using RallyNov.Core.Data.Postgres;
using RallyNov.Core.Data.Sqlite;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Data;

internal sealed class TenantDatabase : ITenantDatabase
{
    // SQLite primary result codes (sqlite3.h).
    private const int SqliteError = 1;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private readonly ITenantStore _tenants;
    private readonly RallyNovOptions _options;

    // Options are immutable and costly enough to build that we keep one per tenant and connection string.
    private readonly ConcurrentDictionary<string, DbContextOptions> _contextOptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Provider, string Tenant, string ConnectionString, string Schema, bool AllowCreate), string> _connectionStrings = new();

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

    public RallyNovDbContext CreateContext(TenantSettings tenant) => CreateContext(tenant, allowCreate: tenant.State == TenantState.Uninitialized);

    /// <param name="allowCreate">
    /// Whether a missing SQLite file may be created. Only setup and migrations create a database:
    /// a set-up tenant whose file has gone must fail loudly, not go on with an empty site.
    /// </param>
    private RallyNovDbContext CreateContext(TenantSettings tenant, bool allowCreate)
    {
        var provider = ProviderOf(tenant);
        var connectionString = ConnectionStringOf(tenant, provider, allowCreate);
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
            DataFolder.CreateDirectory(_tenants.PathsFor(tenant.Name).Root);
        }
        else
        {
            await EnsureSchemaAsync(tenant, cancellationToken);
        }

        await using var db = CreateContext(tenant, allowCreate: true);
        await db.Database.MigrateWhenBehindAsync(cancellationToken);
        if (provider == DatabaseProviders.Sqlite)
        {
            // WAL lets the web server read while a command-line verb writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public async Task<bool> CanConnectAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        await CheckAsync(tenant, cancellationToken) is null;

    public async Task<TenantOutage?> CheckAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        string provider;
        try
        {
            provider = ProviderOf(tenant);
        }
        catch (InvalidOperationException ex)
        {
            return new TenantOutage(TenantOutageCodes.Unreachable, ex.Message);
        }

        if (provider == DatabaseProviders.Sqlite && SqliteFileOf(tenant) is { } file)
        {
            if (!File.Exists(file))
            {
                return new TenantOutage(TenantOutageCodes.Missing, $"La base de données du site « {tenant.Name} » est introuvable ({file}).");
            }

            // Pooled connections may still hold a file that was deleted or replaced since: open afresh.
            using var pooled = new SqliteConnection(ConnectionStringOf(tenant, provider, allowCreate: false));
            SqliteConnection.ClearPool(pooled);
        }

        try
        {
            await using var db = CreateContext(tenant, allowCreate: false);
            // A query on a real table of the last migration step: an empty or foreign file fails here.
            _ = await db.IndexingTasks.AnyAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (provider == DatabaseProviders.Postgres && ex is PostgresException && !await SchemaExistsAsync(tenant, cancellationToken))
            {
                return new TenantOutage(TenantOutageCodes.Missing, $"Le schéma PostgreSQL « {SchemaOf(tenant)} » du site « {tenant.Name} » est introuvable.");
            }

            return Classify(ex) ?? new TenantOutage(TenantOutageCodes.Unreadable, $"La base de données du site « {tenant.Name} » ne répond pas normalement : {ex.Message}");
        }
    }

    public async Task<bool> ExistsAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var provider = ProviderOf(tenant);
        if (provider == DatabaseProviders.Sqlite)
        {
            return File.Exists(SqliteDataSourceOf(tenant));
        }

        try
        {
            await using var connection = await OpenServerConnectionAsync(tenant, cancellationToken);
            return await SchemaExistsAsync(connection, tenant, cancellationToken);
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>Whether the tenant's PostgreSQL schema exists (true when that cannot be told).</summary>
    private async Task<bool> SchemaExistsAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenServerConnectionAsync(tenant, cancellationToken);
            return await SchemaExistsAsync(connection, tenant, cancellationToken);
        }
        catch (NpgsqlException)
        {
            return true;
        }
    }

    private static async Task<bool> SchemaExistsAsync(NpgsqlConnection connection, TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM information_schema.schemata WHERE schema_name = @schema";
        command.Parameters.AddWithValue("schema", SchemaOf(tenant));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public void ReleaseConnections(TenantSettings tenant)
    {
        var provider = ProviderOf(tenant);
        // Set-up and migrations open the database with another connection string (SQLite may create
        // the file) than requests do: both pools and both cached options must go.
        foreach (var allowCreate in new[] { false, true })
        {
            var connectionString = ConnectionStringOf(tenant, provider, allowCreate);
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
    }

    public async Task DeleteAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var provider = ProviderOf(tenant);
        ReleaseConnections(tenant);
        if (provider == DatabaseProviders.Sqlite)
        {
            var file = SqliteDataSourceOf(tenant);
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            {
                File.Delete(path);
            }

            return;
        }

        await using var connection = await OpenServerConnectionAsync(tenant, cancellationToken);
        await using var command = connection.CreateCommand();
        // The schema name comes from validated tenant settings; quoting keeps it literal.
        command.CommandText = $"DROP SCHEMA IF EXISTS {Quote(SchemaOf(tenant))} CASCADE";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public TenantOutage? Classify(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode switch
                    {
                        SqliteCantOpen => new TenantOutage(TenantOutageCodes.Missing, "La base de données SQLite ne peut pas être ouverte (fichier absent ou inaccessible) : " + sqlite.Message),
                        SqliteCorrupt or SqliteNotADatabase => new TenantOutage(TenantOutageCodes.Unreadable, "La base de données SQLite est endommagée : " + sqlite.Message),
                        SqliteIoError => new TenantOutage(TenantOutageCodes.Unreachable, "Erreur d'entrée-sortie sur la base de données SQLite : " + sqlite.Message),
                        SqliteError when sqlite.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase) =>
                            new TenantOutage(TenantOutageCodes.Unreadable, "Des tables manquent dans la base de données : " + sqlite.Message),
                        _ => null,
                    };
                case PostgresException postgres:
                    return postgres.SqlState switch
                    {
                        "3F000" => new TenantOutage(TenantOutageCodes.Missing, "Le schéma PostgreSQL du site est introuvable : " + postgres.MessageText),
                        "42P01" => new TenantOutage(TenantOutageCodes.Unreadable, "Des tables manquent dans le schéma PostgreSQL : " + postgres.MessageText),
                        "XX001" or "XX002" => new TenantOutage(TenantOutageCodes.Unreadable, "La base PostgreSQL est endommagée : " + postgres.MessageText),
                        ['0', '8', ..] or "57P01" or "57P02" or "57P03" or "53300" => new TenantOutage(TenantOutageCodes.Unreachable, "Le serveur PostgreSQL ne répond pas : " + postgres.MessageText),
                        _ => null,
                    };
                case NpgsqlException npgsql:
                    // Not a server answer: the connection itself failed (refused, timed out, closed).
                    return new TenantOutage(TenantOutageCodes.Unreachable, "Le serveur PostgreSQL est injoignable : " + npgsql.Message);
            }
        }

        return null;
    }

    public async Task<string?> MoveAsideAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var provider = ProviderOf(tenant);
        if (provider == DatabaseProviders.Postgres)
        {
            var schema = SchemaOf(tenant);
            var aside = schema + "_" + stamp.Replace("-", "_", StringComparison.Ordinal);
            var builder = new NpgsqlConnectionStringBuilder(ConnectionStringOf(tenant, provider, allowCreate: true)) { SearchPath = null };
            await using var connection = new NpgsqlConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT 1 FROM information_schema.schemata WHERE schema_name = @schema";
            exists.Parameters.AddWithValue("schema", schema);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }

            await using var rename = connection.CreateCommand();
            rename.CommandText = $"ALTER SCHEMA {Quote(schema)} RENAME TO {Quote(aside)}";
            await rename.ExecuteNonQueryAsync(cancellationToken);
            NpgsqlConnection.ClearAllPools();
            return "schéma " + aside;
        }

        if (SqliteFileOf(tenant) is not { } file)
        {
            throw new InvalidOperationException($"La base du site « {tenant.Name} » n'est pas un fichier SQLite connu : déplacez-la vous-même.");
        }

        ReleaseConnections(tenant);

        string? moved = null;
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            if (File.Exists(file + suffix))
            {
                var target = $"{file}{suffix}.{stamp}.bak";
                File.Move(file + suffix, target);
                moved ??= target;
            }
        }

        return moved;
    }

    /// <summary>The SQLite file of a tenant: its own under Sites/, or the Data Source of its connection string.</summary>
    private string? SqliteFileOf(TenantSettings tenant)
    {
        if (string.IsNullOrWhiteSpace(tenant.Database.ConnectionString))
        {
            return _tenants.PathsFor(tenant.Name).SqliteDatabase;
        }

        var source = new SqliteConnectionStringBuilder(tenant.Database.ConnectionString).DataSource;
        return Path.IsPathRooted(source) ? source : null;
    }

    /// <summary>The SQLite file a tenant's connection string names, relative paths included.</summary>
    private string SqliteDataSourceOf(TenantSettings tenant) =>
        SqliteFileOf(tenant) ?? new SqliteConnectionStringBuilder(ConnectionStringOf(tenant, DatabaseProviders.Sqlite, allowCreate: false)).DataSource;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The connection string for these settings, built once: every request's context asks for it, and
    /// a connection string builder per request cost ≈ 5 % of a detail page's time. Keyed by every
    /// value it is made of, so an edit of the tenant's database settings gets a new one.
    /// </summary>
    private string ConnectionStringOf(TenantSettings tenant, string provider, bool allowCreate) =>
        _connectionStrings.GetOrAdd(
            (provider, tenant.Name, tenant.Database.ConnectionString ?? "", tenant.Database.Schema ?? "", allowCreate),
            static (_, state) => state.Self.BuildConnectionString(state.Tenant, state.Provider, state.AllowCreate),
            (Self: this, Tenant: tenant, Provider: provider, AllowCreate: allowCreate));

    private string BuildConnectionString(TenantSettings tenant, string provider, bool allowCreate)
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
                Mode = allowCreate ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
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

    /// <summary>A connection to the tenant's PostgreSQL database without its search path (for schema commands).</summary>
    private async Task<NpgsqlConnection> OpenServerConnectionAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringOf(tenant, DatabaseProviders.Postgres, allowCreate: true)) { SearchPath = null };
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
        command.CommandText = $"CREATE SCHEMA IF NOT EXISTS {Quote(SchemaOf(tenant))}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbContextOptions BuildOptions(string provider, string connectionString)
    {
        if (provider == DatabaseProviders.Postgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresRallyNovDbContext>();
            builder.UseNpgsql(connectionString).AddInterceptors(AfterCommitInterceptor.Instance);
            return builder.Options;
        }

        var sqlite = new DbContextOptionsBuilder<SqliteRallyNovDbContext>();
        sqlite.UseSqlite(connectionString).AddInterceptors(AfterCommitInterceptor.Instance);
        return sqlite.Options;
    }
}
