using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Looks the terms of one request up in the index once: their statistics are shared by the query
/// that finds and the one that ranks, and one terms enumerator per thread, segment and field
/// serves every term. Lucene builds a new enumerator for each term of each query; their frames
/// were a third of the bytes a search allocated.
/// </summary>
/// <param name="decoded">Where frequent terms are kept decoded; null to read every term from its postings.</param>
internal sealed class TermLookup(IndexReader reader, DecodedPostingsCache? decoded = null)
{
    private readonly Dictionary<(string Field, string Text), TermContext> _contexts = [];

    [ThreadStatic]
    private static ConditionalWeakTable<object, Dictionary<string, TermsEnum?>>? ThreadEnumerators;

    /// <summary>
    /// A term query whose statistics are already known (its weight skips the dictionary) and whose
    /// scorers read a frequent term's decoded postings (<see cref="LookupTermQuery"/>).
    /// </summary>
    public TermQuery Query(string field, string text) =>
        !Ablation.TermLookup ? new TermQuery(new Term(field, text))
        : !Ablation.LookupQuery ? new TermQuery(new Term(field, text), Context(field, text))
        : new LookupTermQuery(new Term(field, text), this);

    /// <summary>The term's documents with their frequencies in one segment, deleted ones left out; null when absent.</summary>
    public DocsEnum? Docs(AtomicReaderContext leaf, Term term) => Docs(leaf, term, leaf.AtomicReader.LiveDocs);

    /// <summary>The term's documents with their frequencies in one segment, those <paramref name="acceptDocs"/> accepts (all when null); null when absent.</summary>
    public DocsEnum? Docs(AtomicReaderContext leaf, Term term, IBits? acceptDocs)
    {
        if (Context(term.Field, term.Text).Get(leaf.Ord) is not { } state || Enumerator(leaf, term.Field) is not { } terms)
        {
            return null;
        }

        terms.SeekExact(term.Bytes, state);
        return terms.Docs(acceptDocs, null, DocsFlags.FREQS);
    }

    /// <summary>The term's decoded postings in a segment where it is frequent, else null (<see cref="DecodedPostingsCache"/>).</summary>
    public DensePostings? Decoded(AtomicReaderContext leaf, Term term, long docFreq) => decoded?.For(this, leaf, term, docFreq);

    /// <summary>The number of documents of one segment that hold the term (deleted ones included), 0 when none.</summary>
    public long DocFreq(AtomicReaderContext leaf, Term term)
    {
        switch (Context(term.Field, term.Text).Get(leaf.Ord))
        {
            case null:
                return 0;
            case global::Lucene.Net.Codecs.BlockTermState block:
                return block.DocFreq; // our codec's postings: no seek needed
            case var state:
                var terms = Enumerator(leaf, term.Field)!;
                terms.SeekExact(term.Bytes, state);
                return terms.DocFreq;
        }
    }

    /// <summary>The term's statistics in every segment (documents, frequencies, where its postings start).</summary>
    public TermContext Context(string field, string text)
    {
        if (!_contexts.TryGetValue((field, text), out var context))
        {
            var term = new Term(field, text);
            context = new TermContext(reader.Context);
            foreach (var leaf in reader.Leaves)
            {
                if (Enumerator(leaf, field) is { } terms && terms.SeekExact(term.Bytes))
                {
                    context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
                }
            }

            _contexts[(field, text)] = context;
        }

        return context;
    }

    /// <summary>
    /// The enumerator of a segment's field for this thread, kept while the segment lives: its
    /// frames then serve every request the thread runs, not only this one. It belongs to the
    /// segment's core; deletions are applied later, by <see cref="Docs"/>.
    /// </summary>
    private static TermsEnum? Enumerator(AtomicReaderContext leaf, string field)
    {
        var byField = (ThreadEnumerators ??= new()).GetValue(leaf.AtomicReader.CoreCacheKey, _ => new Dictionary<string, TermsEnum?>(StringComparer.Ordinal));
        if (!byField.TryGetValue(field, out var terms))
        {
            terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            byField[field] = terms;
        }

        return terms;
    }
}
