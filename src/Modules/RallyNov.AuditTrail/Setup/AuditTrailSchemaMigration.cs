using Microsoft.EntityFrameworkCore;
using RallyNov.AuditTrail.Data;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.AuditTrail.Setup;

/// <summary>Creates or upgrades the AuditEvents table at every tenant start, before setup and its recipe.</summary>
internal sealed class AuditTrailSchemaMigration(AuditTrailDbContext db) : ITenantMigration
{
    public Task MigrateAsync(TenantContext tenant, CancellationToken cancellationToken) => db.Database.MigrateWhenBehindAsync(cancellationToken);
}
