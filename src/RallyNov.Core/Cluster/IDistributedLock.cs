namespace RallyNov.Core.Cluster;

/// <summary>
/// A lock held by one node of the cluster at a time, for the work exactly one node must do: setting a
/// tenant up, migrating at start, scheduled publishing, retention purges. With PostgreSQL it is an
/// advisory lock of the shared database (released by the server when the holder's connection dies, so
/// a killed node never keeps it); on one node (SQLite) it is a lock of this process.
/// </summary>
public interface IDistributedLock
{
    /// <summary>The lock named <paramref name="name"/>, or null at once when another holder has it. Dispose to release.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken);

    /// <summary>Waits up to <paramref name="timeout"/> for the lock; null when it is still held by another then.</summary>
    Task<IAsyncDisposable?> AcquireAsync(string name, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>Names of the locks, so that every caller of one lock spells it the same way.</summary>
public static class DistributedLocks
{
    public const string ScheduledPublishing = "scheduled-publishing";

    public const string ProposalRetention = "proposal-retention";

    public static string TenantSetup(string tenant) => "tenant-setup:" + tenant.ToLowerInvariant();

    public static string TenantMigration(string tenant) => "tenant-migration:" + tenant.ToLowerInvariant();

    public static string AuditRetention(string tenant) => "audit-retention:" + tenant.ToLowerInvariant();
}
