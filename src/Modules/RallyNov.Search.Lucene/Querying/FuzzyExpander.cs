using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The indexed spellings close to a typed word: same first letter, at most 1 edit for words of
/// 4+ letters and 2 for 8+ (insertions, deletions, substitutions, swaps), closest and most
/// frequent first. Lucene's FuzzyQuery builds and determinises a Levenshtein automaton for every
/// word and field, which cost more than the whole search of a typo; a bounded edit distance over
/// the few terms that share the first letter and a near length is far cheaper.
/// </summary>
internal static class FuzzyExpander
{
    /// <summary>Spellings tried per typed word: the closest ones are enough to find the intended word.</summary>
    public const int MaxExpansions = 10;

    public static int MaxEdits(string term) => term.Length >= 8 ? 2 : term.Length >= 4 ? 1 : 0;

    /// <returns>Terms with their edit distance, best first; the word itself (distance 0) when indexed.</returns>
    public static List<(string Term, int Distance)> Expand(IndexReader reader, string field, string term)
    {
        var edits = MaxEdits(term);
        if (edits == 0)
        {
            return [(term, 0)];
        }

        var word = Encoding.UTF8.GetBytes(term);
        var prefixLength = Encoding.UTF8.GetByteCount(term.AsSpan(0, char.IsSurrogate(term[0]) ? 2 : 1));
        var rows = new int[3][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new int[word.Length + 1];
        }

        var found = new List<(string Term, int Distance, int DocFreq)>();
        foreach (var (candidate, docFreq) in TermDictionary.WithPrefix(reader, field, new BytesRef(word, 0, prefixLength)))
        {
            if (Math.Abs(candidate.Length - word.Length) > edits)
            {
                continue;
            }

            var distance = Distance(word, candidate.Bytes.AsSpan(candidate.Offset, candidate.Length), edits, rows);
            if (distance <= edits)
            {
                found.Add((candidate.Utf8ToString(), distance, docFreq));
            }
        }

        return found.OrderBy(f => f.Distance).ThenByDescending(f => f.DocFreq).ThenBy(f => f.Term, StringComparer.Ordinal)
            .Take(MaxExpansions).Select(f => (f.Term, f.Distance)).ToList();
    }

    /// <summary>The distance between two words (edits plus adjacent swaps), or <paramref name="limit"/> + 1 when greater.</summary>
    public static int Distance(string a, string b, int limit)
    {
        var (first, second) = (Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
        if (Math.Abs(first.Length - second.Length) > limit)
        {
            return limit + 1;
        }

        var rows = new int[3][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new int[first.Length + 1];
        }

        return Distance(first, second, limit, rows);
    }

    /// <summary>
    /// Optimal string alignment distance (edits plus adjacent swaps), stopped as soon as every
    /// cell of a row exceeds the limit; returns limit + 1 then.
    /// </summary>
    private static int Distance(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int limit, int[][] rows)
    {
        // rows[0] = row i-2, rows[1] = row i-1, rows[2] = row i; columns follow a (the typed word).
        var previous = rows[1];
        for (var j = 0; j <= a.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= b.Length; i++)
        {
            var current = rows[2];
            var beforePrevious = rows[0];
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= a.Length; j++)
            {
                var cost = a[j - 1] == b[i - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[j - 1] == b[i - 2] && a[j - 2] == b[i - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            // Rotate: i-1 becomes i-2, i becomes i-1.
            rows[0] = previous;
            rows[1] = current;
            rows[2] = beforePrevious;
            previous = current;
        }

        return previous[a.Length];
    }
}
