using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Media.Data;

namespace RallyNov.Media.Setup;

/// <summary>At every tenant start: creates or upgrades the media table and the tenant's Media folder.</summary>
internal sealed class MediaSchemaMigration(MediaDbContext db) : ITenantMigration
{
    public async Task MigrateAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        Directory.CreateDirectory(tenant.Paths.Media);
    }
}
