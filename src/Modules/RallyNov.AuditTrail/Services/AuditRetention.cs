using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RallyNov.AuditTrail.Data;
using RallyNov.Core.Cluster;

namespace RallyNov.AuditTrail.Services;

/// <summary>
/// Deletes events older than <see cref="AuditTrailOptions.RetentionDays"/>, at most once a day per
/// tenant and node, piggybacking on a write: no background service, and an idle tenant has nothing
/// new to purge anyway. One indexed range delete, so the cost is small even for a year of events.
/// With several nodes, the one that takes the cluster lock purges; the others skip that day.
/// </summary>
internal sealed class AuditRetention(IOptions<AuditTrailOptions> options, TimeProvider clock, IDistributedLock clusterLock)
{
    private readonly ConcurrentDictionary<string, DateTime> _lastPurge = new(StringComparer.Ordinal);

    public async Task<int> PurgeIfDueAsync(AuditTrailDbContext db, string tenantName, CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        var now = clock.GetUtcNow().UtcDateTime;
        if (days <= 0 || (_lastPurge.TryGetValue(tenantName, out var last) && now - last < TimeSpan.FromDays(1)))
        {
            return 0;
        }

        _lastPurge[tenantName] = now;
        await using var claim = await clusterLock.TryAcquireAsync(DistributedLocks.AuditRetention(tenantName), cancellationToken);
        if (claim is null)
        {
            return 0;
        }

        var cutoff = now.AddDays(-days);
        return await db.AuditEvents.Where(x => x.UtcTime < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
