namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Matches of a decoded conjunction gathered a few hundred at a time when no facet filter
/// applies (every match is then a hit): their facets are counted field by field and their scores
/// summed term by term, in short loops over arrays, before the best are kept. One call chain
/// per match, for tens of thousands of matches on common words, was most of such a query.
/// </summary>
internal sealed class MatchBatch(ConjunctionSegment segment, FacetCollector facets, TopHeap best, int docBase)
{
    private readonly int[] _docs = new int[256];
    private readonly float[] _scores = new float[256];
    private int _count;
    private int _total;

    public void Add(int doc)
    {
        _docs[_count++] = doc;
        if (_count == _docs.Length)
        {
            Flush();
        }
    }

    /// <returns>The number of matches added.</returns>
    public int Finish()
    {
        Flush();
        return _total;
    }

    private void Flush()
    {
        var docs = _docs.AsSpan(0, _count);
        facets.CountAll(docs);
        segment.ScoreAll(docs, _scores.AsSpan(0, _count));
        for (var j = 0; j < docs.Length; j++)
        {
            best.Offer(_scores[j], docBase + docs[j]);
        }

        _total += _count;
        _count = 0;
    }
}
