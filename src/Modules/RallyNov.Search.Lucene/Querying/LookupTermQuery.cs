using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// A term query of one request: its term is looked up once (<see cref="TermLookup"/>), and in a
/// segment where the term is frequent its scorer walks the decoded postings (<see cref="DensePostings"/>)
/// instead of decoding blocks (<see cref="DecodedPostingsCache"/>). The ranking pass skips to 200 scattered documents in each of a
/// word's four fields: on common words each skip decoded a block. Scores are Lucene's own: the
/// weight and the per-document score come from the searcher's similarity, as TermQuery's do.
/// </summary>
internal sealed class LookupTermQuery(Term term, TermLookup lookup) : TermQuery(term, lookup.Context(term.Field, term.Text))
{
    /// <summary>On the reader the terms were looked up in; on any other, a plain term query's weight.</summary>
    public override Weight CreateWeight(IndexSearcher searcher) =>
        lookup.Context(Term.Field, Term.Text) is var context && context.TopReaderContext == searcher.TopReaderContext
            ? new LookupWeight(this, searcher, context, lookup)
            : base.CreateWeight(searcher);

    private sealed class LookupWeight : Weight
    {
        private readonly LookupTermQuery _query;
        private readonly TermLookup _lookup;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public LookupWeight(LookupTermQuery query, IndexSearcher searcher, TermContext context, TermLookup lookup)
        {
            (_query, _lookup, _similarity) = (query, lookup, searcher.Similarity);
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, context));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var docFreq = _lookup.DocFreq(context, _query.Term);
            if (docFreq == 0)
            {
                return null;
            }

            var scorer = _similarity.GetSimScorer(_stats, context);
            if (_lookup.Decoded(context, _query.Term, docFreq) is { } decoded)
            {
                return new DecodedScorer(this, decoded, acceptDocs, docFreq, scorer);
            }

            return _lookup.Docs(context, _query.Term, acceptDocs) is { } docs ? new PostingsScorer(this, docs, scorer) : null;
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            return scorer is not null && scorer.Advance(doc) == doc
                ? new Explanation(scorer.GetScore(), $"{_query} : fréquence {scorer.Freq}")
                : new Explanation(0, $"{_query} : absent");
        }
    }

    /// <summary>The term's postings as Lucene reads them (a rare term, or a small segment).</summary>
    private sealed class PostingsScorer(Weight weight, DocsEnum docs, Similarity.SimScorer scorer) : Scorer(weight)
    {
        public override int DocID => docs.DocID;

        public override int Freq => docs.Freq;

        public override float GetScore() => scorer.Score(docs.DocID, docs.Freq);

        public override int NextDoc() => docs.NextDoc();

        public override int Advance(int target) => docs.Advance(target);

        public override long GetCost() => docs.GetCost();
    }

    /// <summary>The term's decoded postings: the next document is the next set bit that is accepted.</summary>
    private sealed class DecodedScorer(Weight weight, DensePostings postings, IBits? acceptDocs, long cost, Similarity.SimScorer scorer) : Scorer(weight)
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => postings.Freqs[_doc];

        public override float GetScore() => scorer.Score(_doc, postings.Freqs[_doc]);

        public override int NextDoc() => _doc == NO_MORE_DOCS ? NO_MORE_DOCS : Advance(_doc + 1);

        public override int Advance(int target)
        {
            var (bits, maxDoc) = (postings.Bits, postings.Freqs.Length);
            for (var doc = target; doc < maxDoc;)
            {
                var word = doc >> 6;
                var rest = bits[word] >> doc; // the bits from doc on (shifts count modulo 64)
                if (rest == 0)
                {
                    doc = (word + 1) << 6;
                    continue;
                }

                doc += BitOperations.TrailingZeroCount(rest);
                if (acceptDocs is null || acceptDocs.Get(doc))
                {
                    return _doc = doc;
                }

                doc++;
            }

            return _doc = NO_MORE_DOCS;
        }

        public override long GetCost() => cost;
    }
}
