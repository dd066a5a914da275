using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>Progress of a tenant's background rebuild, for the admin screen.</summary>
public sealed record RebuildState(bool Running, int Done, int Total, DateTime StartedUtc, DateTime? FinishedUtc, string? Error);

/// <summary>
/// Runs "Rebuild" from the back office in the background, one at a time per tenant. The site keeps
/// answering from the old index until the new one is committed (see TenantSearchIndex.ReplaceAllAsync).
/// </summary>
public sealed class SearchRebuildCoordinator(ITenantScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<SearchRebuildCoordinator> logger)
{
    private readonly ConcurrentDictionary<string, RebuildState> _states = new(StringComparer.OrdinalIgnoreCase);

    public RebuildState? StateOf(string tenant) => _states.GetValueOrDefault(tenant);

    /// <returns>False when a rebuild of this tenant is already running.</returns>
    public bool Start(TenantSettings tenant)
    {
        var started = new RebuildState(true, 0, 0, DateTime.UtcNow, null, null);
        var current = _states.GetValueOrDefault(tenant.Name);
        if (current is { Running: true } || !(current is null ? _states.TryAdd(tenant.Name, started) : _states.TryUpdate(tenant.Name, started, current)))
        {
            return false;
        }

        _ = Task.Run(() => RunAsync(tenant, lifetime.ApplicationStopping));
        return true;
    }

    private async Task RunAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateScope(tenant);
            var progress = new Progress<(int Done, int Total)>(p =>
                _states.AddOrUpdate(tenant.Name, _ => new RebuildState(true, p.Done, p.Total, DateTime.UtcNow, null, null), (_, s) => s with { Done = p.Done, Total = p.Total }));
            var count = await scope.ServiceProvider.GetRequiredService<ISearchIndexer>().RebuildAsync(progress, cancellationToken);
            _states.AddOrUpdate(tenant.Name, _ => new RebuildState(false, count, count, DateTime.UtcNow, DateTime.UtcNow, null),
                (_, s) => s with { Running = false, Done = count, Total = count, FinishedUtc = DateTime.UtcNow });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Search rebuild failed for tenant {Tenant}.", tenant.Name);
            _states.AddOrUpdate(tenant.Name, _ => new RebuildState(false, 0, 0, DateTime.UtcNow, DateTime.UtcNow, ex.Message),
                (_, s) => s with { Running = false, FinishedUtc = DateTime.UtcNow, Error = "La reconstruction a échoué ; l'ancien index reste en service. Détail : " + ex.Message });
        }
    }
}
