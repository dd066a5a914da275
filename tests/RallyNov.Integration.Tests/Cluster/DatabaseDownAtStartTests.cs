using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using RallyNov.Integration.Tests.Hardening;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Postgres;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// A node (the built site as a real process) started while its PostgreSQL does not answer: it
/// starts, says so (503 pages, /health "Degraded"), and serves once the database answers, without
/// a restart. Alone, like the crash test: a child process setting three sites up.
/// </summary>
[Collection(ClusterCrashGroup.Name)]
public sealed class DatabaseDownAtStartTests
{
    [ClusterFact]
    public async Task A_node_started_before_PostgreSQL_answers_503_and_degraded_then_serves_once_the_database_answers()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresSiteFactory.Variable)!);
        var database = "rallynov_down_" + Guid.NewGuid().ToString("N")[..12];
        Execute(server.ToString(), $"CREATE DATABASE \"{database}\"");
        using var gate = new TcpGate(new IPEndPoint(IPAddress.Loopback, server.Port));
        var connectionString = new NpgsqlConnectionStringBuilder(server.ToString()) { Host = "127.0.0.1", Port = gate.Port, Database = database, Timeout = 3 }.ToString();
        var data = RallyNovFactory.NewDataPath();
        try
        {
            await using var node = HostProcess.Start(data, ("RallyNov:Database:Provider", "Postgres"), ("RallyNov:Database:ConnectionString", connectionString));
            using var client = node.Client();

            // Up, but without its database: every page says so in French, /health says why.
            using (var health = await WaitForAnswerAsync(client, "/health", TimeSpan.FromSeconds(60)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
                Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
                Assert.Equal("unreachable", json.RootElement.GetProperty("database").GetString());
            }

            foreach (var path in new[] { "/", "/bourgogne/", "/admin/login" })
            {
                using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.NotNull(page.Headers.RetryAfter);
                Assert.Contains("Le site est momentanément indisponible", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            // The database answers: the node sets the sites up and serves, without a restart.
            gate.Open();
            var clock = Stopwatch.StartNew();
            await node.WaitForHealthAsync(TimeSpan.FromSeconds(120));
            foreach (var path in new[] { "/", "/bourgogne/", "/franche-comte/" })
            {
                Assert.Equal(HttpStatusCode.OK, await WaitForOkAsync(client, path, TimeSpan.FromSeconds(60)));
            }
            Console.WriteLine($"Serving {clock.ElapsedMilliseconds} ms after the database answered.");
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(data);
            NpgsqlConnection.ClearAllPools();
            try
            {
                Execute(server.ToString(), $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // test.sh throws the server away anyway.
            }
        }
    }

    /// <summary>Polls until the page answers 200 (a site may still be setting up), its last status otherwise.</summary>
    private static async Task<HttpStatusCode> WaitForOkAsync(HttpClient client, string path, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (page.StatusCode == HttpStatusCode.OK || clock.Elapsed > limit)
            {
                return page.StatusCode;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The first answer of the node (it is starting), whatever its status.</summary>
    private static async Task<HttpResponseMessage> WaitForAnswerAsync(HttpClient client, string path, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await client.GetAsync(new Uri(path, UriKind.Relative));
            }
            catch (HttpRequestException) when (clock.Elapsed < limit)
            {
                await Task.Delay(100);
            }
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
