using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Cluster;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Proposals.Services;

/// <summary>
/// Applies the retention rule in every running site once an hour, so contact details go away on
/// time even when nobody opens the « Propositions » screen. With several nodes, the one holding the
/// cluster lock does the pass.
/// </summary>
internal sealed class ProposalRetentionService(ITenantStore tenants, ITenantScopeFactory scopes, ModuleCatalog catalog, IDistributedLock clusterLock, ILogger<ProposalRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            await using var claim = await TryLockAsync(stoppingToken);
            if (claim is null)
            {
                continue;
            }

            foreach (var tenant in tenants.All.Where(t => t.State == TenantState.Running && catalog.IsEnabled(t, ProposalsModule.ModuleId)).ToList())
            {
                try
                {
                    await using var scope = scopes.CreateScope(tenant);
                    await scope.ServiceProvider.GetRequiredService<ProposalModeration>().PurgeExpiredAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Proposal retention failed in tenant {Tenant}.", tenant.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<IAsyncDisposable?> TryLockAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await clusterLock.TryAcquireAsync(DistributedLocks.ProposalRetention, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Proposal retention skipped: the cluster lock could not be taken.");
            return null;
        }
    }
}
