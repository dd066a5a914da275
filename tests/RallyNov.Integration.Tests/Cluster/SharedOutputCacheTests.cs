using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Caching;
using RallyNov.Core.Cluster;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// With Redis configured, the output cache is one store for every node and the site versions that
/// key it are shared: a page cached by one node is a hit on the others, and a change on any node
/// evicts it for all.
/// </summary>
public sealed class SharedOutputCacheTests(ITestOutputHelper output)
{
    private const string Sitemap = "/bourgogne/sitemap.xml";

    private static string SharedRedis => Environment.GetEnvironmentVariable(ClusterFactAttribute.RedisVariable)!;

    [ClusterFact]
    public async Task A_page_cached_by_A_is_a_hit_on_B_and_a_publish_on_B_shows_on_A_at_the_next_request()
    {
        await using var nodes = await TwoNodes.StartAsync(SharedRedis);
        using var visitorOnA = nodes.A.Client();
        using var visitorOnB = nodes.B.Client();

        // A renders and stores; B finds A's answer (a stored answer carries Age, a rendered one none).
        var (first, _) = await GetAsync(visitorOnA);
        Assert.Null(first);
        var (onB, _) = await GetAsync(visitorOnB);
        Assert.True(onB is not null, "Node B rendered the page again instead of serving the answer node A stored in Redis.");

        await using var redis = await ConnectionMultiplexer.ConnectAsync(SharedRedis);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var pattern = nodes.KeyPrefix + RedisOutputCacheServiceCollectionExtensions.KeySegment + "*sitemap*";
        Assert.Single(server.Keys(pattern: pattern));

        // A publish on B: the next request on A shows it (the shared entry is gone before B's publish returns).
        var title = "Publiée sur le serveur B " + Guid.NewGuid().ToString("N")[..6];
        var slug = await PublishPageAsync(nodes.B, title);
        var (afterPublish, body) = await GetAsync(visitorOnA);
        Assert.Null(afterPublish);
        Assert.Contains(slug, body, StringComparison.Ordinal);

        // Once A has taken B's version (the notice on the bus; each node's index catching up may move
        // it once more), the nodes share entries again: B hits the one entry A stored under that version.
        var clock = Stopwatch.StartNew();
        TimeSpan? onA;
        while (true)
        {
            var version = VersionOf(nodes.A);
            (onA, _) = await GetAsync(visitorOnA);
            var (onBAgain, bodyOnB) = await GetAsync(visitorOnB);
            Assert.Contains(slug, bodyOnB, StringComparison.Ordinal);
            if (onBAgain is not null && version == VersionOf(nodes.A) && version == VersionOf(nodes.B)
                && server.Keys(pattern: pattern).Count(key => key.ToString().Contains("|" + version + "|", StringComparison.Ordinal)) == 1)
            {
                break;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "The nodes did not share their cached answers again within 5 s of the publish.");
            await Task.Delay(50);
        }

        output.WriteLine($"Same version on both nodes {clock.ElapsedMilliseconds} ms after the publish on B; A's answer {(onA is null ? "rendered" : "stored")}.");
    }

    private static async Task<(TimeSpan? Age, string Body)> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(Sitemap, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.Age, await response.Content.ReadAsStringAsync());
    }

    private static string VersionOf(ClusterNode node)
    {
        var bourgogne = node.Services.GetRequiredService<ITenantStore>().Find("Bourgogne")!;
        return node.Services.GetRequiredService<ISiteDataCache>().VersionOf(bourgogne);
    }

    private static async Task<string> PublishPageAsync(ClusterNode node, string title)
    {
        var bourgogne = node.Services.GetRequiredService<ITenantStore>().Find("Bourgogne")!;
        await using var scope = node.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(bourgogne);
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var page = contents.New("Page");
        page.Set("Title", title);
        var published = await contents.PublishAsync(page, CancellationToken.None);
        Assert.True(published.Succeeded);
        return published.Item!.Slug!;
    }
}
