using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Microsoft.Extensions.Configuration;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Frequent terms' postings kept decoded (<see cref="DensePostings"/>), per segment. A query on
/// common words ("entreprise adaptée": 43 000 of 100 000 documents) spent most of its time
/// decoding the same postings block by block on every request; words present in a sixteenth of a
/// segment or more are kept decoded, so a conjunction of them is a bitwise AND and a lookup per
/// match. This keeps what the index holds, as Lucene's own query cache does for frequent filters —
/// never an answer: every request still intersects, counts facets, scores and ranks its matches.
/// Memory is bounded (<c>RallyNov:Search:DecodedTermsMegabytes</c>, 64 by default, 0 to switch
/// decoding off); the least recently read terms go first, and a segment's entries go with it.
/// </summary>
internal sealed class DecodedPostingsCache
{
    /// <summary>Segments smaller than this are read from their postings: decoding them is cheap.</summary>
    public const int MinSegmentDocs = 4096;

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, Lazy<DensePostings?>>> _segments = new();
    private long _cachedBytes;
    private long _clock; // counts reads: the order of last use, exact even within a millisecond

    public DecodedPostingsCache(IConfiguration configuration)
        : this(configuration.GetValue("RallyNov:Search:DecodedTermsMegabytes", 64L) * 1024 * 1024)
    {
    }

    /// <param name="budget">Bytes of decoded postings kept at most (about 1.1 byte per document and term).</param>
    public DecodedPostingsCache(long budget) => Budget = budget;

    public long Budget { get; }

    /// <summary>Bytes held by the decoded terms of segments still alive (and a little more until the next trim).</summary>
    public long CachedBytes => Interlocked.Read(ref _cachedBytes);

    /// <summary>
    /// The decoded postings of a term that occurs in at least a sixteenth of a large segment; null
    /// for rarer terms (reading their postings is cheaper), for a frequency above 255, and when the
    /// budget is 0.
    /// </summary>
    /// <param name="docFreq">The term's number of documents in this segment.</param>
    public DensePostings? For(TermLookup lookup, AtomicReaderContext leaf, Term term, long docFreq)
    {
        var maxDoc = leaf.AtomicReader.MaxDoc;
        if (!Ablation.Decoded || Budget <= 0 || maxDoc < MinSegmentDocs || docFreq < maxDoc / 16)
        {
            return null;
        }

        var byTerm = _segments.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new ConcurrentDictionary<Term, Lazy<DensePostings?>>());
        var entry = byTerm.GetOrAdd(term, t => new Lazy<DensePostings?>(() => Decode(lookup, leaf, t))).Value;
        if (entry is not null)
        {
            entry.LastUse = Interlocked.Increment(ref _clock);
        }

        return entry;
    }

    private DensePostings? Decode(TermLookup lookup, AtomicReaderContext leaf, Term term)
    {
        var decoded = DensePostings.Decode(lookup, leaf, term);
        if (decoded is not null && Interlocked.Add(ref _cachedBytes, decoded.Size) > Budget)
        {
            Trim(decoded.Size);
        }

        return decoded;
    }

    /// <summary>Over budget: drops the least recently read terms down to half of it (segments already gone no longer count).</summary>
    /// <param name="pending">The size of the entry being added (not in its table yet).</param>
    private void Trim(long pending)
    {
        lock (_segments)
        {
            var entries = new List<(ConcurrentDictionary<Term, Lazy<DensePostings?>> Table, Term Term, DensePostings Postings)>();
            foreach (var (_, table) in _segments)
            {
                foreach (var (term, lazy) in table)
                {
                    if (lazy.IsValueCreated && lazy.Value is { } postings)
                    {
                        entries.Add((table, term, postings));
                    }
                }
            }

            var total = entries.Sum(e => e.Postings.Size) + pending;
            foreach (var (table, term, postings) in entries.OrderBy(e => e.Postings.LastUse))
            {
                if (total <= Budget / 2)
                {
                    break;
                }

                table.TryRemove(term, out _);
                total -= postings.Size;
            }

            Interlocked.Exchange(ref _cachedBytes, total);
        }
    }
}
