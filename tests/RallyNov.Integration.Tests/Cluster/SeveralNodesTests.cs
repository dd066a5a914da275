using System.Diagnostics;
using System.Net;
using RallyNov.Core.Cluster;
using RallyNov.Integration.Tests.Users;
using StackExchange.Redis;

namespace RallyNov.Integration.Tests.Cluster;

/// <summary>
/// Two nodes behind one site sharing PostgreSQL and Redis (RallyNov:Redis:Configuration): a visitor
/// or an editor may land on either node, and sees the same site.
/// </summary>
public sealed class SeveralNodesTests
{
    private static string SharedRedis => Environment.GetEnvironmentVariable(ClusterFactAttribute.RedisVariable)!;

    [ClusterFact]
    public async Task A_sign_in_made_on_node_A_is_accepted_by_node_B_because_the_key_ring_lives_in_Redis()
    {
        await using var nodes = await TwoNodes.StartAsync(SharedRedis);
        using var onA = await SignInAsync(nodes.A);

        // The same browser, sent by the load balancer to the other node.
        using var onB = nodes.B.Browser();
        foreach (var (name, value) in onA.Cookies)
        {
            onB.Cookies[name] = value;
        }

        using var dashboard = await onB.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Tableau de bord", html, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter", html, StringComparison.Ordinal);

        // A form of node B's page, posted back to node A, carries a token A can read.
        using var saved = await SubmitNameAsync(onB, nodes.A, "rally'nov réseau " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The key ring is in Redis, not in either node's data folder.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(SharedRedis);
        Assert.True(await redis.GetDatabase().ListLengthAsync(nodes.KeyPrefix + ":" + ClusterServiceCollectionExtensions.KeyRingKey) >= 1);
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            var keys = Path.Combine(node.DataPath, "DataProtection-Keys");
            Assert.False(Directory.Exists(keys) && Directory.EnumerateFiles(keys, "*.xml").Any(), $"A key file was written in {keys}.");
        }
    }

    [ClusterFact]
    public async Task A_site_name_changed_on_node_A_shows_on_node_B_within_two_seconds()
    {
        await using var nodes = await TwoNodes.StartAsync(SharedRedis);
        using var visitorOnB = nodes.B.Client();
        var before = await HomeAsync(visitorOnB);
        Assert.Contains("<title>rally'nov", before, StringComparison.Ordinal); // B has built (and keeps) its identity

        var name = "rally'nov national " + Guid.NewGuid().ToString("N")[..6];
        using var onA = await SignInAsync(nodes.A);
        using var saved = await SubmitNameAsync(onA, null, name);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.True(await ShowsWithinAsync(visitorOnB, name, TimeSpan.FromSeconds(2)), "Node B still shows the old name after 2 s.");
    }

    [ClusterFact]
    public async Task With_Redis_stopped_both_nodes_keep_serving_visitors_and_signed_in_editors_and_changes_are_still_saved()
    {
        using var redis = new PrivateRedis();
        await using var nodes = await TwoNodes.StartAsync(redis.Configuration);
        using var onA = await SignInAsync(nodes.A);
        using var onB = nodes.B.Browser();
        foreach (var (name, value) in onA.Cookies)
        {
            onB.Cookies[name] = value;
        }

        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/admin")).StatusCode);

        redis.Stop();

        var clock = Stopwatch.StartNew();
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            using var visitor = node.Client();
            Assert.Contains("<title>", await HomeAsync(visitor), StringComparison.Ordinal);
            using var laureates = await visitor.GetAsync(new Uri("/bourgogne/laureats", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, laureates.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/admin")).StatusCode);

        // A change on A is saved and shown on A; B hears of it when its cache expires (logged warning).
        var renamed = "rally'nov sans Redis " + Guid.NewGuid().ToString("N")[..6];
        using var saved = await SubmitNameAsync(onA, null, renamed);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var visitor = nodes.A.Client())
        {
            Assert.Contains($"<title>{renamed}</title>", await HomeAsync(visitor), StringComparison.Ordinal);
        }

        // Degraded, not slow: no request waited on the missing Redis.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Serving without Redis took {clock.ElapsedMilliseconds} ms.");

        // Redis returns (empty): both nodes subscribe again by themselves and changes travel again.
        redis.Restart();
        await using var client = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var channel = RedisChannel.Literal(nodes.KeyPrefix + ":changes");
        var back = Stopwatch.StartNew();
        while ((long)(await client.GetServer(client.GetEndPoints()[0]).ExecuteAsync("PUBSUB", "NUMSUB", channel.ToString()))[1] < 2)
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(30), "The nodes did not subscribe again within 30 s of Redis' return.");
            await Task.Delay(100);
        }

        using var visitorOnB = nodes.B.Client();
        Assert.Contains("<title>", await HomeAsync(visitorOnB), StringComparison.Ordinal);
        var again = "rally'nov Redis revenu " + Guid.NewGuid().ToString("N")[..6];
        using var resaved = await SubmitNameAsync(onA, null, again);
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        Assert.True(await ShowsWithinAsync(visitorOnB, again, TimeSpan.FromSeconds(2)), "Node B did not show the change made on A after Redis returned.");
    }

    private static async Task<TestBrowser> SignInAsync(ClusterNode node)
    {
        var browser = node.Browser();
        using var login = await browser.LoginAsync("", "admin", ClusterNode.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    /// <summary>The portal's identity form, read by <paramref name="browser"/> and posted to <paramref name="postTo"/> (another node) or back.</summary>
    private static async Task<HttpResponseMessage> SubmitNameAsync(TestBrowser browser, ClusterNode? postTo, string name)
    {
        var form = Infrastructure.HtmlForm.Find(await browser.GetPageAsync("/admin/settings"), "/admin/settings", "/admin/settings");
        if (postTo is null)
        {
            return await browser.SubmitAsync(form, [new("SiteName", name)]);
        }

        using var other = new TestBrowser(postTo.Client());
        foreach (var (cookie, value) in browser.Cookies)
        {
            other.Cookies[cookie] = value;
        }

        return await other.SubmitAsync(form, [new("SiteName", name)]);
    }

    private static async Task<string> HomeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls the home page until its title is <paramref name="name"/>, <paramref name="limit"/> at most.</summary>
    private static async Task<bool> ShowsWithinAsync(HttpClient client, string name, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if ((await HomeAsync(client)).Contains($"<title>{name}</title>", StringComparison.Ordinal))
            {
                return true;
            }

            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }
}
