using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// One pass over the text matches that applies the facet filters, feeds the documents passing
/// all of them to the top-hits collector, and counts facet values over the whole result.
/// Multi-select ("drill sideways"): a document failing exactly one filter still counts for that
/// filter's own facet, so each facet ignores its own filter and applies the others — without
/// the extra search per filter this used to take. Values come from <see cref="SegmentOrdinals"/>
/// (plain arrays), never from stored fields.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly ICollector _top;
    private readonly string[] _fields;
    private readonly Dictionary<string, HashSet<string>> _filterValues;
    private readonly Dictionary<string, int>[] _counts;

    // Per segment: the ordinals of each facet field, their counts, and each filter as a set of ordinals.
    private readonly SegmentOrdinals?[] _segment;
    private readonly int[][] _segmentCounts;
    private readonly (int Field, bool[] Accepted)[] _filters;

    /// <param name="fields">Facet fields to count.</param>
    /// <param name="filters">Facet field → accepted values; a filtered field is counted too.</param>
    /// <param name="top">Receives the documents that pass every filter.</param>
    public FacetCollector(ICollector top, IReadOnlyList<string> fields, IReadOnlyDictionary<string, HashSet<string>> filters)
    {
        _top = top;
        _fields = fields.Concat(filters.Keys).Distinct(StringComparer.Ordinal).ToArray();
        _filterValues = filters.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        _counts = _fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        _segment = new SegmentOrdinals?[_fields.Length];
        _segmentCounts = new int[_fields.Length][];
        _filters = new (int, bool[])[_filterValues.Count];
    }

    /// <summary>Counts per facet field and value, once the search is over.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts
    {
        get
        {
            Flush();
            var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            for (var i = 0; i < _fields.Length; i++)
            {
                counts[_fields[i]] = _counts[i];
            }

            return counts;
        }
    }

    public bool AcceptsDocsOutOfOrder => _top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _top.SetNextReader(context);
        for (var i = 0; i < _fields.Length; i++)
        {
            var ordinals = SegmentOrdinals.For(context.AtomicReader, _fields[i]);
            _segment[i] = ordinals;
            _segmentCounts[i] = new int[ordinals.ValueCount];
        }

        var f = 0;
        foreach (var (field, values) in _filterValues)
        {
            var index = Array.IndexOf(_fields, field);
            var ordinals = _segment[index]!;
            var accepted = new bool[ordinals.ValueCount];
            foreach (var value in values)
            {
                if (ordinals.OrdOf(value) is var ord and >= 0)
                {
                    accepted[ord] = true;
                }
            }

            _filters[f++] = (index, accepted);
        }
    }

    public void Collect(int doc)
    {
        if (Accept(doc))
        {
            _top.Collect(doc);
        }
    }

    /// <summary>Counts a document of the current segment; true when it passes every filter (a hit).</summary>
    private bool Accept(int doc)
    {
        var failed = -1;
        for (var f = 0; f < _filters.Length; f++)
        {
            if (!Accepts(doc, _filters[f]))
            {
                if (failed >= 0)
                {
                    return false; // fails two filters: counts nowhere
                }

                failed = f;
            }
        }

        if (failed >= 0)
        {
            Count(doc, _filters[failed].Field);
            return false;
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            Count(doc, i);
        }

        return true;
    }

    private bool Accepts(int doc, (int Field, bool[] Accepted) filter) => _segment[filter.Field]!.HasAny(doc, filter.Accepted);

    private void Count(int doc, int field) => _segment[field]!.Count(doc, _segmentCounts[field]);

    /// <summary>Turns the segment's ordinal counts into value counts (ordinals differ per segment).</summary>
    private void Flush()
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_segment[i] is not { } ordinals)
            {
                continue;
            }

            var counts = _segmentCounts[i];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var key = ordinals.ValueOf(ord);
                    _counts[i][key] = _counts[i].GetValueOrDefault(key) + counts[ord];
                }
            }

            _segment[i] = null;
        }
    }
}
