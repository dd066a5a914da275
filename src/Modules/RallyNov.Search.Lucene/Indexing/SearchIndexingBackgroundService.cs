using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Indexing;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// Follows every running tenant's IndexingTasks log. A publish on this node or on another one (the
/// change bus) wakes it at once for that tenant; besides, every tenant's log is read every
/// <c>RallyNov:Search:CatchUpSeconds</c> (1 s alone, 5 s with Redis) for what no notice announced:
/// a command-line verb, a notice lost while Redis was away. A restarted node catches up on its own.
/// </summary>
internal sealed class SearchIndexingBackgroundService(
    ITenantStore tenants,
    ITenantScopeFactory scopes,
    ITenantAvailability availability,
    ITenantDatabase database,
    IHostApplicationLifetime lifetime,
    ModuleCatalog catalog,
    IIndexingSignal signal,
    IConfiguration configuration,
    ILogger<SearchIndexingBackgroundService> logger) : BackgroundService
{
    /// <summary>How long the loop may sleep before reading every tenant's log anyway.</summary>
    internal TimeSpan CatchUpInterval { get; } = IntervalOf(configuration);

    internal static TimeSpan IntervalOf(IConfiguration configuration)
    {
        var redis = configuration.GetSection(RallyNovOptions.Section).Get<RallyNovOptions>()?.Redis ?? new RedisOptions();
        var seconds = configuration.GetValue<double?>("RallyNov:Search:CatchUpSeconds") ?? (redis.Enabled ? 5 : 1);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 0.1, 3600));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Tenants are migrated (or found closed) by the start-up service before the server starts.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        IReadOnlyCollection<string>? due = null; // null: every tenant
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var tenant in tenants.All)
            {
                if (due is not null && !due.Contains(tenant.Name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                await CatchUpAsync(tenant, stoppingToken);
            }

            try
            {
                due = await signal.WaitAsync(CatchUpInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CatchUpAsync(TenantSettings tenant, CancellationToken stoppingToken)
    {
        // A tenant closed for its database is left alone until it serves again.
        if (tenant.State != TenantState.Running || !catalog.IsEnabled(tenant, SearchModule.ModuleId) || availability.OutageOf(tenant.Name) is not null)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateScope(tenant);
            if (await scope.ServiceProvider.GetRequiredService<ISearchIndexer>().CatchUpAsync(stoppingToken) > 0)
            {
                // A batch is at most 500 tasks: look again at once until the log is read to its end.
                signal.Wake(tenant.Name);
            }
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
