namespace RallyNov.Core.Tenants;

/// <summary>
/// The tenants of the installation. The JSON implementation reads and writes App_Data/tenants.json
/// and notices changes made by another process (the command line) by polling the file; a store
/// shared by several nodes (PostgreSQL with a pub/sub channel) implements the same contract and
/// raises <see cref="Changed"/> from its notifications. Readers get an immutable snapshot.
/// </summary>
public interface ITenantStore
{
    /// <summary>The current tenants, in file order. Cheap: served from memory.</summary>
    IReadOnlyList<TenantSettings> All { get; }

    TenantSettings? Find(string name);

    /// <summary>Adds or replaces a tenant (matched by name) and saves atomically.</summary>
    Task SaveAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>Adds a new tenant; refuses (French message) when the name is already taken.</summary>
    Task AddAsync(TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>Removes a tenant's entry (not its data); false when there was none.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Re-reads the backing store when another process may have changed it; raises
    /// <see cref="Changed"/> for the differences. True when something changed.
    /// </summary>
    Task<bool> ReloadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Raised after every change, made here or noticed by <see cref="ReloadAsync"/>. Handlers run on
    /// the writer's thread and must not block: <see cref="ITenantChangeHandler"/>s do the work.
    /// </summary>
    event EventHandler<TenantsChangedEventArgs>? Changed;

    /// <summary>
    /// False while the tenant list cannot be read at all (PostgreSQL unreachable since start-up): the
    /// node answers 503 everywhere and retries; <see cref="ReloadAsync"/> loads the list once it answers.
    /// </summary>
    bool Available => true;

    /// <summary>True when tenants.json existed when the store was loaded (or has been written since).</summary>
    bool FileExists { get; }

    string DataPath { get; }

    TenantPaths PathsFor(string tenantName);
}

public enum TenantChangeKind
{
    Added,
    Updated,
    Removed,
}

/// <summary>One tenant's change: <see cref="Before"/> is null when added, <see cref="After"/> when removed.</summary>
public sealed record TenantChange(TenantChangeKind Kind, string Name, TenantSettings? Before, TenantSettings? After)
{
    /// <summary>The differences between two lists of tenants, matched by name.</summary>
    public static IReadOnlyList<TenantChange> Diff(IReadOnlyList<TenantSettings> before, IReadOnlyList<TenantSettings> after)
    {
        var changes = new List<TenantChange>();
        var old = before.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var tenant in after)
        {
            if (!old.Remove(tenant.Name, out var previous))
            {
                changes.Add(new TenantChange(TenantChangeKind.Added, tenant.Name, null, tenant));
            }
            else if (!TenantSettings.SameValues(previous, tenant))
            {
                changes.Add(new TenantChange(TenantChangeKind.Updated, tenant.Name, previous, tenant));
            }
        }

        changes.AddRange(old.Values.Select(t => new TenantChange(TenantChangeKind.Removed, t.Name, t, null)));
        return changes;
    }
}

public sealed class TenantsChangedEventArgs(IReadOnlyList<TenantChange> changes) : EventArgs
{
    public IReadOnlyList<TenantChange> Changes { get; } = changes;
}

/// <summary>
/// Reacts to tenant changes in this process (start a tenant that was enabled, release the files of
/// one that was removed...). Singletons, run one change at a time, in order, off the request path.
/// </summary>
public interface ITenantChangeHandler
{
    Task HandleAsync(TenantChange change, CancellationToken cancellationToken);
}
