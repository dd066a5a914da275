using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The postings of a frequent term in one segment, decoded once: a bit per document (set when
/// the term occurs, deleted documents included) and its frequency in a byte. Kept by
/// <see cref="DecodedPostingsCache"/>.
/// </summary>
internal sealed class DensePostings
{
    private DensePostings(ulong[] bits, byte[] freqs)
    {
        Bits = bits;
        Freqs = freqs;
    }

    /// <summary>Bit <c>doc % 64</c> of word <c>doc / 64</c> is set when the term occurs in the document.</summary>
    public ulong[] Bits { get; }

    /// <summary>The term's frequency in each document (0 where it does not occur).</summary>
    public byte[] Freqs { get; }

    /// <summary>Bytes held.</summary>
    public long Size => (Bits.Length * 8L) + Freqs.Length;

    /// <summary>When it was last read (the cache's count of reads), for eviction.</summary>
    public long LastUse { get; set; }

    /// <summary>The term's postings in the segment decoded, or null when absent or a frequency exceeds a byte.</summary>
    public static DensePostings? Decode(TermLookup lookup, AtomicReaderContext leaf, Term term)
    {
        if (lookup.Docs(leaf, term, acceptDocs: null) is not { } docs)
        {
            return null;
        }

        var maxDoc = leaf.AtomicReader.MaxDoc;
        var (bits, freqs) = (new ulong[(maxDoc + 63) / 64], new byte[maxDoc]);
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            if (docs.Freq > byte.MaxValue)
            {
                return null; // scores must stay exact: such a term is read from its postings
            }

            bits[doc >> 6] |= 1UL << doc;
            freqs[doc] = (byte)docs.Freq;
        }

        return new DensePostings(bits, freqs);
    }
}
