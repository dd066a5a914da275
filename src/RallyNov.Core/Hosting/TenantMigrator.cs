using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>Brings a tenant's schema up to date: the core migrations, then every module's <see cref="ITenantMigration"/>.</summary>
internal sealed class TenantMigrator(ITenantDatabase database, ITenantScopeFactory scopes)
{
    public async Task MigrateAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await database.MigrateAsync(tenant, cancellationToken);
        await MigrateModulesAsync(tenant, cancellationToken);
    }

    /// <summary>The modules' own migrations, once the core schema is there.</summary>
    public async Task MigrateModulesAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(tenant);
        var context = scope.ServiceProvider.GetRequiredService<TenantContext>();
        foreach (var migration in scope.ServiceProvider.GetServices<ITenantMigration>())
        {
            await migration.MigrateAsync(context, cancellationToken);
        }
    }
}
