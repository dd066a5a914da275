using System.Collections.Concurrent;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Per tenant, the last time the list index was found to hold every logged change: the site
/// version then, and the last task id. Every publish, unpublish or delete moves the tenant's
/// version once committed and before its request answers (<c>ISiteChanges</c>; on another node,
/// through the change bus), so while the version is the same no change has been logged since,
/// and the <c>MAX(Id)</c> query per request is saved. The check is still made again after
/// <see cref="MaxAge"/>, for writes no version follows (another process on the same database).
/// </summary>
internal sealed class PublishedListFreshness
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, Check> _tenants = new(StringComparer.OrdinalIgnoreCase);

    public bool IsKnownComplete(string tenant, string version, long cursor) =>
        _tenants.TryGetValue(tenant, out var check)
        && check.Version == version
        && check.LastTask <= cursor
        && Environment.TickCount64 - check.AtMilliseconds < MaxAge.TotalMilliseconds;

    public void Complete(string tenant, string version, long lastTask) =>
        _tenants[tenant] = new Check(version, lastTask, Environment.TickCount64);

    private sealed record Check(string Version, long LastTask, long AtMilliseconds);
}
