using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using RallyNov.Integration.Tests.Hardening;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Postgres;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// kill -9 of one node in the middle of a publish storm, the other node serving on: node A is the
/// built site as a real process (PostgreSQL, Redis), node B runs in-process on the same database,
/// Redis and tenants. No publish A acknowledged (its redirect after « Publier ») is lost: each is in
/// the database (its page on B), in B's index, and in A's index once A restarts and catches up.
/// It runs alone (its own collection, not in parallel): a child process, a storm and a restart
/// would otherwise slow the timed tests of the other classes.
/// </summary>
[Collection(ClusterCrashGroup.Name)]
public sealed class ClusterCrashTests
{
    private const int Workers = 4;
    private const int Wanted = 16;
    private static readonly TimeSpan MaxStorm = TimeSpan.FromSeconds(30);

    private static string SharedRedis => Environment.GetEnvironmentVariable(ClusterFactAttribute.RedisVariable)!;

    [ClusterFact]
    public async Task Node_A_killed_during_a_publish_storm_loses_no_acknowledged_publish_B_keeps_serving_and_A_catches_up_after_restart()
    {
        var server = Environment.GetEnvironmentVariable(PostgresSiteFactory.Variable)!;
        var database = "rallynov_crash_" + Guid.NewGuid().ToString("N")[..12];
        Execute(server, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        var keyPrefix = "rallynov-crash-" + Guid.NewGuid().ToString("N")[..8];
        (string, string)[] settings =
        [
            ("RallyNov:Database:Provider", "Postgres"),
            ("RallyNov:Database:ConnectionString", connectionString),
            ("RallyNov:Redis:Configuration", SharedRedis),
            ("RallyNov:Redis:KeyPrefix", keyPrefix),
            ("RallyNov:RateLimits:Enabled", "false"),
        ];
        var dataA = RallyNovFactory.NewDataPath();
        var dataB = RallyNovFactory.NewDataPath();
        ClusterNode? b = null;
        try
        {
            var acknowledged = new ConcurrentBag<(string Id, string Word)>();
            await using (var a = HostProcess.Start(dataA, settings))
            {
                await a.WaitForHealthAsync(TimeSpan.FromSeconds(120));
                b = new ClusterNode(dataB, connectionString, SharedRedis, keyPrefix);
                b.CreateClient().Dispose();

                var clock = Stopwatch.StartNew();
                using var stop = new CancellationTokenSource();
                var storm = Enumerable.Range(0, Workers).Select(w => PublishStormCrashTests.PublishUntilStoppedAsync(a, w, acknowledged, stop.Token)).ToList();
                while (acknowledged.Count < Wanted && clock.Elapsed < MaxStorm)
                {
                    await Task.Delay(50);
                }

                a.Kill(); // while the workers are still publishing
                await stop.CancelAsync();
                await Task.WhenAll(storm);
            }

            Assert.True(acknowledged.Count >= Wanted, $"Only {acknowledged.Count} publishes were acknowledged by A before the kill.");

            // B serves on: its pages, and every acknowledged publish in its index and its database.
            using var visitorOnB = b.Client();
            foreach (var path in new[] { "/", "/bourgogne/", "/bourgogne/initiatives", "/franche-comte/laureats" })
            {
                using var page = await visitorOnB.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            }

            // In the database, published, whichever node reads it.
            Assert.Equal(acknowledged.Count, await PublishedCountAsync(connectionString, acknowledged.Select(x => x.Id).ToArray()));
            await WaitForNoLagAsync(visitorOnB, "B", TimeSpan.FromSeconds(15));
            Assert.Empty(await MissingAsync(visitorOnB, acknowledged, checkPages: true));

            // A comes back on its own data folder (its index stopped mid-storm) and catches up from the log.
            await using var restarted = HostProcess.Start(dataA, settings);
            await restarted.WaitForHealthAsync(TimeSpan.FromSeconds(90));
            using var visitorOnA = restarted.Client();
            await WaitForNoLagAsync(visitorOnA, "A", TimeSpan.FromSeconds(15));
            Assert.Empty(await MissingAsync(visitorOnA, acknowledged, checkPages: false));
        }
        finally
        {
            if (b is not null)
            {
                await b.DisposeAsync();
            }

            RallyNovFactory.DeleteDataPath(dataA);
            RallyNovFactory.DeleteDataPath(dataB);
            NpgsqlConnection.ClearAllPools();
            try
            {
                Execute(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // test.sh throws the server away anyway.
            }
        }
    }

    /// <summary>Waits until the node's Bourgogne index has applied the whole shared log (/health "indexLag").</summary>
    private static async Task WaitForNoLagAsync(HttpClient client, string node, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while ((await IndexingAcrossNodesTests.LagAsync(client, "Bourgogne")).Tasks > 0)
        {
            Assert.True(clock.Elapsed < limit, $"Node {node}'s index is still behind the log after {limit.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    /// <summary>The acknowledged publishes the node's search does not find once, or (with pages) whose page it does not serve.</summary>
    private static async Task<List<string>> MissingAsync(HttpClient client, IEnumerable<(string Id, string Word)> acknowledged, bool checkPages)
    {
        var missing = new List<string>();
        foreach (var (id, word) in acknowledged)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/bourgogne/api/search?q=" + word, UriKind.Relative)));
            var hits = json.RootElement.GetProperty("hits");
            if (hits.GetArrayLength() != 1)
            {
                missing.Add($"{id} ({word}): {hits.GetArrayLength()} hits");
                continue;
            }

            if (checkPages)
            {
                using var page = await client.GetAsync(new Uri(hits[0].GetProperty("url").GetString()!, UriKind.Relative));
                if (page.StatusCode != HttpStatusCode.OK || !(await page.Content.ReadAsStringAsync()).Contains(word, StringComparison.Ordinal))
                {
                    missing.Add($"{id} ({word}): page {(int)page.StatusCode}");
                }
            }
        }

        return missing;
    }

    private static async Task<long> PublishedCountAsync(string connectionString, string[] ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT \"ContentItemId\") FROM bourgogne.\"ContentItems\" WHERE \"ContentItemId\" = ANY(@ids) AND \"Published\" AND \"DeletedUtc\" IS NULL";
        command.Parameters.AddWithValue("ids", ids);
        return (long)(await command.ExecuteScalarAsync())!;
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

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCrashGroup
{
    public const string Name = "Cluster crash (alone)";
}
