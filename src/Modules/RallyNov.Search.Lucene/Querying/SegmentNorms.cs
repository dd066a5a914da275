using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The decoded length norms of a field in one segment, a float per document. The conjunction
/// loop reads one for every match of every query; Lucene's norms are packed and read through a
/// virtual call and a decoding table. A segment never changes once written: decoded once, kept
/// while the segment lives (keyed by its core), 4 bytes per document.
/// </summary>
internal static class SegmentNorms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Lazy<float[]?>>> Cache = new();

    /// <summary>The norms of a field under <see cref="DefaultSimilarity"/>'s encoding, or null when the field has none.</summary>
    public static float[]? For(AtomicReader reader, string field)
    {
        var byField = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, Lazy<float[]?>>(StringComparer.Ordinal));
        return byField.GetOrAdd(field, name => new Lazy<float[]?>(() => Build(reader, name))).Value;
    }

    private static float[]? Build(AtomicReader reader, string field)
    {
        if (reader.GetNormValues(field) is not { } values)
        {
            return null;
        }

        var similarity = new DefaultSimilarity();
        var decoded = new float[256];
        for (var b = 0; b < decoded.Length; b++)
        {
            decoded[b] = similarity.DecodeNormValue(b);
        }

        var norms = new float[reader.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++)
        {
            norms[doc] = decoded[(byte)values.Get(doc)];
        }

        return norms;
    }
}
