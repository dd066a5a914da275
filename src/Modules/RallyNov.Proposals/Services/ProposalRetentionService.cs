using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Proposals.Services;

/// <summary>
/// Applies the retention rule in every running site once an hour, so contact details go away on
/// time even when nobody opens the « Propositions » screen.
/// </summary>
internal sealed class ProposalRetentionService(ITenantStore tenants, ITenantScopeFactory scopes, ModuleCatalog catalog, ILogger<ProposalRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
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
}
