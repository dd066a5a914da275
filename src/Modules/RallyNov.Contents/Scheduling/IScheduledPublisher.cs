using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Scheduling;

/// <summary>What one pass of the scheduler did: items published per tenant, tenants that failed.</summary>
public sealed record ScheduledPublishingRun(IReadOnlyDictionary<string, int> Published, IReadOnlyList<string> FailedTenants);

/// <summary>Publishes the due scheduled drafts of every running tenant (one pass).</summary>
public interface IScheduledPublisher
{
    Task<ScheduledPublishingRun> RunOnceAsync(CancellationToken cancellationToken);
}

internal sealed class ScheduledPublisher(
    ITenantStore tenants,
    ITenantScopeFactory scopes,
    ITenantAvailability availability,
    ILogger<ScheduledPublisher> logger) : IScheduledPublisher
{
    public async Task<ScheduledPublishingRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var published = new Dictionary<string, int>(StringComparer.Ordinal);
        var failed = new List<string>();
        foreach (var tenant in tenants.All)
        {
            // A tenant closed for its database (503) publishes nothing until it serves again.
            if (tenant.State != TenantState.Running || availability.OutageOf(tenant.Name) is not null)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateScope(tenant);
                var items = await scope.ServiceProvider.GetRequiredService<IContentWorkflow>().PublishDueAsync(cancellationToken);
                published[tenant.Name] = items.Count;
                foreach (var item in items)
                {
                    logger.LogInformation("Scheduled publication of {ContentItemId} ({Title}) in tenant {Tenant}.", item.ContentItemId, item.DisplayText, tenant.Name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A tenant with a broken database must not stop the others' publications.
                failed.Add(tenant.Name);
                logger.LogError(ex, "Scheduled publishing failed for tenant {Tenant}; retrying at the next pass.", tenant.Name);
            }
        }

        return new ScheduledPublishingRun(published, failed);
    }
}
