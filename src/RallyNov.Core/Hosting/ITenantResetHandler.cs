using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// A module's part of `tenants reset`: what it keeps for the tenant outside the tenant's data folder
/// (the media of a shared RallyNov:Media:Root...) is put aside like the lost database, under the
/// same locks, before the tenant is set up again.
/// </summary>
public interface ITenantResetHandler
{
    /// <summary>Where the old files went (for the operator), or null when there was nothing.</summary>
    Task<string?> ResetAsync(TenantSettings tenant, CancellationToken cancellationToken);
}
