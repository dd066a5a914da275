using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Tenants;

/// <summary>Why a set-up tenant cannot serve: its database is missing, unreadable or out of reach.</summary>
/// <param name="Code">"missing", "unreadable" or "unreachable" (see <see cref="TenantOutageCodes"/>), as /health reports it.</param>
/// <param name="Message">French, for the log, /health and the command line; never shown to visitors.</param>
public sealed record TenantOutage(string Code, string Message);

public static class TenantOutageCodes
{
    /// <summary>The tenant is set up but its database file (or schema) is gone.</summary>
    public const string Missing = "missing";

    /// <summary>The database exists but cannot be read: not a database, corrupt, tables missing.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The database server does not answer (PostgreSQL down, file system error).</summary>
    public const string Unreachable = "unreachable";
}

/// <summary>
/// The tenants that are set up but cannot serve because of their database. Such a tenant is never
/// set up again on its own (that would replace its content by an empty site): it answers 503,
/// /health names it, and the others keep serving. Its database is probed again at most every few
/// seconds, so a restored backup (or `tenants reset`) brings it back without a restart.
/// </summary>
public interface ITenantAvailability
{
    /// <summary>The recorded outage of a tenant, without probing; null when it serves.</summary>
    TenantOutage? OutageOf(string tenantName);

    /// <summary>Records an outage (found at start-up or by a failed request).</summary>
    void Report(TenantSettings tenant, TenantOutage outage);

    /// <summary>The outage after probing the database again when the last probe is old enough; null when it serves.</summary>
    Task<TenantOutage?> CheckAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>Drops a tenant's outage without probing: it was removed, reset or set up again, so its old database no longer matters.</summary>
    void Forget(string tenantName);
}

internal sealed class TenantAvailability(ITenantDatabase database, TenantMigrator migrator, TimeProvider clock, ILogger<TenantAvailability> logger) : ITenantAvailability
{
    /// <summary>How often a tenant in outage has its database probed again.</summary>
    internal static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _outages = new(StringComparer.OrdinalIgnoreCase);

    public TenantOutage? OutageOf(string tenantName) => _outages.TryGetValue(tenantName, out var entry) ? entry.Outage : null;

    public void Report(TenantSettings tenant, TenantOutage outage)
    {
        var entry = new Entry(outage, clock.GetUtcNow());
        if (_outages.TryGetValue(tenant.Name, out var previous) && previous.Outage == outage)
        {
            _outages[tenant.Name] = entry;
            return;
        }

        _outages[tenant.Name] = entry;
        logger.LogError("Tenant {Tenant} is out of service (503): {Message}", tenant.Name, outage.Message);
    }

    public async Task<TenantOutage?> CheckAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        if (!_outages.TryGetValue(tenant.Name, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now - entry.ProbedUtc < ProbeInterval)
        {
            return entry.Outage;
        }

        // One probe at a time per tenant: others keep answering 503 meanwhile.
        if (!_outages.TryUpdate(tenant.Name, entry with { ProbedUtc = now }, entry))
        {
            return OutageOf(tenant.Name);
        }

        var found = await database.CheckAsync(tenant, cancellationToken);
        if (found is null)
        {
            try
            {
                // A restored backup may be older than the code: migrate it as a start would.
                await migrator.MigrateAsync(tenant, cancellationToken);
                _outages.TryRemove(tenant.Name, out _);
                logger.LogWarning("Tenant {Tenant} serves again: its database answers.", tenant.Name);
                return null;
            }
            catch (Exception ex) when (database.Classify(ex) is { } failed)
            {
                found = failed;
            }
        }

        _outages[tenant.Name] = new Entry(found, now);
        return found;
    }

    public void Forget(string tenantName) => _outages.TryRemove(tenantName, out _);

    private sealed record Entry(TenantOutage Outage, DateTimeOffset ProbedUtc);
}
