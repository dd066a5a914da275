using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Cluster;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>With Redis configured, the output cache is one store for every node: a change on one node evicts the other's pages too.</summary>
public sealed class SharedOutputCacheTests(ITestOutputHelper output)
{
    private static string SharedRedis => Environment.GetEnvironmentVariable(ClusterFactAttribute.RedisVariable)!;

    [ClusterFact]
    public async Task Pages_cached_by_both_nodes_are_in_Redis_and_a_publish_on_A_evicts_those_of_B_at_once()
    {
        await using var nodes = await TwoNodes.StartAsync(SharedRedis);
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            using var visitor = node.Client();
            for (var i = 0; i < 2; i++)
            {
                using var response = await visitor.GetAsync(new Uri("/bourgogne/laureats", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(SharedRedis);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var pattern = nodes.KeyPrefix + RedisOutputCacheServiceCollectionExtensions.KeySegment + "*laureats*";
        int Cached() => server.Keys(pattern: pattern).Count();

        // One entry per node (each node's key carries its own version of the site).
        Assert.True(Cached() >= 2, $"Expected both nodes' answers in Redis, found {Cached()} keys matching {pattern}.");

        var bourgogne = nodes.A.Services.GetRequiredService<ITenantStore>().Find("Bourgogne")!;
        await using (var scope = nodes.A.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(bourgogne))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var page = contents.New("Page");
            page.Set("Title", "Publiée sur le serveur A " + Guid.NewGuid().ToString("N")[..6]);
            Assert.True((await contents.PublishAsync(page, CancellationToken.None)).Succeeded);
        }

        var clock = Stopwatch.StartNew();
        while (Cached() > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{Cached()} cached answers of /bourgogne/laureats are still in Redis 2 s after a publish on A.");
            await Task.Delay(50);
        }

        output.WriteLine($"Published on A, both nodes' cached answers gone from Redis after {clock.ElapsedMilliseconds} ms.");
        using var visitorOnB = nodes.B.Client();
        using var fresh = await visitorOnB.GetAsync(new Uri("/bourgogne/laureats", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
