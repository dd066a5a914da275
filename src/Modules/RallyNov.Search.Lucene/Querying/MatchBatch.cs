namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// A batch of matches of a decoded conjunction: counted in the facets, scored and offered to the
/// best. Without facet filters every match is a hit, so facets are counted field by field and
/// scores summed term by term, in short loops over arrays; one call chain per match, for tens of
/// thousands of matches on common words, was most of such a query. With filters each match is
/// checked and counted on its own.
/// </summary>
internal sealed class MatchBatch(ConjunctionSegment segment, FacetCollector facets, TopHeap best, int docBase)
{
    /// <summary>Matches gathered before a batch is processed.</summary>
    public const int Size = 256;

    // One per thread, reused by every batch (a batch is processed before the next one starts).
    [ThreadStatic]
    private static float[]? Scores;

    /// <returns>The number of hits among <paramref name="docs"/> (those passing the filters).</returns>
    public int Collect(ReadOnlySpan<int> docs)
    {
        if (facets.HasFilters)
        {
            var hits = 0;
            foreach (var doc in docs)
            {
                if (facets.Accept(doc))
                {
                    hits++;
                    best.Offer(segment.Score(doc, leadPositioned: false), docBase + doc);
                }
            }

            return hits;
        }

        if (Scores is null || Scores.Length < docs.Length)
        {
            Scores = new float[Math.Max(docs.Length, Size + 64)];
        }

        var scores = Scores.AsSpan(0, docs.Length);
        facets.CountAll(docs);
        segment.ScoreAll(docs, scores);
        for (var j = 0; j < docs.Length; j++)
        {
            best.Offer(scores[j], docBase + docs[j]);
        }

        return docs.Length;
    }
}
