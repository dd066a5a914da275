using System.Collections.Concurrent;

namespace RallyNov.Contents.Querying;

/// <summary>
/// What a public page keeps for one tenant version (cards, rendered columns, item snapshots),
/// read and filled by concurrent requests, never larger than <see cref="Capacity"/>: its keys come
/// from visitors (slugs, filters, page numbers), so a crawler must not be able to grow it.
/// </summary>
/// <remarks>
/// When full, the shelf starts over instead of refusing new entries: what visitors open after
/// that moment comes back first, where a shelf that stops adding would keep serving the database
/// for every page not seen before it filled. The shelf itself knows nothing of versions: its
/// owner keeps one per tenant version and drops it when the version moves.
/// </remarks>
public sealed class BoundedShelf<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private int _count;

    /// <summary>The most entries kept at once (a few more for an instant under concurrent adds).</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Entries kept now.</summary>
    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Keeps <paramref name="value"/> unless the key is already there (same version, same answer).</summary>
    public void Keep(TKey key, TValue value)
    {
        if (!_entries.TryAdd(key, value))
        {
            return;
        }

        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            _entries.TryAdd(key, value);
            Interlocked.Exchange(ref _count, 1);
        }
    }
}
