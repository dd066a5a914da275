namespace RallyNov.Core.Tenants;

/// <summary>
/// The tenant of the current request or background job, with the paths keyed by it.
/// </summary>
public sealed class TenantContext
{
    public TenantContext(TenantSettings settings, TenantPaths paths, string prefix)
    {
        Settings = settings;
        Paths = paths;
        Prefix = prefix;
    }

    public TenantSettings Settings { get; }

    public string Name => Settings.Name;

    public TenantPaths Paths { get; }

    /// <summary>"/bourgogne" or "" — the request's PathBase once resolved.</summary>
    public string Prefix { get; }

    /// <summary>Cookie name of this tenant's sign-in, distinct per tenant.</summary>
    public string AuthCookieName => ".RallyNov.Auth." + Settings.Name;

    /// <summary>Cookie path: the tenant prefix, so browsers never send it to another tenant.</summary>
    public string CookiePath => Prefix.Length == 0 ? "/" : Prefix;

    /// <summary>Prefixes a cache key with the tenant name.</summary>
    public string CacheKey(string key) => Settings.Name + ":" + key;
}

/// <summary>Holds the tenant of the current DI scope; set once by the middleware or a job.</summary>
public interface ITenantAccessor
{
    TenantContext? Current { get; }

    /// <summary>The tenant, or an exception when code runs outside any tenant.</summary>
    TenantContext Required { get; }

    void Set(TenantContext context);
}

internal sealed class TenantAccessor : ITenantAccessor
{
    public TenantContext? Current { get; private set; }

    public TenantContext Required => Current ?? throw new InvalidOperationException("No tenant in this scope.");

    public void Set(TenantContext context)
    {
        if (Current is not null && !ReferenceEquals(Current, context))
        {
            throw new InvalidOperationException("The tenant of a scope cannot change.");
        }

        Current = context;
    }
}
