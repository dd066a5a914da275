using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The postings of a frequent term in one segment, decoded once: a bit per document (set when
/// the term occurs, deleted documents included) and its frequency in a byte. A query on common
/// words ("entreprise adaptée": 43 000 of 100 000 documents) spent most of its time decoding the
/// same postings block by block on every request; words present in a sixteenth of a segment or
/// more are kept decoded, so a conjunction of them is a bitwise AND and a lookup per match. This
/// caches what the index holds, as Lucene's own query cache does for frequent filters — never an
/// answer: every request still intersects, counts facets, scores and ranks its own matches.
/// Memory is bounded (<see cref="Budget"/>); a segment's entries go with the segment.
/// </summary>
internal sealed class DensePostings
{
    /// <summary>Segments smaller than this are read from their postings: decoding them is cheap.</summary>
    public const int MinSegmentDocs = 4096;

    /// <summary>Bytes of decoded postings kept at most (about 1.1 byte per document per term).</summary>
    public const long Budget = 64L * 1024 * 1024;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, Lazy<DensePostings?>>> Cache = new();
    private static long _cachedBytes;

    private long _lastUse;

    private DensePostings(ulong[] bits, byte[] freqs)
    {
        Bits = bits;
        Freqs = freqs;
    }

    /// <summary>Bit <c>doc % 64</c> of word <c>doc / 64</c> is set when the term occurs in the document.</summary>
    public ulong[] Bits { get; }

    /// <summary>The term's frequency in each document (0 where it does not occur).</summary>
    public byte[] Freqs { get; }

    private long Size => (Bits.Length * 8L) + Freqs.Length;

    /// <summary>
    /// The decoded postings of a term that occurs in at least a sixteenth of a large segment;
    /// null for rarer terms (reading their postings is cheaper) and for a frequency above 255.
    /// </summary>
    /// <param name="docFreq">The term's number of documents in this segment.</param>
    public static DensePostings? For(TermLookup lookup, AtomicReaderContext leaf, Term term, long docFreq)
    {
        var maxDoc = leaf.AtomicReader.MaxDoc;
        if (maxDoc < MinSegmentDocs || docFreq < maxDoc / 16)
        {
            return null;
        }

        var byTerm = Cache.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new ConcurrentDictionary<Term, Lazy<DensePostings?>>());
        var entry = byTerm.GetOrAdd(term, t => new Lazy<DensePostings?>(() => Build(lookup, leaf, t))).Value;
        if (entry is not null)
        {
            entry._lastUse = Environment.TickCount64;
        }

        return entry;
    }

    private static DensePostings? Build(TermLookup lookup, AtomicReaderContext leaf, Term term)
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

        var built = new DensePostings(bits, freqs) { _lastUse = Environment.TickCount64 };
        if (Interlocked.Add(ref _cachedBytes, built.Size) > Budget)
        {
            Trim(built.Size);
        }

        return built;
    }

    /// <summary>Over budget: drops the least recently used half (segments already gone no longer count).</summary>
    /// <param name="pending">The size of the entry being added (not in its table yet).</param>
    private static void Trim(long pending)
    {
        lock (Cache)
        {
            var entries = new List<(ConcurrentDictionary<Term, Lazy<DensePostings?>> Table, Term Term, DensePostings Postings)>();
            foreach (var (_, table) in Cache)
            {
                foreach (var (term, lazy) in table)
                {
                    if (lazy.IsValueCreated && lazy.Value is { } postings)
                    {
                        entries.Add((table, term, postings));
                    }
                }
            }

            var total = entries.Sum(e => e.Postings.Size);
            foreach (var (table, term, postings) in entries.OrderBy(e => e.Postings._lastUse))
            {
                if (total <= Budget / 2)
                {
                    break;
                }

                table.TryRemove(term, out _);
                total -= postings.Size;
            }

            Interlocked.Exchange(ref _cachedBytes, total + pending);
        }
    }
}
