using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using RallyNov.Integration.Tests.Contents;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// Each node keeps its own Lucene index following the shared IndexingTasks log. New tasks are
/// announced on the change bus, so the other node indexes at once: here its look at the log on its
/// own is made rare (RallyNov:Search:CatchUpSeconds=120), so only the notice can bring the change
/// within 2 s. /health reports how far each tenant's index is behind the log.
/// </summary>
public sealed class IndexingAcrossNodesTests
{
    private static string SharedRedis => Environment.GetEnvironmentVariable(ClusterFactAttribute.RedisVariable)!;

    [ClusterFact]
    public async Task A_page_published_on_node_A_is_found_by_node_B_search_within_two_seconds_and_B_health_shows_its_index_lag_back_to_zero()
    {
        await using var nodes = await TwoNodes.StartAsync(SharedRedis, new Dictionary<string, string> { ["RallyNov:Search:CatchUpSeconds"] = "120" });
        using var visitorOnB = nodes.B.Client();
        Assert.Equal((0, 0.0), await LagAsync(visitorOnB, "Bourgogne"));

        // A task written behind the nodes' backs (a command-line verb on another machine), 30 s old:
        // nothing announced it, so B's index is one task behind and says so.
        await InsertSilentTaskAsync(nodes.ConnectionString, "bourgogne", TimeSpan.FromSeconds(30));
        var (tasks, seconds) = await LagAsync(visitorOnB, "Bourgogne");
        Assert.Equal(1, tasks);
        Assert.InRange(seconds, 29, 600);

        // An editor publishes on A through the editor form the page gave.
        using var editor = nodes.A.Browser();
        using (var login = await editor.LoginAsync("/bourgogne", "admin", ClusterNode.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var word = UniqueWord();
        var form = HtmlForm.Find(await editor.GetPageAsync("/bourgogne/admin/contents/new/Page"), "/bourgogne/admin/contents/new/Page", "/bourgogne/admin/contents/new/Page");
        var clock = Stopwatch.StartNew();
        using (var published = await editor.SubmitAsync(form, [new("f.Title", "Annonce " + word), new("f.Body", $"<p>Publiée sur le nœud A : {word}.</p>"), new("submit", "publish")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        while (await HitsAsync(visitorOnB, word) == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "Node B's search did not find the page published on A within 2 s.");
            await Task.Delay(50);
        }

        // Woken by the notice, B read the log to its end: the silent task too.
        Assert.Equal((0, 0.0), await LagAsync(visitorOnB, "Bourgogne"));
        // A indexed its own publish at once too (woken here, not by the bus).
        using var visitorOnA = nodes.A.Client();
        while (await HitsAsync(visitorOnA, word) == 0 || (await LagAsync(visitorOnA, "Bourgogne")).Tasks > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "Node A's own index did not take the page within 2 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>The tenant's "indexLag" in GET /health: tasks not applied yet, and the age of the oldest.</summary>
    internal static async Task<(int Tasks, double Seconds)> LagAsync(HttpClient client, string tenant)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = json.RootElement.GetProperty("tenants").EnumerateArray().Single(t => t.GetProperty("name").GetString() == tenant);
        Assert.True(entry.TryGetProperty("indexLag", out var lag), $"/health has no indexLag for {tenant}: {entry}");
        return (lag.GetProperty("tasks").GetInt32(), lag.GetProperty("seconds").GetDouble());
    }

    internal static async Task<int> HitsAsync(HttpClient client, string word)
    {
        using var response = await client.GetAsync(new Uri("/bourgogne/api/search?q=" + word, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("hits").GetArrayLength();
    }

    /// <summary>A made-up word of ten letters: found by search only in the page that holds it.</summary>
    internal static string UniqueWord()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return new string(bytes.Take(10).Select(b => (char)('a' + b % 26)).ToArray());
    }

    private static async Task InsertSilentTaskAsync(string connectionString, string schema, TimeSpan age)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{schema}\".\"IndexingTasks\" (\"ContentItemId\", \"ContentType\", \"Kind\", \"CreatedUtc\") VALUES ('absent0000000000000000000', 'Page', 'Delete', @created)";
        command.Parameters.AddWithValue("created", DateTime.UtcNow - age);
        await command.ExecuteNonQueryAsync();
    }
}
