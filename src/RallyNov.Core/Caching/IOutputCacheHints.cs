using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Caching;

/// <summary>What the code building an answer tells the output cache about it.</summary>
public interface IOutputCacheHints
{
    /// <summary>
    /// The tenant's pages change by themselves at <paramref name="utc"/> with no edit (an event
    /// becomes past, a date is reached): from then on the tenant's cached answers are rebuilt.
    /// </summary>
    void ChangesAt(DateTimeOffset utc);

    /// <summary>This answer is personal (an antiforgery token, a visitor's own data): never stored.</summary>
    void DoNotStore();
}

internal sealed class OutputCacheHints(IHttpContextAccessor http, ITenantAccessor accessor, SiteCacheVersions versions) : IOutputCacheHints
{
    public void ChangesAt(DateTimeOffset utc)
    {
        if (accessor.Current is { } tenant)
        {
            versions.ChangesAt(tenant.Name, utc);
        }
    }

    public void DoNotStore() => DoNotStore(http.HttpContext);

    public static void DoNotStore(HttpContext? context)
    {
        if (context?.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            feature.Context.AllowCacheStorage = false;
        }
    }
}
