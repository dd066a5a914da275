using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// Follows every running tenant's IndexingTasks log twice a second, so a publish shows up in
/// search within a second, and a restarted node catches up on its own.
/// </summary>
internal sealed class SearchIndexingBackgroundService(
    ITenantStore tenants,
    ITenantScopeFactory scopes,
    ModuleCatalog catalog,
    ILogger<SearchIndexingBackgroundService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            foreach (var tenant in tenants.All)
            {
                if (tenant.State != TenantState.Running || !catalog.IsEnabled(tenant, SearchModule.ModuleId))
                {
                    continue;
                }

                try
                {
                    await using var scope = scopes.CreateScope(tenant);
                    await scope.ServiceProvider.GetRequiredService<ISearchIndexer>().CatchUpAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Search indexing failed for tenant {Tenant}; retrying.", tenant.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
