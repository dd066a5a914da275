using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Cluster;

namespace RallyNov.Contents.Scheduling;

/// <summary>
/// Runs <see cref="IScheduledPublisher"/> every <c>RallyNov:Scheduling:IntervalSeconds</c> seconds
/// (30 by default): a scheduled item goes live at most one interval late, which is plenty for
/// editorial schedules and costs one indexed query per tenant per pass. With several nodes, a pass
/// runs under the cluster lock: two nodes publishing the same due item at once would publish (and
/// audit) it twice.
/// </summary>
internal sealed class ScheduledPublishingBackgroundService(
    IScheduledPublisher publisher,
    IDistributedLock clusterLock,
    IConfiguration configuration,
    ILogger<ScheduledPublishingBackgroundService> logger) : BackgroundService
{
    public const string IntervalKey = "RallyNov:Scheduling:IntervalSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Clamp(configuration.GetValue(IntervalKey, 30.0), 0.1, 3600);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var claim = await clusterLock.TryAcquireAsync(DistributedLocks.ScheduledPublishing, stoppingToken);
                if (claim is not null)
                {
                    await publisher.RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: nothing can be published anyway; the next pass tries again.
                logger.LogError(ex, "Scheduled publishing skipped this pass.");
            }
        }
    }
}
