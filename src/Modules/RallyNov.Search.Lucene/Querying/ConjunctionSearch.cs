using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>The terms of a match query that is a plain conjunction of single terms, and the lookup that knows them.</summary>
internal sealed record Conjunction(TermLookup Lookup, IReadOnlyList<Term> Terms)
{
    /// <summary>The conjunction a match query is, or null when it has anything else (phrases to confirm, exclusions, several spellings).</summary>
    public static Conjunction? Of(TermLookup lookup, BooleanQuery match)
    {
        if (!Ablation.Conjunction || !Ablation.TermLookup)
        {
            return null;
        }

        var terms = new List<Term>();
        foreach (var clause in match.Clauses)
        {
            var query = clause.Query is DisjunctionMaxQuery { Disjuncts.Count: 1 } single ? single.Disjuncts[0] : clause.Query;
            if (clause.Occur != Occur.MUST || query is not TermQuery { Boost: 1f } term)
            {
                return null;
            }

            terms.Add(term.Term);
        }

        return terms.Count > 0 ? new Conjunction(lookup, terms) : null;
    }
}

/// <summary>
/// Runs a conjunction of terms (most queries) in one loop: postings intersected directly, each
/// match scored as Lucene's DefaultSimilarity would (tf-idf with length norms; the query norm,
/// the same for every document, is left out), counted in the facets and kept in a plain heap of
/// the best. Lucene's generic path spends about half of a large query's time in the virtual
/// calls between its scorers and collectors; this one has none per document. Frequent terms are
/// read from their decoded bits (<see cref="DecodedPostingsCache"/>): a conjunction of them is
/// an AND of words of bits.
/// </summary>
internal static class ConjunctionSearch
{
    // Reused by each thread: allocated per segment and query, it cost more than it was used.
    [ThreadStatic]
    private static int[]? MatchBuffer;

    /// <returns>The best <paramref name="count"/> hits, best first (equal scores in index order), and the number of hits.</returns>
    public static (ScoreDoc[] Best, int Total) Run(IndexSearcher searcher, Conjunction conjunction, FacetCollector facets, int count)
    {
        // Norms are decoded as DefaultSimilarity encodes them (SegmentNorms), the searcher's similarity.
        var similarity = (DefaultSimilarity)searcher.Similarity;
        var terms = conjunction.Terms;
        var maxDoc = searcher.IndexReader.MaxDoc;
        var weights = terms.Select(t => similarity.Idf(conjunction.Lookup.Context(t.Field, t.Text).DocFreq, maxDoc)).Select(idf => idf * idf).ToArray();
        var best = new TopHeap(count);
        var total = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            facets.SetNextReader(leaf);
            var costs = new long[terms.Count];
            var dense = new DensePostings?[terms.Count];
            var fieldNorms = new float[]?[terms.Count];
            var missing = false;
            for (var i = 0; i < terms.Count && !missing; i++)
            {
                costs[i] = conjunction.Lookup.DocFreq(leaf, terms[i]);
                missing = costs[i] == 0;
                dense[i] = missing ? null : conjunction.Lookup.Decoded(leaf, terms[i], costs[i]);
                fieldNorms[i] = SegmentNorms.For(leaf.AtomicReader, terms[i].Field);
            }

            if (missing)
            {
                continue;
            }

            // The rarest term leads; the others skip to its documents (or are looked up in their bits).
            // Postings are only opened where they are walked: the lead's and those of terms not decoded.
            var order = Enumerable.Range(0, terms.Count).OrderBy(i => costs[i]).ToArray();
            var decodedAll = dense.All(d => d is not null);
            var postings = new DocsEnum?[terms.Count];
            for (var i = 0; i < terms.Count && !decodedAll; i++)
            {
                postings[i] = dense[i] is null || i == order[0] ? conjunction.Lookup.Docs(leaf, terms[i]) : null;
            }

            var segment = new ConjunctionSegment(order, postings, dense, weights, fieldNorms);
            total += decodedAll
                ? IntersectBits(segment, leaf.AtomicReader.LiveDocs, facets, best, leaf.DocBase)
                : Intersect(segment, facets, best, leaf.DocBase);
        }

        return (best.Sorted(), total);
    }

    /// <summary>
    /// Every term is decoded: the matches are the AND of their bits, deleted documents left out,
    /// gathered a few hundred at a time and then counted, scored and offered (<see cref="MatchBatch"/>).
    /// </summary>
    private static int IntersectBits(ConjunctionSegment segment, IBits? liveDocs, FacetCollector facets, TopHeap best, int docBase)
    {
        var bits = segment.Order.Select(i => segment.Dense[i]!.Bits).ToArray();
        var batch = new MatchBatch(segment, facets, best, docBase);
        var buffer = MatchBuffer ??= new int[MatchBatch.Size + 64]; // room for one more word's matches past the batch size
        var (count, hits) = (0, 0);
        for (var word = 0; word < bits[0].Length; word++)
        {
            var matches = bits[0][word];
            for (var k = 1; k < bits.Length && matches != 0; k++)
            {
                matches &= bits[k][word];
            }

            for (; matches != 0; matches &= matches - 1)
            {
                var doc = (word << 6) + BitOperations.TrailingZeroCount(matches);
                buffer[count] = doc;
                count += liveDocs is null || liveDocs.Get(doc) ? 1 : 0;
            }

            if (count >= MatchBatch.Size)
            {
                hits += batch.Collect(buffer.AsSpan(0, count));
                count = 0;
            }
        }

        return hits + batch.Collect(buffer.AsSpan(0, count));
    }

    private static int Intersect(ConjunctionSegment segment, FacetCollector facets, TopHeap best, int docBase)
    {
        var (order, postings, dense) = (segment.Order, segment.Postings, segment.Dense);
        var lead = postings[order[0]]!;
        var hits = 0;
        var doc = lead.NextDoc();
        while (doc != DocIdSetIterator.NO_MORE_DOCS)
        {
            var aligned = true;
            for (var k = 1; k < order.Length; k++)
            {
                if (dense[order[k]] is { } decoded)
                {
                    if ((decoded.Bits[doc >> 6] & (1UL << doc)) == 0)
                    {
                        doc = lead.NextDoc();
                        aligned = false;
                        break;
                    }

                    continue;
                }

                var other = postings[order[k]]!;
                var at = other.DocID < doc ? other.Advance(doc) : other.DocID;
                if (at > doc)
                {
                    doc = lead.Advance(at);
                    aligned = false;
                    break;
                }
            }

            if (!aligned)
            {
                continue;
            }

            if (facets.Accept(doc))
            {
                hits++;
                best.Offer(segment.Score(doc, leadPositioned: true), docBase + doc);
            }

            doc = lead.NextDoc();
        }

        return hits;
    }
}
