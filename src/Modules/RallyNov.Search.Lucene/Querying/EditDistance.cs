namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// How far a typed word may be from an indexed spelling (1 edit from 4 letters, 2 from 8), and
/// the distance itself for the "Essayez avec" suggestion. The spellings themselves are found by
/// Lucene's FuzzyQuery (a Levenshtein automaton run over the term dictionary): on a real
/// vocabulary, walking every term that shares the first letter, as this module once did, cost
/// several times more.
/// </summary>
internal static class EditDistance
{
    /// <summary>Spellings tried per typed word: the closest ones are enough to find the intended word.</summary>
    public const int MaxExpansions = 10;

    public static int MaxEdits(string term) => term.Length >= 8 ? 2 : term.Length >= 4 ? 1 : 0;

    /// <summary>
    /// The optimal string alignment distance (insertions, deletions, substitutions and adjacent
    /// swaps, as FuzzyQuery counts them), or <paramref name="limit"/> + 1 when greater.
    /// </summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        // Three rows: i-2, i-1 and i; columns follow a.
        var (beforePrevious, previous, current) = (new int[a.Length + 1], new int[a.Length + 1], new int[a.Length + 1]);
        for (var j = 0; j <= a.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= b.Length; i++)
        {
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
                return limit + 1; // every alignment already costs more
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return Math.Min(previous[a.Length], limit + 1);
    }
}
