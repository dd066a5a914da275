using Lucene.Net.Index;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>The terms of a conjunction in one segment, rarest first, and how a match is scored.</summary>
/// <param name="Postings">Opened where walked: the lead's and those of terms not decoded; null elsewhere.</param>
internal sealed record ConjunctionSegment(int[] Order, DocsEnum?[] Postings, DensePostings?[] Dense, float[] Weights, float[]?[] Norms)
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
            var freq = Dense[i] is { } decoded && !(leadPositioned && i == Order[0]) ? decoded.Freqs[doc] : Postings[i]!.Freq;
            var norm = Norms[i] is { } values ? values[doc] : 1f;
            score += MathF.Sqrt(freq) * Weights[i] * norm;
        }

        return score;
    }

    /// <summary>
    /// <see cref="Score"/> for a batch of documents where every term is decoded, term by term:
    /// each document's sum still adds its terms in the same order, so the same floats.
    /// </summary>
    public void ScoreAll(ReadOnlySpan<int> docs, Span<float> scores)
    {
        // The first term sets the sums (0 + x is x), the others add to them.
        for (var t = 0; t < Order.Length; t++)
        {
            var i = Order[t];
            var (freqs, norms, weight) = (Dense[i]!.Freqs, Norms[i], Weights[i]);
            for (var j = 0; j < docs.Length; j++)
            {
                var doc = docs[j];
                var term = SquareRoots[freqs[doc]] * weight * (norms is null ? 1f : norms[doc]);
                scores[j] = t == 0 ? term : scores[j] + term;
            }
        }
    }

    /// <summary>√freq for every frequency a decoded term can hold (MathF.Sqrt's own values).</summary>
    private static readonly float[] SquareRoots = Enumerable.Range(0, 256).Select(f => MathF.Sqrt(f)).ToArray();
}
