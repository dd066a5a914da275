using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Tenants;

/// <summary>
/// Asks the store to look for changes made by another process (the command line, an operator's
/// editor) every <see cref="RallyNovOptions.TenantsPollMilliseconds"/>: for tenants.json a file
/// stat, nothing more when nothing changed. Polling rather than a file-system watcher: it works on
/// every file system (network shares, containers) and cannot miss an event.
/// </summary>
internal sealed class TenantStoreWatcher(ITenantStore store, IOptions<RallyNovOptions> options, ILogger<TenantStoreWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.TenantsPollMilliseconds, 50, 60_000));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reading the tenants failed; retrying.");
            }
        }
    }
}
