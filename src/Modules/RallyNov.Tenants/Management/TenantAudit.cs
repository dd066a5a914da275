using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Auditing;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Management;

/// <summary>
/// Records tenant operations in the portal's audit trail, whichever tenant they concern (a removed
/// tenant's own trail is gone with it). The acting user is passed in: setups run in the background,
/// after the request that started them has ended.
/// </summary>
internal sealed class TenantAudit(ITenantStore store, ITenantScopeFactory scopes)
{
    /// <summary>Name recorded for operations made from the command line.</summary>
    public const string CommandLine = "ligne de commande";

    public async Task RecordAsync(string action, TenantSettings tenant, string? actor, string? details, CancellationToken cancellationToken)
    {
        if (store.Find(TenantNames.Default) is not { State: TenantState.Running } portal)
        {
            return;
        }

        await using var scope = scopes.CreateScope(portal);
        var services = scope.ServiceProvider;
        var audited = services.GetRequiredService<IAuditEventFactory>()
            .Create(AuditCategories.Tenants, action, tenant.Name, tenant.DisplayName, details);
        if (actor is not null)
        {
            audited = audited with { UserName = actor };
        }

        await services.GetRequiredService<IAuditTrail>().RecordAsync(audited, cancellationToken);
    }
}
