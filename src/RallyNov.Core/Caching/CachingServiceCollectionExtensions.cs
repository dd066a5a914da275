using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RallyNov.Core.Cluster;
using RallyNov.Core.Content;

namespace RallyNov.Core.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Versions, invalidation, the per-tenant data cache and the output cache (in memory, bounded).
    /// The store is the output cache's <see cref="IOutputCacheStore"/>: registering another one
    /// (AddStackExchangeRedisOutputCache) after this call replaces it, everything else unchanged.
    /// </summary>
    public static IServiceCollection AddRallyNovCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutputCacheSettings>().Bind(configuration.GetSection(OutputCacheSettings.Section));
        var settings = configuration.GetSection(OutputCacheSettings.Section).Get<OutputCacheSettings>() ?? new OutputCacheSettings();

        services.AddHttpContextAccessor();
        // Shared by the nodes when Redis is configured (ISharedSiteVersions, registered by the cluster setup).
        services.AddSingleton(sp => new SiteCacheVersions(sp.GetRequiredService<TimeProvider>(), sp.GetService<ISharedSiteVersions>()));
        services.AddSingleton<SiteCacheInvalidator>();
        services.AddSingleton<ISiteCacheInvalidator>(sp => sp.GetRequiredService<SiteCacheInvalidator>());
        services.AddSingleton<ISiteDataCache, SiteDataCache>();
        services.AddScoped<ISiteChanges, SiteChanges>();
        services.AddScoped<IOutputCacheHints, OutputCacheHints>();
        services.AddScoped<IContentHandler, SiteCacheContentHandler>();
        services.AddSingleton<PublicOutputCachePolicy>();

        services.AddOutputCache(o =>
        {
            o.SizeLimit = Math.Max(1, settings.SizeLimitMegabytes) * 1024L * 1024L;
            o.MaximumBodySize = Math.Max(1, settings.MaximumBodyKilobytes) * 1024L;
            o.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, settings.ExpirationSeconds));
            // "/api/content/Initiative" and "/api/content/initiative" are not the same answer.
            o.UseCaseSensitivePaths = true;
        });
        services.AddOptions<OutputCacheOptions>().Configure<IServiceProvider>((o, provider) =>
            o.AddBasePolicy(provider.GetRequiredService<PublicOutputCachePolicy>()));

        // Several nodes: the store moves to Redis (docs/operations.md, « Plusieurs nœuds »).
        services.AddRallyNovRedisOutputCache(configuration);
        return services;
    }

    /// <summary>
    /// Output cache (unless RallyNov:OutputCache:Enabled is false), validators and 304 answers, then
    /// compression: the cache stores compressed bytes and serves a hit without compressing again.
    /// </summary>
    public static IApplicationBuilder UseRallyNovCaching(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<OutputCacheSettings>>().Value.Enabled)
        {
            app.UseOutputCache();
        }

        app.UseMiddleware<ConditionalGetMiddleware>();
        return app;
    }
}

/// <summary>Published, unpublished, deleted or restored content changes what visitors see.</summary>
internal sealed class SiteCacheContentHandler(ISiteChanges changes) : IContentHandler
{
    public Task PublishedAsync(ContentItem item, CancellationToken cancellationToken) => changes.ChangedAsync(cancellationToken);

    public Task UnpublishedAsync(ContentItem item, CancellationToken cancellationToken) => changes.ChangedAsync(cancellationToken);

    public Task DeletedAsync(ContentItem item, CancellationToken cancellationToken) => changes.ChangedAsync(cancellationToken);

    public Task RestoredAsync(ContentItem item, CancellationToken cancellationToken) => changes.ChangedAsync(cancellationToken);
}
