using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Media.Data;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Setup;

/// <summary>At every tenant start: creates or upgrades the media table and the tenant's Media folder.</summary>
internal sealed class MediaSchemaMigration(MediaDbContext db, MediaFolders folders) : ITenantMigration
{
    public async Task MigrateAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await db.Database.MigrateWhenBehindAsync(cancellationToken);
        Directory.CreateDirectory(folders.MediaOf(tenant));
    }
}
