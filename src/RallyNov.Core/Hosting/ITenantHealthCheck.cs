using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// A module's part of GET /health for one running tenant, e.g. the search index ("search":
/// "building"). /health answers 503 while any entry is not ready, so a load balancer sends no
/// visitor to a node that would answer from a half-built index. Registered as a singleton.
/// </summary>
public interface ITenantHealthCheck
{
    /// <summary>Name of the entry in the tenant's object, e.g. "search".</summary>
    string Name { get; }

    /// <summary>The entry, or null when the check does not apply to this tenant (module switched off).</summary>
    Task<TenantHealthEntry?> CheckAsync(TenantSettings tenant, CancellationToken cancellationToken);
}

/// <param name="Status">Short word reported as is ("ok", "building", "broken").</param>
/// <param name="Ready">False makes /health answer 503.</param>
/// <param name="Details">More members of the tenant's object, reported as is (e.g. "indexLag"); they do not change readiness.</param>
public sealed record TenantHealthEntry(string Status, bool Ready, IReadOnlyDictionary<string, object?>? Details = null);
