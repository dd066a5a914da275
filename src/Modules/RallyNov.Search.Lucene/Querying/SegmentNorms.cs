using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The decoded length norms of a field in one segment, a float per document. The conjunction
/// loop reads one for every match of every query; Lucene's norms are packed and read through a
/// virtual call and a decoding table. Decoded once per segment (<see cref="SegmentFieldCache{T}"/>),
/// 4 bytes per document.
/// </summary>
internal static class SegmentNorms
{
    private static readonly SegmentFieldCache<float[]?> Cache = new(Build);

    /// <summary>The norms of a field under <see cref="DefaultSimilarity"/>'s encoding, or null when the field has none.</summary>
    public static float[]? For(AtomicReader reader, string field) => Cache.Get(reader, field);

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
