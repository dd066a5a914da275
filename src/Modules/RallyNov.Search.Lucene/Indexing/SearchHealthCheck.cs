using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// "search" in /health: ready only once the tenant's index holds a complete build, so that a
/// freshly started or repaired node is not sent visitors whose searches would find nothing.
/// "indexLag" says how far this node's index is behind the shared IndexingTasks log: the tasks
/// not applied yet and how long the oldest of them has waited (0 and 0 when up to date).
/// </summary>
internal sealed class SearchHealthCheck(
    SearchIndexRegistry registry,
    ModuleCatalog catalog,
    ITenantScopeFactory scopes,
    TimeProvider clock,
    ILogger<SearchHealthCheck> logger) : ITenantHealthCheck
{
    public string Name => "search";

    public async Task<TenantHealthEntry?> CheckAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        if (!catalog.IsEnabled(tenant, SearchModule.ModuleId))
        {
            return null;
        }

        var index = registry.Peek(tenant.Name);
        var state = SearchIndexStates.Of(index);
        var details = index is { Built: true, Broken: false } ? await LagAsync(tenant, index.Cursor, cancellationToken) : null;
        return new TenantHealthEntry(state, state == SearchIndexStates.Ok, details);
    }

    private async Task<IReadOnlyDictionary<string, object?>?> LagAsync(TenantSettings tenant, long cursor, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<RallyNovDbContext>();
            var pending = db.IndexingTasks.AsNoTracking().Where(t => t.Id > cursor);
            var tasks = await pending.CountAsync(cancellationToken);
            var seconds = 0.0;
            if (tasks > 0 && await pending.OrderBy(t => t.Id).Select(t => (DateTime?)t.CreatedUtc).FirstOrDefaultAsync(cancellationToken) is { } oldest)
            {
                var created = DateTime.SpecifyKind(oldest, DateTimeKind.Utc);
                seconds = Math.Max(0, Math.Round((clock.GetUtcNow().UtcDateTime - created).TotalSeconds, 1));
            }

            return new Dictionary<string, object?> { ["indexLag"] = new { tasks, seconds } };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database check of /health reports an outage; the lag is left out meanwhile.
            logger.LogWarning(ex, "Could not measure the search index lag of tenant {Tenant}.", tenant.Name);
            return null;
        }
    }
}
