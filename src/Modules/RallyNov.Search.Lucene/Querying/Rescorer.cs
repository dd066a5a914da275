using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Scores a few already-found documents with a richer query and sorts them by that score. The
/// rich query (four fields per word) costs several times the cheap one when run over every
/// match; here its scorers only skip to the given documents.
/// </summary>
internal static class Rescorer
{
    /// <summary>How many of the best cheap hits are ranked again; deeper pages keep the cheap order.</summary>
    public const int Window = 200;

    /// <param name="hits">The cheap query's best hits; each must match <paramref name="rank"/> too.</param>
    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, Query rank)
    {
        if (hits.Length == 0)
        {
            return hits;
        }

        var weight = searcher.CreateNormalizedWeight(rank);
        var leaves = searcher.IndexReader.Leaves;
        var byDoc = hits.OrderBy(h => h.Doc).ToArray();
        var rescored = new ScoreDoc[byDoc.Length];
        var leaf = -1;
        var leafEnd = 0;
        var docBase = 0;
        Scorer? scorer = null;
        for (var i = 0; i < byDoc.Length; i++)
        {
            var doc = byDoc[i].Doc;
            while (doc >= leafEnd)
            {
                var context = leaves[++leaf];
                docBase = context.DocBase;
                leafEnd = docBase + context.AtomicReader.MaxDoc;
                scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
            }

            var target = doc - docBase;
            var score = 0f;
            if (scorer is not null)
            {
                var current = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
                if (current == target)
                {
                    score = scorer.GetScore();
                }
            }

            rescored[i] = new ScoreDoc(doc, score);
        }

        Array.Sort(rescored, BestFirst);
        return rescored;
    }

    /// <summary>Higher scores first; equal scores keep the index order, as Lucene's own collectors do.</summary>
    public static int BestFirst(ScoreDoc a, ScoreDoc b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc);
}
