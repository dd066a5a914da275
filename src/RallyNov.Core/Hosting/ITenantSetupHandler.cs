using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// Module hook run once when a tenant is set up (after migrations, before its recipe), e.g. the
/// users module creating the tenant's administrator. Runs in a scope of that tenant.
/// </summary>
public interface ITenantSetupHandler
{
    Task SetupAsync(TenantContext tenant, TenantSetupContext context, CancellationToken cancellationToken);
}

/// <summary>Values shared by all setup handlers of one run.</summary>
public sealed class TenantSetupContext
{
    public required string AdminUserName { get; init; }

    public required string AdminEmail { get; init; }

    public required string AdminPassword { get; init; }
}
