using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Hosting;
using StackExchange.Redis;

namespace RallyNov.Core.Cluster;

public static class RedisOutputCacheServiceCollectionExtensions
{
    /// <summary>Redis keys of the output cache start with this, after the configured prefix.</summary>
    public const string KeySegment = ":output:";

    /// <summary>
    /// With RallyNov:Redis:Configuration, the output cache lives in Redis (the package's store, on the
    /// node's one connection), so a tag evicted by one node is evicted for all. Wrapped so that a Redis
    /// outage costs cache hits, never an answer. Call after AddOutputCache: it replaces the memory store.
    /// </summary>
    internal static IServiceCollection AddRallyNovRedisOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetSection(RallyNovOptions.Section).Get<RallyNovOptions>()?.Redis ?? new RedisOptions();
        if (!redis.Enabled)
        {
            return services;
        }

        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((options, connection) =>
        {
            options.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection.Multiplexer);
            options.InstanceName = connection.KeyPrefix + KeySegment;
        });

        // The package registers its store as the IOutputCacheStore; keep it, behind the guard.
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        foreach (var other in services.Where(d => d.ServiceType == typeof(IOutputCacheStore)).ToList())
        {
            services.Remove(other);
        }

        services.AddSingleton<IOutputCacheStore>(sp => new ResilientOutputCacheStore(
            (IOutputCacheBufferStore)Create(sp, redisStore),
            sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));
        return services;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}

/// <summary>
/// The Redis output-cache store, made harmless when Redis is away: a failed read is a miss, a failed
/// write or eviction is skipped (the tenant versions already keep stale answers from being served),
/// and the node says so in its log at most every 30 seconds.
/// </summary>
internal sealed class ResilientOutputCacheStore(IOutputCacheBufferStore inner, ILogger<ResilientOutputCacheStore> logger) : IOutputCacheBufferStore, IDisposable
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);
    private long _lastLogTicks;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.TryGetAsync(key, destination, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Log(ex);
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private static bool IsOutage(Exception ex) => ex is RedisException or TimeoutException or ObjectDisposedException;

    private void Log(Exception ex)
    {
        var now = DateTime.UtcNow.Ticks;
        var last = Interlocked.Read(ref _lastLogTicks);
        if (now - last >= LogEvery.Ticks && Interlocked.CompareExchange(ref _lastLogTicks, now, last) == last)
        {
            logger.LogWarning(ex, "Redis unreachable: pages are served without the shared output cache until it returns.");
        }
    }
}
