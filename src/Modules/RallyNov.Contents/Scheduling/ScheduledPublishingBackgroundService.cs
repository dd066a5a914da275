using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace RallyNov.Contents.Scheduling;

/// <summary>
/// Runs <see cref="IScheduledPublisher"/> every <c>RallyNov:Scheduling:IntervalSeconds</c> seconds
/// (30 by default): a scheduled item goes live at most one interval late, which is plenty for
/// editorial schedules and costs one indexed query per tenant per pass.
/// </summary>
internal sealed class ScheduledPublishingBackgroundService(IScheduledPublisher publisher, IConfiguration configuration) : BackgroundService
{
    public const string IntervalKey = "RallyNov:Scheduling:IntervalSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Clamp(configuration.GetValue(IntervalKey, 30.0), 0.1, 3600);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await publisher.RunOnceAsync(stoppingToken);
        }
    }
}
