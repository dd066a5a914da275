using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// What the framework does when a tenant changes while the server runs: a new, re-enabled or
/// uninitialized tenant is started (migrated, set up from its recipe when nobody else is doing it);
/// a removed one, or one set back to uninitialized (`tenants reset` in another process), has its
/// pooled database connections closed, so it never reads a deleted or moved-aside file through an
/// old connection. A running tenant whose database is lost stays closed (503) and is not set up again.
/// </summary>
internal sealed class TenantLifecycleChangeHandler(TenantSetupService setup, ITenantDatabase database, ILogger<TenantLifecycleChangeHandler> logger) : ITenantChangeHandler
{
    public async Task HandleAsync(TenantChange change, CancellationToken cancellationToken)
    {
        if (change.Kind == TenantChangeKind.Removed)
        {
            setup.Forget(change.Name);
            database.ReleaseConnections(change.Before!);
            logger.LogInformation("Tenant {Tenant} was removed.", change.Name);
            return;
        }

        if (change.After!.State == TenantState.Uninitialized && change.Before is { State: not TenantState.Uninitialized } before)
        {
            setup.Forget(change.Name);
            database.ReleaseConnections(before);
        }

        if (change.After.State is TenantState.Running or TenantState.Uninitialized)
        {
            try
            {
                await setup.StartAsync(change.Name, cancellationToken);
            }
            catch (TenantUnavailableException ex)
            {
                // Already recorded by the availability: the tenant answers 503 and /health names it.
                logger.LogError("Tenant {Tenant} stays closed: {Message}", change.Name, ex.Message);
            }
        }
    }
}
