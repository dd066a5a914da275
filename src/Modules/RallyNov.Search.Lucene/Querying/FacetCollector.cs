using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Counts facet values over every matching document (not just the page shown), reading the
/// sorted-set doc values of each segment by ordinal: no stored fields are loaded.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly List<(string Field, SortedSetDocValues Values, int[] Ords)> _segment = [];

    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts
    {
        get
        {
            Flush();
            return _counts;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        foreach (var field in fields)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(field);
            if (values is not null)
            {
                _segment.Add((field, values, new int[values.ValueCount]));
            }
        }
    }

    public void Collect(int doc)
    {
        foreach (var (_, values, ords) in _segment)
        {
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ords[ord]++;
            }
        }
    }

    /// <summary>Turns the segment's ordinal counts into value counts (ordinals differ per segment).</summary>
    private void Flush()
    {
        foreach (var (field, values, ords) in _segment)
        {
            var counts = _counts[field];
            var bytes = new BytesRef();
            for (var ord = 0; ord < ords.Length; ord++)
            {
                if (ords[ord] == 0)
                {
                    continue;
                }

                values.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                counts[key] = counts.GetValueOrDefault(key) + ords[ord];
            }
        }

        _segment.Clear();
    }
}
