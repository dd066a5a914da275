namespace RallyNov.Core.Cluster;

/// <summary>
/// Tells the other nodes that something this node changed must be seen again: what a tenant's visitors
/// see, a cached entry. The node that made the change has already applied it; the bus
/// carries it to the others (Redis pub/sub when RallyNov:Redis:Configuration is set, nowhere otherwise).
/// </summary>
public interface IChangeBus
{
    /// <summary>Sends without waiting and never throws: a change must not fail because Redis is down.</summary>
    void Publish(ChangeNotice notice);
}

/// <summary>One change, as it travels between nodes.</summary>
/// <param name="Kind">One of <see cref="ChangeKinds"/>.</param>
/// <param name="Tenant">The tenant concerned, when there is one.</param>
/// <param name="Key">What changed inside the kind, e.g. the memory-cache key to drop.</param>
public sealed record ChangeNotice(string Kind, string? Tenant = null, string? Key = null);

public static class ChangeKinds
{
    /// <summary>
    /// What a tenant's visitors see changed (content published, settings, menus, media...): its
    /// cached pages and data are stale; without a tenant, every tenant's are. <see cref="ChangeNotice.Key"/>
    /// carries the shared versions the sender moved ("slot=value;..."): the others take them.
    /// </summary>
    public const string SiteChanged = "site-changed";

    /// <summary>An entry of the memory cache (<see cref="ChangeNotice.Key"/>) is stale, e.g. a tenant's role permissions.</summary>
    public const string MemoryCacheKey = "memory-cache-key";

    /// <summary>The shared tenant list (PostgreSQL) changed: every node reloads it.</summary>
    public const string TenantsChanged = "tenants-changed";

    /// <summary>New IndexingTasks rows of the tenant were committed: every node's search index takes them now.</summary>
    public const string IndexingTasks = "indexing-tasks";
}

/// <summary>Applies on this node a change another node announced.</summary>
public interface IChangeHandler
{
    /// <summary>Called for every notice from another node; ignore the kinds you do not handle.</summary>
    Task ApplyAsync(ChangeNotice notice, CancellationToken cancellationToken);
}

/// <summary>One node: there is nobody to tell.</summary>
internal sealed class LocalChangeBus : IChangeBus
{
    public void Publish(ChangeNotice notice)
    {
    }
}
