using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Postgres;
using RallyNov.Tenants.Management;
using Xunit.Abstractions;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// On PostgreSQL the tenant list is one table every node reads (rallynov_shared.tenants), and work
/// that exactly one node must do runs under a PostgreSQL advisory lock.
/// </summary>
public sealed class SharedTenantsTests(ITestOutputHelper output)
{
    private static string SharedRedis => Environment.GetEnvironmentVariable(ClusterFactAttribute.RedisVariable)!;

    [ClusterFact]
    public async Task A_site_created_on_node_A_answers_on_node_B_within_two_seconds_and_disabled_on_B_closes_on_A_within_two_seconds()
    {
        await using var nodes = await TwoNodes.StartAsync(SharedRedis);
        using var visitorOnA = nodes.A.Client();
        using var visitorOnB = nodes.B.Client();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Jura" + suffix;
        var prefix = "jura-" + suffix;

        // Before: B does not know the prefix (the portal answers its « Page introuvable »).
        Assert.Equal(HttpStatusCode.NotFound, (await visitorOnB.GetAsync(new Uri($"/{prefix}/pages/mentions-legales", UriKind.Relative))).StatusCode);

        await nodes.A.Services.GetRequiredService<ITenantManager>().CreateAsync(new TenantCreateRequest
        {
            Name = name,
            DisplayName = "rally'nov Jura " + suffix,
            UrlPrefix = prefix,
            AdminUserName = "jura-admin",
            AdminEmail = "jura@example.org",
            AdminPassword = ClusterNode.AdminPassword,
        }, "tests", null, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, (await visitorOnA.GetAsync(new Uri($"/{prefix}/pages/mentions-legales", UriKind.Relative))).StatusCode);

        var created = await WithinAsync(visitorOnB, $"/{prefix}/pages/mentions-legales", HttpStatusCode.OK, TimeSpan.FromSeconds(2));
        Assert.True(created is not null, "The site created on A does not answer on B after 2 s.");
        output.WriteLine($"Created on A, answering on B after {created!.Value.TotalMilliseconds:0} ms.");

        // Set up once: B never ran the setup itself (one administrator, one copy of the starting content).
        await using (var connection = new NpgsqlConnection(nodes.ConnectionString))
        {
            await connection.OpenAsync();
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM \"{name.ToLowerInvariant()}\".\"AspNetUsers\""));
        }

        await nodes.B.Services.GetRequiredService<ITenantManager>().DisableAsync(name, "tests", CancellationToken.None);
        var closed = await WithinAsync(visitorOnA, $"/{prefix}/pages/mentions-legales", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(2));
        Assert.True(closed is not null, "The site disabled on B still answers on A after 2 s.");
        output.WriteLine($"Disabled on B, 503 on A after {closed!.Value.TotalMilliseconds:0} ms.");
        Assert.Equal(TenantState.Disabled, nodes.A.Services.GetRequiredService<ITenantStore>().Find(name)?.State);
    }

    [ClusterFact]
    public async Task An_existing_tenants_json_is_imported_into_the_shared_table_on_first_start()
    {
        var server = Environment.GetEnvironmentVariable(PostgresSiteFactory.Variable)!;
        var database = "rallynov_import_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        var data = RallyNovFactory.NewDataPath();
        await File.WriteAllTextAsync(Path.Combine(data, "tenants.json"), """
            {
              "tenants": [
                { "name": "Default", "displayName": "rally'nov importé", "state": "Uninitialized" },
                { "name": "Doubs", "displayName": "rally'nov Doubs", "urlPrefix": "doubs", "state": "Disabled", "theme": "RallyNov.Theme" }
              ]
            }
            """);
        try
        {
            await using (var node = new ClusterNode(data, connectionString, null, "rallynov-import"))
            {
                using var visitor = node.Client();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await visitor.GetAsync(new Uri("/doubs/", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT name, settings->>'displayName', settings->>'state' FROM rallynov_shared.tenants ORDER BY position", connection);
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add($"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}");
                }
            }

            Assert.Equal(new[] { "Default|rally'nov importé|Running", "Doubs|rally'nov Doubs|Disabled" }, rows);
            Assert.False(File.Exists(Path.Combine(data, "tenants.json")), "tenants.json is still there, as if it were still read.");
            Assert.True(File.Exists(Path.Combine(data, "tenants.json.imported")));
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(data);
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    [ClusterFact]
    public async Task Items_scheduled_a_few_seconds_ahead_are_published_once_and_audited_once_although_both_nodes_run_the_scheduler()
    {
        await using var nodes = await TwoNodes.StartAsync(SharedRedis, new Dictionary<string, string> { ["RallyNov:Scheduling:IntervalSeconds"] = "0.1" });
        var portal = nodes.A.Services.GetRequiredService<ITenantStore>().Find(TenantNames.Default)!;
        var due = DateTime.UtcNow.AddSeconds(3);
        var ids = new List<string>();
        await using (var scope = nodes.A.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(portal))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var workflow = scope.ServiceProvider.GetRequiredService<IContentWorkflow>();
            for (var i = 0; i < 12; i++)
            {
                var draft = contents.New("Page");
                draft.Set("Title", $"Programmée sur deux serveurs {i}");
                Assert.True((await contents.SaveDraftAsync(draft, CancellationToken.None)).Succeeded);
                Assert.True((await workflow.SchedulePublishAsync(draft.ContentItemId, due, null, CancellationToken.None)).Succeeded);
                ids.Add(draft.ContentItemId);
            }
        }

        await using var connection = new NpgsqlConnection(nodes.ConnectionString);
        await connection.OpenAsync();
        var list = string.Join(",", ids.Select(id => $"'{id}'"));
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync(connection, $"SELECT count(DISTINCT \"ContentItemId\") FROM \"default\".\"ContentItems\" WHERE \"Published\" AND \"ContentItemId\" IN ({list})") < ids.Count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The scheduled items were not published within 30 s.");
            await Task.Delay(100);
        }

        // Both schedulers had time to pass over the due items again.
        await Task.Delay(1500);
        Assert.Equal(ids.Count, await ScalarAsync(connection, $"SELECT count(*) FROM \"default\".\"AuditEvents\" WHERE \"Action\" = 'content.published' AND \"ItemId\" IN ({list})"));
        Assert.Equal(ids.Count, await ScalarAsync(connection, $"SELECT count(*) FROM \"default\".\"ContentItems\" WHERE \"Published\" AND \"ContentItemId\" IN ({list})"));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="status"/>, <paramref name="limit"/> at most: how long it took, or null.</summary>
    private static async Task<TimeSpan?> WithinAsync(HttpClient client, string path, HttpStatusCode status, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using (var response = await client.GetAsync(new Uri(path, UriKind.Relative)))
            {
                if (response.StatusCode == status)
                {
                    return clock.Elapsed;
                }
            }

            if (clock.Elapsed > limit)
            {
                return null;
            }

            await Task.Delay(50);
        }
    }
}
