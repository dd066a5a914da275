using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using RallyNov.Core.Content;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Every published item of one type in list order (a number facet descending, then the French
/// title), for one index reader, with its facet values as plain arrays. A reader never changes,
/// so neither does the view: a list page is then a slice of an array of positions instead of a
/// Lucene pass over every item of the type (100 000 of them at the bench's scale), and the
/// positions and counts of a filter are computed once per reader and kept.
/// </summary>
internal sealed class ListView
{
    /// <summary>Positions of filter combinations kept per view, all together (ints).</summary>
    public const int MaxKeptPositions = 2_000_000;

    private static readonly HashSet<string> IdField = new([SearchFields.Id], StringComparer.Ordinal);

    private readonly IndexReader _reader;
    private readonly int[] _docs;

    // Content item ids by position, read from stored fields on first use: a stored document is
    // decompressed with its whole chunk (≈ 15 % of an uncached list page's CPU at 100 000 items
    // for its 12 ids), and a reference per item (0.8 MB at 100 000) is cheaper than the strings of all.
    private readonly string?[] _ids;
    private readonly ConcurrentDictionary<string, Lazy<FacetColumn>> _columns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Selection> _selections = new(StringComparer.Ordinal);
    private long _keptPositions;

    private ListView(IndexReader reader, int[] docs)
    {
        _reader = reader;
        _docs = docs;
        _ids = new string?[docs.Length];
    }

    /// <summary>Published items of the type.</summary>
    public int Count => _docs.Length;

    /// <summary>Sorts the type's documents once, exactly as the per-query path does (same Lucene sort, same ties).</summary>
    public static ListView Build(IndexSearcher searcher, string contentType, string? sortByNumberDescending)
    {
        var sort = PublishedListIndex.SortOf(sortByNumberDescending);
        var top = TopFieldCollector.Create(sort, Math.Max(1, searcher.IndexReader.MaxDoc), fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
        searcher.Search(new TermQuery(new Term(SearchFields.Type, contentType)), top);
        var hits = top.GetTopDocs().ScoreDocs;
        var docs = new int[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            docs[i] = hits[i].Doc;
        }

        return new ListView(searcher.IndexReader, docs);
    }

    /// <summary>One page, as <see cref="PublishedListIndex"/>'s Lucene pass would answer it.</summary>
    public PublishedListPage Answer(IndexSearcher searcher, PublishedListQuery query)
    {
        var selection = Select(query);
        var skip = Math.Max(0, query.Skip);
        var take = Math.Max(1, query.Take);
        var total = selection.Positions?.Length ?? _docs.Length;
        var ids = new List<string>(Math.Max(0, Math.Min(take, total - skip)));
        for (var i = skip; i < total && i < skip + take; i++)
        {
            var position = selection.Positions is { } positions ? positions[i] : i;
            // Two requests may read the same id at once: both store the same value.
            ids.Add(_ids[position] ??= searcher.Doc(_docs[position], IdField).Get(SearchFields.Id));
        }

        return new PublishedListPage(total, _docs.Length, ids, selection.Counts);
    }

    private Selection Select(PublishedListQuery query)
    {
        var facets = query.Facets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var filters = query.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        var key = string.Join('\u001f', facets) + '\u001e' + string.Join('\u001f', filters.Select(f => f.Key + '\u001d' + f.Value));
        if (_selections.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var selection = Compute(facets, filters);
        var size = selection.Positions?.Length ?? 0;
        if (Interlocked.Add(ref _keptPositions, size) <= MaxKeptPositions)
        {
            // Rare filter combinations beyond the budget are computed per request (exact, slower).
            _selections.TryAdd(key, selection);
        }
        else
        {
            Interlocked.Add(ref _keptPositions, -size);
        }

        return selection;
    }

    /// <summary>
    /// One pass over the type: a position passing every filter is a hit and counts for every
    /// facet; one failing exactly one filter counts only for that filter's facet (each facet
    /// ignores its own filter), as <see cref="FacetCollector"/> does.
    /// </summary>
    private Selection Compute(string[] facets, KeyValuePair<string, string>[] filters)
    {
        var filterColumns = filters.Select(f => Column(f.Key)).ToArray();
        var filterOrds = filters.Select((f, i) => filterColumns[i].OrdOf(f.Value)).ToArray();
        var countColumns = facets.Select(Column).ToArray();
        var counts = countColumns.Select(c => new int[c.ValueCount]).ToArray();
        var countOfFilter = filters.Select(f => Array.IndexOf(facets, f.Key)).ToArray();
        List<int>? positions = filters.Length == 0 ? null : [];
        for (var p = 0; p < _docs.Length; p++)
        {
            var failed = -1;
            var twice = false;
            for (var f = 0; f < filters.Length; f++)
            {
                if (!filterColumns[f].Has(p, filterOrds[f]))
                {
                    twice = failed >= 0;
                    failed = f;
                    if (twice)
                    {
                        break;
                    }
                }
            }

            if (twice)
            {
                continue;
            }

            if (failed >= 0)
            {
                if (countOfFilter[failed] is var c and >= 0)
                {
                    countColumns[c].Count(p, counts[c]);
                }

                continue;
            }

            positions?.Add(p);
            for (var c = 0; c < countColumns.Length; c++)
            {
                countColumns[c].Count(p, counts[c]);
            }
        }

        var byFacet = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        for (var c = 0; c < facets.Length; c++)
        {
            var values = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var ord = 0; ord < counts[c].Length; ord++)
            {
                if (counts[c][ord] > 0)
                {
                    values[countColumns[c].ValueOf(ord)] = counts[c][ord];
                }
            }

            byFacet[facets[c]] = values;
        }

        return new Selection(positions?.ToArray(), byFacet);
    }

    private FacetColumn Column(string facet) =>
        _columns.GetOrAdd(facet, name => new Lazy<FacetColumn>(() => FacetColumn.Build(_reader, _docs, SearchFields.Facet(name)))).Value;

    /// <param name="Positions">Null: every position (no filter).</param>
    private sealed record Selection(int[]? Positions, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts);

    /// <summary>The values of one facet field per list position, with one numbering across segments.</summary>
    private sealed class FacetColumn
    {
        private readonly int[] _starts;
        private readonly int[] _ords;
        private readonly string[] _values;
        private readonly Dictionary<string, int> _ordOf;

        private FacetColumn(int[] starts, int[] ords, string[] values)
        {
            _starts = starts;
            _ords = ords;
            _values = values;
            _ordOf = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
            for (var i = 0; i < values.Length; i++)
            {
                _ordOf[values[i]] = i;
            }
        }

        public int ValueCount => _values.Length;

        public string ValueOf(int ord) => _values[ord];

        /// <summary>-1 when no item of the list has the value: every position then fails its filter.</summary>
        public int OrdOf(string value) => _ordOf.TryGetValue(value, out var ord) ? ord : -1;

        public bool Has(int position, int ord)
        {
            for (var i = _starts[position]; i < _starts[position + 1]; i++)
            {
                if (_ords[i] == ord)
                {
                    return true;
                }
            }

            return false;
        }

        public void Count(int position, int[] counts)
        {
            for (var i = _starts[position]; i < _starts[position + 1]; i++)
            {
                counts[_ords[i]]++;
            }
        }

        public static FacetColumn Build(IndexReader reader, int[] docs, string field)
        {
            var leaves = reader.Leaves;
            var docValues = new SortedSetDocValues?[leaves.Count];
            var toGlobal = new int[leaves.Count][];
            var values = new List<string>();
            var ordOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var bytes = new BytesRef();
            for (var l = 0; l < leaves.Count; l++)
            {
                var dv = leaves[l].AtomicReader.GetSortedSetDocValues(field);
                docValues[l] = dv;
                toGlobal[l] = new int[dv?.ValueCount ?? 0];
                for (var ord = 0; ord < toGlobal[l].Length; ord++)
                {
                    dv!.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    if (!ordOf.TryGetValue(value, out var global))
                    {
                        ordOf[value] = global = values.Count;
                        values.Add(value);
                    }

                    toGlobal[l][ord] = global;
                }
            }

            var starts = new int[docs.Length + 1];
            var ords = new List<int>(docs.Length);
            for (var p = 0; p < docs.Length; p++)
            {
                starts[p] = ords.Count;
                var l = ReaderUtil.SubIndex(docs[p], leaves);
                if (docValues[l] is not { } dv)
                {
                    continue;
                }

                dv.SetDocument(docs[p] - leaves[l].DocBase);
                long ord;
                while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add(toGlobal[l][ord]);
                }
            }

            starts[docs.Length] = ords.Count;
            return new FacetColumn(starts, [.. ords], [.. values]);
        }
    }
}
