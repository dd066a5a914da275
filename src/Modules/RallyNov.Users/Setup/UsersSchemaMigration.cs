using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;
using RallyNov.Users.Security;

namespace RallyNov.Users.Setup;

/// <summary>
/// At every tenant start: creates or upgrades the Identity tables in the tenant's database and adds
/// the built-in roles that are missing. A tenant that was already running before this module
/// existed has no account at all: it gets its administrator from RallyNov:Setup:* as a new tenant
/// would, so nobody is locked out of an upgraded site.
/// </summary>
internal sealed class UsersSchemaMigration(
    UsersDbContext db,
    IRolePermissionService roles,
    IServiceProvider services,
    ILogger<UsersSchemaMigration> logger) : ITenantMigration
{
    public async Task MigrateAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await db.Database.MigrateWhenBehindAsync(cancellationToken);
        await roles.EnsureBuiltInRolesAsync(cancellationToken);

        if (tenant.Settings.State == TenantState.Running && !await db.Users.AnyAsync(cancellationToken))
        {
            logger.LogWarning("Tenant {Tenant} has no account: creating its administrator from RallyNov:Setup.", tenant.Name);
            var setup = await services.GetRequiredService<TenantSetupService>().CreateSetupContextAsync(cancellationToken);
            await services.GetRequiredService<UsersSetupHandler>().SetupAsync(tenant, setup, cancellationToken);
        }
    }
}
