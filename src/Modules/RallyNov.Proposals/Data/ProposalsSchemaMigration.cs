using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Proposals.Data;

/// <summary>Creates or upgrades the Proposals table at every tenant start.</summary>
internal sealed class ProposalsSchemaMigration(ProposalsDbContext db) : ITenantMigration
{
    public Task MigrateAsync(TenantContext tenant, CancellationToken cancellationToken) => db.Database.MigrateWhenBehindAsync(cancellationToken);
}
