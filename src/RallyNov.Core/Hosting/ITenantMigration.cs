using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// Module hook run at every start of a tenant, right after the core schema is migrated and before
/// setup: a module with its own tables (e.g. the users module) creates or upgrades them here, so
/// tenants that were already running get the new schema too. Runs in a scope of that tenant.
/// </summary>
public interface ITenantMigration
{
    Task MigrateAsync(TenantContext tenant, CancellationToken cancellationToken);
}
