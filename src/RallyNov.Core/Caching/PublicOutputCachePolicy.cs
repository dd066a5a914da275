using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Caching;

/// <summary>
/// The output cache's one policy (a base policy: it runs before routing, for every request).
/// Stores the anonymous GET answers of running tenants, compressed, keyed by tenant and its
/// version, scheme, host, path base, path, the exact query string and the compression the
/// client gets; tags them with their tenant so a change evicts them. Never stores: personal
/// requests (signed in, credentials), answers with a cookie, private or no-store answers (the
/// antiforgery token sets no-store), anything but 200.
/// </summary>
internal sealed class PublicOutputCachePolicy(
    SiteCacheVersions versions,
    IServiceProvider services,
    ITenantStore tenants,
    IOptions<OutputCacheSettings> settings) : IOutputCachePolicy
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(1, settings.Value.ExpirationSeconds));

    // Resolved on first use, not injected: the invalidator needs the output cache store, whose
    // options hold this policy — taking it in the constructor makes the options build themselves forever.
    private ISiteCacheInvalidator? _invalidator;

    // The web host's (absent from hosts without a web layer, such as the core tests' and the verbs').
    private IResponseCompressionProvider? Compression => _compression ??= services.GetService<IResponseCompressionProvider>();

    private IResponseCompressionProvider? _compression;

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (!PublicAnswers.IsCandidate(http, out var tenant) || PublicAnswers.IsPersonal(http, tenant))
        {
            context.EnableOutputCaching = false;
            return;
        }

        _invalidator ??= services.GetRequiredService<ISiteCacheInvalidator>();
        await FollowAsync(versions, _invalidator, tenants, tenant, cancellation);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = _lifetime;

        var rules = context.CacheVaryByRules;
        // Never the control characters the key builder uses between parts: it refuses such a key (and stores nothing).
        rules.CacheKeyPrefix = tenant.Name + "|" + versions.KeyOf(tenant.Settings) + "|";
        rules.VaryByHost = true;
        // The stored bytes are compressed: a client gets the entry made for the encoding it would get.
        rules.VaryByValues["enc"] = Compression?.GetCompressionProvider(http)?.EncodingName ?? "identity";
        // The query string as sent: the same parameters in another order may well render differently.
        rules.VaryByValues["qs"] = http.Request.QueryString.Value ?? "";

        context.Tags.Add(SiteCacheInvalidator.AllTag);
        context.Tags.Add(SiteCacheInvalidator.TagOf(tenant.Name));
        if (tenant.Settings.IsDefault)
        {
            context.Tags.Add(SiteCacheInvalidator.AggregateTag);
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || IsPrivate(response.Headers.CacheControl)
            || http.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Before using any cached answer: a new tenant list (added, removed, disabled, moved) or a
    /// time the tenant's pages change by themselves (an event over) moves the versions.
    /// </summary>
    public static async ValueTask FollowAsync(SiteCacheVersions versions, ISiteCacheInvalidator invalidator, ITenantStore tenants, TenantContext tenant, CancellationToken cancellation)
    {
        if (versions.TenantListChanged(tenants.All))
        {
            await invalidator.AllChangedAsync(cancellation);
        }

        if (versions.TakeDue(tenant.Settings))
        {
            await invalidator.TenantChangedAsync(tenant.Name, cancellation);
        }
    }

    private static bool IsPrivate(Microsoft.Extensions.Primitives.StringValues cacheControl)
    {
        foreach (var value in cacheControl)
        {
            if (value is not null && (value.Contains("no-store", StringComparison.OrdinalIgnoreCase) || value.Contains("private", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
