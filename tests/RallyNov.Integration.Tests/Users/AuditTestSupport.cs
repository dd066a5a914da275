using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Data;
using RallyNov.AuditTrail.Services;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Users;

/// <summary>Reads a tenant's audit trail, newest first, for the events about some items.</summary>
internal static class AuditTestSupport
{
    public static async Task<List<AuditEntry>> EventsAsync(SharedSiteFactory app, string tenant, params string[] items)
    {
        await using var scope = app.Scope(tenant);
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        var entries = new List<AuditEntry>();
        foreach (var item in items)
        {
            entries.AddRange((await log.QueryAsync(new AuditQuery { Item = item, PageSize = AuditQuery.MaxPageSize }, default)).Items);
        }

        return [.. entries.OrderByDescending(e => e.UtcTime)];
    }
}
