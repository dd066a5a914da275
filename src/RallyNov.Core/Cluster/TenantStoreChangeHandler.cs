using RallyNov.Core.Tenants;

namespace RallyNov.Core.Cluster;

/// <summary>Another node changed the shared tenant list: reload it now (its changes then start, close or drop tenants here).</summary>
internal sealed class TenantStoreChangeHandler(ITenantStore store) : IChangeHandler
{
    public Task ApplyAsync(ChangeNotice notice, CancellationToken cancellationToken) =>
        notice.Kind == ChangeKinds.TenantsChanged ? store.ReloadAsync(cancellationToken) : Task.CompletedTask;
}
