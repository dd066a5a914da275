using Lucene.Net.Index;
using Lucene.Net.Util;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The facet values of every document of one segment, as plain arrays (doc → ordinals, in CSR
/// form). Decoding the sorted-set doc values for each match of each query was the main cost of
/// facet counting; a segment never changes once written, so it is decoded once and cached for
/// the lifetime of the segment (keyed by its core, dropped with it).
/// </summary>
internal sealed class SegmentOrdinals
{
    private static readonly SegmentFieldCache<SegmentOrdinals> Cache = new(Build);

    private readonly int[] _starts;
    private readonly int[] _ords;

    // doc → its one ordinal or -1, when no document has several values (type, département, year):
    // one read per document instead of two offsets and a loop.
    private readonly int[]? _single;
    private readonly string[] _values;
    private readonly Dictionary<string, int> _ordOf;

    private SegmentOrdinals(int[] starts, int[] ords, string[] values)
    {
        _starts = starts;
        _ords = ords;
        _values = values;
        if (Enumerable.Range(0, starts.Length - 1).All(doc => starts[doc + 1] - starts[doc] <= 1))
        {
            _single = new int[starts.Length - 1];
            for (var doc = 0; doc < _single.Length; doc++)
            {
                _single[doc] = starts[doc + 1] > starts[doc] ? ords[starts[doc]] : -1;
            }
        }
        _ordOf = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            _ordOf[values[i]] = i;
        }
    }

    public static readonly SegmentOrdinals Empty = new([0], [], []);

    /// <summary>Number of distinct values in this segment.</summary>
    public int ValueCount => _values.Length;

    public string ValueOf(int ord) => _values[ord];

    /// <summary>The ordinal of a value in this segment, or -1 when no document of the segment has it.</summary>
    public int OrdOf(string value) => _ordOf.TryGetValue(value, out var ord) ? ord : -1;

    private ReadOnlySpan<int> OrdsOf(int doc) => doc + 1 < _starts.Length ? _ords.AsSpan(_starts[doc], _starts[doc + 1] - _starts[doc]) : [];

    /// <summary>Adds one to the count of each value of a document (run for every match of every query).</summary>
    public void Count(int doc, int[] counts)
    {
        if (_single is { } single)
        {
            if ((uint)doc < (uint)single.Length && single[doc] is var ord and >= 0)
            {
                counts[ord]++;
            }

            return;
        }

        foreach (var ord in OrdsOf(doc))
        {
            counts[ord]++;
        }
    }

    /// <summary>True when one of the document's values is accepted.</summary>
    public bool HasAny(int doc, bool[] accepted)
    {
        if (_single is { } single)
        {
            return (uint)doc < (uint)single.Length && single[doc] is var ord and >= 0 && accepted[ord];
        }

        foreach (var ord in OrdsOf(doc))
        {
            if (accepted[ord])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The decoded values of a field in a segment, built on first use.</summary>
    public static SegmentOrdinals For(AtomicReader reader, string field) => Cache.Get(reader, field);

    private static SegmentOrdinals Build(AtomicReader reader, string field)
    {
        var docValues = reader.GetSortedSetDocValues(field);
        if (docValues is null)
        {
            return Empty;
        }

        var maxDoc = reader.MaxDoc;
        var starts = new int[maxDoc + 1];
        var ords = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            starts[doc] = ords.Count;
            docValues.SetDocument(doc);
            long ord;
            while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ords.Add((int)ord);
            }
        }

        starts[maxDoc] = ords.Count;
        var values = new string[docValues.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < values.Length; ord++)
        {
            docValues.LookupOrd(ord, bytes);
            values[ord] = bytes.Utf8ToString();
        }

        return new SegmentOrdinals(starts, ords.ToArray(), values);
    }
}
