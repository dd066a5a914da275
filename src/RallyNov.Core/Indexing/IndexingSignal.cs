using System.Collections.Concurrent;
using RallyNov.Core.Cluster;

namespace RallyNov.Core.Indexing;

/// <summary>
/// Wakes the search indexers when new IndexingTasks rows are committed: those written by this node
/// at once, those of other nodes through the change bus. The indexers still read the shared log
/// now and then (a notice lost while Redis was away, a command-line verb), but need not poll it.
/// </summary>
public interface IIndexingSignal
{
    /// <summary>This node committed tasks for <paramref name="tenant"/>: wake here and tell the other nodes.</summary>
    void Announce(string tenant);

    /// <summary>Tasks of <paramref name="tenant"/> wait in the log (announced by another node, or a batch left some): wake here only.</summary>
    void Wake(string tenant);

    /// <summary>
    /// Waits until a tenant is woken or <paramref name="timeout"/> passes. Returns the tenants woken
    /// since the last call, or null on timeout (every tenant is then due for a look at the log).
    /// </summary>
    Task<IReadOnlyCollection<string>?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

internal sealed class IndexingSignal(IChangeBus bus) : IIndexingSignal, IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _woken = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _ring = new(0, 1);

    public void Announce(string tenant)
    {
        Wake(tenant);
        bus.Publish(new ChangeNotice(ChangeKinds.IndexingTasks, tenant));
    }

    public void Wake(string tenant)
    {
        _woken[tenant] = 0;
        try
        {
            _ring.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already ringing: the waiter takes every woken tenant at once.
        }
    }

    public async Task<IReadOnlyCollection<string>?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await _ring.WaitAsync(timeout, cancellationToken))
        {
            _woken.Clear();
            return null;
        }

        var tenants = new List<string>();
        foreach (var tenant in _woken.Keys)
        {
            if (_woken.TryRemove(tenant, out _))
            {
                tenants.Add(tenant);
            }
        }

        return tenants;
    }

    public void Dispose() => _ring.Dispose();
}
