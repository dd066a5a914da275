using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace RallyNov.Integration.Tests.Infrastructure;

/// <summary>
/// The database the whole-site tests run on, chosen by one switch: RALLYNOV_TEST_PROVIDER=Postgres
/// runs every factory on the throwaway PostgreSQL of ./test.sh (RALLYNOV_TEST_POSTGRES), SQLite
/// otherwise. On PostgreSQL each data folder gets its own database, named after the folder's path,
/// so a factory that reuses a folder (restart tests, copies of the site template) finds its data
/// again, and tests running in parallel never share a database.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "RALLYNOV_TEST_PROVIDER";
    public const string ServerVariable = "RALLYNOV_TEST_POSTGRES";

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable)?.Trim(), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The provider name the site reports ("Sqlite" or "Postgres").</summary>
    public static string ProviderName => IsPostgres ? "Postgres" : "Sqlite";

    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{ProviderVariable}=Postgres needs {ServerVariable}, a connection string to the \"postgres\" database of a throwaway server (see docs/operations.md).");

    /// <summary>The configuration keys that put a site on its database; none on SQLite (the default).</summary>
    public static IReadOnlyList<(string Key, string Value)> SettingsFor(string dataPath)
    {
        if (!IsPostgres)
        {
            return [];
        }

        return
        [
            ("RallyNov:Database:Provider", "Postgres"),
            ("RallyNov:Database:ConnectionString", EnsureCreated(dataPath)),
        ];
    }

    /// <summary>The connection string of the folder's database (created when missing).</summary>
    public static string EnsureCreated(string dataPath, string? template = null)
    {
        var name = DatabaseName(dataPath);
        try
        {
            Execute(template is null
                ? $"CREATE DATABASE \"{name}\""
                : $"CREATE DATABASE \"{name}\" TEMPLATE \"{DatabaseName(template)}\"");
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Already made for this folder by an earlier factory.
        }

        return ConnectionString(dataPath);
    }

    /// <summary>Copies the database of <paramref name="source"/> (nobody may be connected to it) as the one of <paramref name="target"/>.</summary>
    public static void Copy(string source, string target)
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(source)));
            EnsureCreated(target, template: source);
        }
    }

    /// <summary>Drops the folder's database, if any; a leftover is thrown away with the server anyway.</summary>
    public static void Drop(string dataPath)
    {
        if (!IsPostgres)
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(dataPath)));
            Execute($"DROP DATABASE IF EXISTS \"{DatabaseName(dataPath)}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
        }
    }

    /// <summary>
    /// Loses a set-up tenant's database the way an incident does: its content.db files deleted on
    /// SQLite, its schema dropped on PostgreSQL. Close the site's connections first.
    /// </summary>
    public static void LoseTenantDatabase(string dataPath, string tenant)
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            ExecuteIn(dataPath, $"DROP SCHEMA IF EXISTS \"{tenant.ToLowerInvariant()}\" CASCADE");
            return;
        }

        var folder = Path.Combine(dataPath, "Sites", tenant);
        foreach (var file in Directory.GetFiles(folder, "content.db*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>Whether the tenant's database exists: its content.db file, or its PostgreSQL schema.</summary>
    public static bool TenantDatabaseExists(string dataPath, string tenant)
    {
        if (!IsPostgres)
        {
            return File.Exists(Path.Combine(dataPath, "Sites", tenant, "content.db"));
        }

        using var connection = new NpgsqlConnection(ConnectionString(dataPath));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.schemata WHERE schema_name = @schema";
        command.Parameters.AddWithValue("schema", tenant.ToLowerInvariant());
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public static string ConnectionString(string dataPath) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = DatabaseName(dataPath) }.ToString();

    /// <summary>A stable name per folder (PostgreSQL names stop at 63 bytes, so a hash rather than the path).</summary>
    public static string DatabaseName(string dataPath)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataPath).TrimEnd(Path.DirectorySeparatorChar)));
        return "rallynov_it_" + Convert.ToHexStringLower(hash)[..20];
    }

    private static void Execute(string sql) => Run(Server, sql);

    private static void ExecuteIn(string dataPath, string sql) => Run(ConnectionString(dataPath), sql);

    private static void Run(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A test about SQLite's own files (the .db file, its damage, its permissions): skipped, with the reason, on PostgreSQL.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: " + reason;
        }
    }
}

/// <summary>The theory form of <see cref="SqliteOnlyFactAttribute"/>.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string reason)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: " + reason;
        }
    }
}
