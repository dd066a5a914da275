using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Caching;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>The Redis key of the data-protection key ring, under the configured prefix.</summary>
    public const string KeyRingKey = "data-protection-keys";

    /// <summary>
    /// What the nodes share when RallyNov:Redis:Configuration is set: the change bus. Without it
    /// the bus goes nowhere and the node works alone, as before.
    /// </summary>
    internal static IServiceCollection AddRallyNovCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddSingleton<IChangeHandler, SiteCacheChangeHandler>();
        services.AddSingleton<IChangeHandler, MemoryCacheKeyChangeHandler>();
        services.AddSingleton<IChangeHandler, TenantStoreChangeHandler>();

        var options = configuration.GetSection(RallyNovOptions.Section).Get<RallyNovOptions>() ?? new RallyNovOptions();

        // The lock lives where the shared data lives: PostgreSQL's advisory locks; one node otherwise.
        if (string.Equals(options.Database.Provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase)
            || string.Equals(options.Database.Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IDistributedLock, PostgresAdvisoryLock>();
        }
        else
        {
            services.AddSingleton<IDistributedLock, LocalDistributedLock>();
        }

        var redis = options.Redis;
        if (!redis.Enabled)
        {
            services.AddSingleton<IChangeBus, LocalChangeBus>();
            return services;
        }

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<RedisChangeBus>();
        services.AddSingleton<IChangeBus>(sp => sp.GetRequiredService<RedisChangeBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisChangeBus>());

        // One version of each site for every node: a page cached by one node is a hit on the others.
        services.AddSingleton<ISharedSiteVersions, RedisSiteVersions>();
        services.AddHostedService<SharedSiteVersionsRefresher>();
        return services;
    }

    /// <summary>
    /// Keeps the data-protection key ring in Redis when it is configured (so an auth cookie or an
    /// antiforgery token made by one node is read by all), in <paramref name="keysFolder"/> otherwise.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysForRallyNov(this IDataProtectionBuilder builder, RedisOptions redis, string keysFolder)
    {
        if (!redis.Enabled)
        {
            return builder.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }

        // The connection is the node's one multiplexer, opened when the key ring is first read.
        builder.Services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((options, connection) =>
            options.XmlRepository = new RedisXmlRepository(() => connection.Database, connection.KeyPrefix + ":" + KeyRingKey));
        return builder;
    }
}
