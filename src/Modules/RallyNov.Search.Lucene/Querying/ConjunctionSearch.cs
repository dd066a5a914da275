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
/// calls between its scorers and collectors; this one has none per document.
/// </summary>
internal static class ConjunctionSearch
{
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
            var postings = new DocsEnum[terms.Count];
            var dense = new DensePostings?[terms.Count];
            var fieldNorms = new float[]?[terms.Count];
            var missing = false;
            for (var i = 0; i < terms.Count && !missing; i++)
            {
                postings[i] = conjunction.Lookup.Docs(leaf, terms[i])!;
                missing = postings[i] is null;
                if (!missing)
                {
                    dense[i] = DensePostings.For(conjunction.Lookup, leaf, terms[i], postings[i].GetCost());
                    fieldNorms[i] = SegmentNorms.For(leaf.AtomicReader, terms[i].Field);
                }
            }

            if (!missing)
            {
                // The rarest term leads; the others skip to its documents (or are looked up in their bits).
                var segment = new Segment(Enumerable.Range(0, terms.Count).OrderBy(i => postings[i].GetCost()).ToArray(), postings, dense, weights, fieldNorms);
                total += dense.All(d => d is not null)
                    ? IntersectBits(segment, leaf.AtomicReader.LiveDocs, facets, best, leaf.DocBase)
                    : Intersect(segment, facets, best, leaf.DocBase);
            }
        }

        return (best.Sorted(), total);
    }

    /// <summary>Every term is decoded: the matches are the AND of their bits, deleted documents left out.</summary>
    private static int IntersectBits(Segment segment, IBits? liveDocs, FacetCollector facets, TopHeap best, int docBase)
    {
        var bits = segment.Order.Select(i => segment.Dense[i]!.Bits).ToArray();
        var hits = 0;
        for (var word = 0; word < bits[0].Length; word++)
        {
            var matches = bits[0][word];
            for (var k = 1; k < bits.Length && matches != 0; k++)
            {
                matches &= bits[k][word];
            }

            while (matches != 0)
            {
                var doc = (word << 6) + BitOperations.TrailingZeroCount(matches);
                matches &= matches - 1;
                if ((liveDocs is null || liveDocs.Get(doc)) && facets.Accept(doc))
                {
                    hits++;
                    best.Offer(segment.Score(doc, leadPositioned: false), docBase + doc);
                }
            }
        }

        return hits;
    }

    private static int Intersect(Segment segment, FacetCollector facets, TopHeap best, int docBase)
    {
        var (order, postings, dense) = (segment.Order, segment.Postings, segment.Dense);
        var lead = postings[order[0]];
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

                var other = postings[order[k]];
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

    /// <summary>The terms of a conjunction in one segment, rarest first, and how a match is scored.</summary>
    private sealed record Segment(int[] Order, DocsEnum[] Postings, DensePostings?[] Dense, float[] Weights, float[]?[] Norms)
    {
        /// <summary>
        /// As DefaultSimilarity would: the sum over the terms of √freq × idf² × the field's length
        /// norm, in Lucene's order (rarest first): the same rounding, so the same ties.
        /// </summary>
        /// <param name="leadPositioned">True when the lead's postings are on the document (its frequency read there), false when only bits were read.</param>
        public float Score(int doc, bool leadPositioned)
        {
            var score = 0f;
            foreach (var i in Order)
            {
                // A decoded term's frequency is in its bytes, unless it leads the postings walk.
                var freq = Dense[i] is { } decoded && !(leadPositioned && i == Order[0]) ? decoded.Freqs[doc] : Postings[i].Freq;
                var norm = Norms[i] is { } values ? values[doc] : 1f;
                score += MathF.Sqrt(freq) * Weights[i] * norm;
            }

            return score;
        }
    }

    /// <summary>The best documents seen so far: a min-heap on (score, then later document).</summary>
    private sealed class TopHeap(int capacity)
    {
        private readonly float[] _scores = new float[Math.Max(capacity, 1)];
        private readonly int[] _docs = new int[Math.Max(capacity, 1)];
        private int _size;

        public void Offer(float score, int doc)
        {
            if (_size < _scores.Length)
            {
                _scores[_size] = score;
                _docs[_size] = doc;
                Up(_size++);
            }
            else if (score > _scores[0])
            {
                // Documents come in index order: an equal score never displaces an earlier document.
                _scores[0] = score;
                _docs[0] = doc;
                Down(0);
            }
        }

        public ScoreDoc[] Sorted()
        {
            var hits = new ScoreDoc[_size];
            for (var i = 0; i < _size; i++)
            {
                hits[i] = new ScoreDoc(_docs[i], _scores[i]);
            }

            Array.Sort(hits, Rescorer.BestFirst);
            return hits;
        }

        // Lower means worse: a lower score, or the same score on a later document.
        private bool Lower(int a, int b) => _scores[a] < _scores[b] || (_scores[a] == _scores[b] && _docs[a] > _docs[b]);

        private void Up(int i)
        {
            while (i > 0 && Lower(i, (i - 1) / 2))
            {
                Swap(i, (i - 1) / 2);
                i = (i - 1) / 2;
            }
        }

        private void Down(int i)
        {
            while (true)
            {
                var (left, right, lowest) = ((2 * i) + 1, (2 * i) + 2, i);
                if (left < _size && Lower(left, lowest))
                {
                    lowest = left;
                }

                if (right < _size && Lower(right, lowest))
                {
                    lowest = right;
                }

                if (lowest == i)
                {
                    return;
                }

                Swap(i, lowest);
                i = lowest;
            }
        }

        private void Swap(int a, int b)
        {
            (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
            (_docs[a], _docs[b]) = (_docs[b], _docs[a]);
        }
    }
}
