using Lucene.Net.Index;
using Lucene.Net.Search;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>An indexed spelling of a typed word, weighted by its closeness (1 for the word itself).</summary>
internal readonly record struct Spelling(string Term, float Boost);

/// <summary>
/// The indexed spellings of a typed (unstemmed) word, looked up once per word in <c>all_exact</c>,
/// which holds every word of every document, title included. Lucene's own FuzzyQuery does the
/// look-up (a Levenshtein automaton run over the term dictionary, the closest spellings kept); what
/// this class decides is how much to look for:
/// <list type="bullet">
/// <item>a word found in many documents is taken as typed: it is not a typo;</item>
/// <item>one edit first, two (from 8 letters) only when one finds nothing, as Lucene's
/// DirectSpellChecker does: most typos are one edit away, and the two-edit automaton is the
/// costly one to build (several times the states) and walks many more terms.</item>
/// </list>
/// </summary>
internal static class TypoSpellings
{
    /// <summary>
    /// A word in more documents than this (at least <see cref="MinKnown"/>, one in a thousand
    /// documents on a large index) is a real word, not a typo, and is not respelled.
    /// </summary>
    public static int KnownAbove(IndexReader reader) => Math.Max(MinKnown, reader.MaxDoc / 1000);

    private const int MinKnown = 2;

    /// <summary>
    /// The spellings of <paramref name="term"/> (already analysed by the exact analyzer), or the
    /// term alone when it is too short to respell or known; empty when nothing is close enough.
    /// </summary>
    public static IReadOnlyList<Spelling> Of(IndexReader reader, string term, out bool respelled)
    {
        respelled = false;
        var maxEdits = EditDistance.MaxEdits(term);
        if (maxEdits == 0 || reader.DocFreq(new Term(SearchFields.AllExact, term)) > KnownAbove(reader))
        {
            return [new Spelling(term, 1f)];
        }

        respelled = true;
        var found = new List<Spelling>();
        for (var edits = 1; edits <= maxEdits && found.Count == 0; edits++)
        {
            var fuzzy = new FuzzyQuery(new Term(SearchFields.AllExact, term), edits, prefixLength: 1, EditDistance.MaxExpansions, transpositions: true);

            // FuzzyQuery rewrites (TopTermsScoringBooleanQueryRewrite) into one boosted TermQuery per spelling.
            if (fuzzy.Rewrite(reader) is BooleanQuery spellings)
            {
                foreach (var clause in spellings.Clauses)
                {
                    if (clause.Query is TermQuery spelling)
                    {
                        found.Add(new Spelling(spelling.Term.Text, spelling.Boost));
                    }
                }
            }
        }

        return found;
    }
}
