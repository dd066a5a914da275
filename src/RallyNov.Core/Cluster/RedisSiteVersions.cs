using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Caching;
using StackExchange.Redis;

namespace RallyNov.Core.Cluster;

/// <summary>
/// The site versions in Redis (keys <c>{prefix}:site-version:{slot}</c>), so that every node keys its
/// cached pages and data the same way. Each call is one script (one round trip); a counter is
/// created from the clock (microseconds since 1970: exact in Lua's numbers, and above anything a
/// counter lost with Redis' memory had reached), then only grows.
/// </summary>
internal sealed class RedisSiteVersions(RedisConnection redis, ILogger<RedisSiteVersions> logger) : ISharedSiteVersions
{
    private const string LoadScript = """
        local r = {}
        for i, k in ipairs(KEYS) do
          local v = redis.call('GET', k)
          if not v then redis.call('SET', k, ARGV[1]); v = ARGV[1] end
          r[i] = tonumber(v)
        end
        return r
        """;

    private const string IncrementScript = """
        local r = {}
        for i, k in ipairs(KEYS) do
          if redis.call('EXISTS', k) == 0 then redis.call('SET', k, ARGV[1]) end
          r[i] = redis.call('INCR', k)
        end
        return r
        """;

    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);
    private long _lastLogTicks;

    public long[]? Load(string[] slots)
    {
        try
        {
            return Connected() is { } database ? Values(database.ScriptEvaluate(LoadScript, Keys(slots), [Seed()])) : null;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
            return null;
        }
    }

    public async Task<long[]?> LoadAsync(string[] slots, CancellationToken cancellationToken) =>
        await EvaluateAsync(LoadScript, slots);

    public async Task<long[]?> IncrementAsync(string[] slots, CancellationToken cancellationToken) =>
        await EvaluateAsync(IncrementScript, slots);

    private async Task<long[]?> EvaluateAsync(string script, string[] slots)
    {
        try
        {
            return Connected() is { } database ? Values(await database.ScriptEvaluateAsync(script, Keys(slots), [Seed()])) : null;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
            return null;
        }
    }

    /// <summary>Null at once while Redis is away: a request never waits for it.</summary>
    private IDatabase? Connected() => redis.Multiplexer.IsConnected ? redis.Database : null;

    private RedisKey[] Keys(string[] slots) => [.. slots.Select(slot => (RedisKey)(redis.KeyPrefix + ":site-version:" + slot))];

    private static RedisValue Seed() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    private static long[] Values(RedisResult result) => [.. ((RedisResult[])result!).Select(r => (long)r)];

    private static bool IsOutage(Exception ex) => ex is RedisException or TimeoutException or ObjectDisposedException;

    private void Log(Exception ex)
    {
        var now = DateTime.UtcNow.Ticks;
        var last = Interlocked.Read(ref _lastLogTicks);
        if (now - last >= LogEvery.Ticks && Interlocked.CompareExchange(ref _lastLogTicks, now, last) == last)
        {
            logger.LogWarning(ex, "Redis unreachable: site versions move on this node alone until it returns.");
        }
    }
}

/// <summary>
/// Every few seconds, reads the shared site versions again (a notice lost while Redis was away is
/// caught here) and announces the changes this node made while Redis could not be reached.
/// One script per period and node, never per request.
/// </summary>
internal sealed class SharedSiteVersionsRefresher(SiteCacheVersions versions, SiteCacheInvalidator invalidator, ILogger<SharedSiteVersionsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await versions.RefreshAsync(stoppingToken))
                {
                    await invalidator.MovePendingAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh the shared site versions.");
            }
        }
    }
}
