using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Users.Data;
using RallyNov.Users.Security;

namespace RallyNov.Users.Setup;

/// <summary>
/// At every tenant start: creates or upgrades the Identity tables in the tenant's database, and
/// adds built-in roles that are missing (tenants set up before this module existed get them too).
/// </summary>
internal sealed class UsersSchemaMigration(UsersDbContext db, IRolePermissionService roles) : ITenantMigration
{
    public async Task MigrateAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await roles.EnsureBuiltInRolesAsync(cancellationToken);
    }
}
