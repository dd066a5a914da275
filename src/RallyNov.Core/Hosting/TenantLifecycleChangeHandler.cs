using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// What the framework does when a tenant changes while the server runs: a new, re-enabled or
/// uninitialized tenant is started (migrated, set up from its recipe when nobody else is doing it);
/// a removed one has its pooled database connections closed, so a later tenant of the same name
/// never reads the deleted file through an old connection.
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

        if (change.After!.State is TenantState.Running or TenantState.Uninitialized)
        {
            await setup.StartAsync(change.Name, cancellationToken);
        }
    }
}
