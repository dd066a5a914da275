using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// Runs tenant start-up before the server takes requests. When the tenant list cannot be read
/// (PostgreSQL unreachable at start), the server starts anyway (503 pages, /health "Degraded") and
/// the tenants start in the background as soon as the list is read (<see cref="TenantStoreWatcher"/>).
/// </summary>
internal sealed class TenantStartupHostedService(TenantSetupService setup, ITenantStore store, ILogger<TenantStartupHostedService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _later;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Available)
        {
            return setup.StartAllAsync(cancellationToken);
        }

        _later = StartWhenAvailableAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Only the start deferred by a database away has anything to stop.
        if (_later is null || Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAny(_later, Task.Delay(Timeout.Infinite, cancellationToken));
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _stopped, 1);
        _stopping.Dispose();
    }

    private int _stopped;

    private async Task StartWhenAvailableAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!store.Available)
            {
                await Task.Delay(Poll, stoppingToken);
            }

            // Seeds the list on an empty database, starts what the reload has not started yet (once per tenant).
            await setup.StartAllAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Starting the tenants after the database came back failed.");
        }
    }
}
