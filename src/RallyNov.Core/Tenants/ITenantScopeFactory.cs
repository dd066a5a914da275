using Microsoft.Extensions.DependencyInjection;

namespace RallyNov.Core.Tenants;

/// <summary>Creates DI scopes bound to a tenant, for background jobs, setup and command-line verbs.</summary>
public interface ITenantScopeFactory
{
    AsyncServiceScope CreateScope(TenantSettings tenant);

    TenantContext CreateContext(TenantSettings tenant, string? prefix = null);
}

internal sealed class TenantScopeFactory(IServiceScopeFactory scopes, ITenantStore store) : ITenantScopeFactory
{
    public AsyncServiceScope CreateScope(TenantSettings tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantAccessor>().Set(CreateContext(tenant));
        return scope;
    }

    public TenantContext CreateContext(TenantSettings tenant, string? prefix = null)
    {
        var normalized = TenantResolver.NormalizePrefix(tenant.UrlPrefix);
        return new TenantContext(tenant, store.PathsFor(tenant.Name), prefix ?? (normalized.Length == 0 ? "" : "/" + normalized));
    }
}
