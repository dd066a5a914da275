using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RallyNov.Core.Tenants;

/// <summary>
/// Passes every tenant change of this process's store to the <see cref="ITenantChangeHandler"/>s,
/// one change at a time and in order, in the background: the writer (a request, the watcher) never
/// waits for a tenant to start or for an index to close.
/// </summary>
internal sealed class TenantChangeDispatcher : BackgroundService
{
    private readonly Channel<TenantChange> _queue = Channel.CreateUnbounded<TenantChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ITenantStore _store;
    private readonly IEnumerable<ITenantChangeHandler> _handlers;
    private readonly ILogger<TenantChangeDispatcher> _logger;

    public TenantChangeDispatcher(ITenantStore store, IEnumerable<ITenantChangeHandler> handlers, ILogger<TenantChangeDispatcher> logger)
    {
        _store = store;
        _handlers = handlers;
        _logger = logger;
        _store.Changed += OnChanged;
    }

    public override void Dispose()
    {
        _store.Changed -= OnChanged;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            foreach (var handler in _handlers)
            {
                try
                {
                    await handler.HandleAsync(change, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One handler's failure must not keep the others (or the next changes) from running.
                    _logger.LogError(ex, "{Handler} failed on the {Kind} change of tenant {Tenant}.", handler.GetType().Name, change.Kind, change.Name);
                }
            }
        }
    }

    private void OnChanged(object? sender, TenantsChangedEventArgs e)
    {
        foreach (var change in e.Changes)
        {
            _queue.Writer.TryWrite(change);
        }
    }
}
