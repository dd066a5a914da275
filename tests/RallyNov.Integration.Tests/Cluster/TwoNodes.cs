using Npgsql;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Postgres;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// Two nodes behind one site, as production runs them: one PostgreSQL database (a fresh one on the
/// test server), one Redis, a data folder each. Node A starts first and sets the tenants up; node B
/// starts with the same tenants.json, as an operator deploys it to every node.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _database;

    private TwoNodes(string redis, IReadOnlyDictionary<string, string>? settings)
    {
        _server = Environment.GetEnvironmentVariable(PostgresSiteFactory.Variable)!;
        _database = "rallynov_cluster_" + Guid.NewGuid().ToString("N")[..12];
        Execute(_server, $"CREATE DATABASE \"{_database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();

        // A prefix per test: tests sharing the one Redis never read each other's keys or notices.
        KeyPrefix = "rallynov-test-" + Guid.NewGuid().ToString("N")[..8];
        A = new ClusterNode(RallyNovFactory.NewDataPath(), connectionString, redis, KeyPrefix, settings);
        A.CreateClient().Dispose();
        var b = RallyNovFactory.NewDataPath();
        File.Copy(Path.Combine(A.DataPath, "tenants.json"), Path.Combine(b, "tenants.json"));
        B = new ClusterNode(b, connectionString, redis, KeyPrefix, settings);
        B.CreateClient().Dispose();
    }

    public ClusterNode A { get; }

    public ClusterNode B { get; }

    public string KeyPrefix { get; }

    /// <summary>Starts both nodes on <paramref name="redis"/> (a StackExchange.Redis configuration string).</summary>
    public static Task<TwoNodes> StartAsync(string redis, IReadOnlyDictionary<string, string>? settings = null) => Task.Run(() => new TwoNodes(redis, settings));

    /// <summary>The cluster's PostgreSQL database, for a test that reads what the nodes share.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        RallyNovFactory.DeleteDataPath(A.DataPath);
        RallyNovFactory.DeleteDataPath(B.DataPath);
        NpgsqlConnection.ClearAllPools();
        try
        {
            Execute(_server, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // test.sh throws the server away anyway.
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
