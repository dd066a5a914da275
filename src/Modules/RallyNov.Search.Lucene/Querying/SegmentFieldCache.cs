using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Something decoded once per field of a segment and kept while the segment lives: a segment
/// never changes once written, so its entries are keyed by its core and dropped with it. Read by
/// every query for every segment: lock-free once built (a lock here was contended under load).
/// </summary>
internal sealed class SegmentFieldCache<T>(Func<AtomicReader, string, T> build)
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<T>>> _segments = new();

    /// <summary>The value for a field of a segment, built on first use (once, whatever the number of threads asking).</summary>
    public T Get(AtomicReader reader, string field)
    {
        var byField = _segments.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, Lazy<T>>(StringComparer.Ordinal));
        return byField.GetOrAdd(field, name => new Lazy<T>(() => build(reader, name))).Value;
    }
}
