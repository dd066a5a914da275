using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
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
    ITenantAvailability availability,
    ITenantDatabase database,
    IHostApplicationLifetime lifetime,
    ModuleCatalog catalog,
    ILogger<SearchIndexingBackgroundService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Tenants are migrated (or found closed) by the start-up service before the server starts.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            foreach (var tenant in tenants.All)
            {
                // A tenant closed for its database is left alone until it serves again.
                if (tenant.State != TenantState.Running || !catalog.IsEnabled(tenant, SearchModule.ModuleId) || availability.OutageOf(tenant.Name) is not null)
                {
                    continue;
                }

                try
                {
                    await using var scope = scopes.CreateScope(tenant);
                    await scope.ServiceProvider.GetRequiredService<ISearchIndexer>().CatchUpAsync(stoppingToken);
                }
                catch (SearchIndexUnavailableException ex)
                {
                    // Marked broken: the next pass replaces the index and rebuilds it.
                    logger.LogWarning("Search index of tenant {Tenant} unavailable: {Reason}", tenant.Name, ex.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException && database.Classify(ex) is { } outage)
                {
                    // The tenant's database went away while running: it closes (503) like at start-up.
                    availability.Report(tenant, outage);
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
