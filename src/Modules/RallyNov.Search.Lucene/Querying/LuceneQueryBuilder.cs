using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Turns a parsed visitor query into Lucene queries. Every word must match somewhere (title
/// boosted over summary over body; the unstemmed "exact" fields rank exact matches first).
/// </summary>
internal sealed class LuceneQueryBuilder(Analyzer analyzer)
{
    private static readonly (string Field, float Boost)[] StemmedFields =
    [
        (SearchFields.Title, 4f),
        (SearchFields.Text, 1f), // summary (counted twice at indexing), body, extra
    ];

    /// <summary>Spellings tried per typed word: the closest ones are enough to find the intended word.</summary>
    private const int MaxFuzzyExpansions = 10;

    private static readonly (string Field, float Boost)[] ExactFields =
    [
        (SearchFields.TitleExact, 6f),
        (SearchFields.AllExact, 1.5f),
    ];

    // After ExactFields: static fields initialise in textual order.
    private static readonly (string Field, float Boost)[] AllFields = [.. StemmedFields, .. ExactFields];

    /// <summary>The scored text part; null when nothing searchable was typed (only stop words, say).</summary>
    public Query? Text(UserQueryParser.ParsedQuery parsed, bool fuzzy)
    {
        var query = new BooleanQuery();
        var any = false;
        foreach (var word in parsed.Words)
        {
            // One disjunction per word over the stemmed and the exact fields. (Tried: exact fields
            // as optional clauses, since they never change the match set; slower in the bench,
            // as every match is scored and so advances them anyway.)
            var clause = fuzzy ? FuzzyWord(word) : Word(word, AllFields);
            if (clause is not null)
            {
                query.Add(clause, Occur.MUST);
                any = true;
            }
        }

        foreach (var phrase in parsed.Phrases)
        {
            var clause = Phrase(phrase);
            if (clause is not null)
            {
                query.Add(clause, Occur.MUST);
                any = true;
            }
        }

        if (!any)
        {
            return null;
        }

        foreach (var excluded in parsed.Excluded)
        {
            // The stemmed fields hold every document an exact field would: excluding on them is enough.
            if (Word(excluded, StemmedFields) is { } clause)
            {
                query.Add(clause, Occur.MUST_NOT);
            }
        }

        return query;
    }

    /// <summary>The stemmed forms of the query, to highlight matches in snippets.</summary>
    public HashSet<string> HighlightTerms(UserQueryParser.ParsedQuery parsed) =>
        parsed.Words.Concat(parsed.Phrases).SelectMany(w => Analyze.Terms(analyzer, SearchFields.Text, w)).ToHashSet(StringComparer.Ordinal);

    private Query? Word(string word, (string Field, float Boost)[] fields)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in fields)
        {
            var terms = Analyze.Terms(analyzer, field, word);
            if (terms.Count == 0)
            {
                continue;
            }

            // "porte-à-porte" analyses to several terms: all of them, in any order.
            Query clause = terms.Count == 1 ? new TermQuery(new Term(field, terms[0])) : AllOf(field, terms);
            clause.Boost = boost;
            any.Add(clause);
        }

        return any.Disjuncts.Count == 0 ? null : any;
    }

    /// <summary>
    /// Edit distance 1 for words of 4+ letters, 2 for 8+. Fuzzy terms are not analysed by Lucene,
    /// so each word goes through the unstemmed analyzer first.
    /// </summary>
    private Query? FuzzyWord(string word)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in ExactFields)
        {
            foreach (var term in Analyze.Terms(analyzer, field, word))
            {
                var edits = term.Length >= 8 ? 2 : term.Length >= 4 ? 1 : 0;
                Query clause = edits == 0 ? new TermQuery(new Term(field, term)) : new FuzzyQuery(new Term(field, term), edits, prefixLength: 1, MaxFuzzyExpansions, transpositions: true);
                clause.Boost = boost;
                any.Add(clause);
            }
        }

        return any.Disjuncts.Count == 0 ? null : any;
    }

    private Query? Phrase(string phrase)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in StemmedFields)
        {
            var terms = Analyze.Positions(analyzer, field, phrase);
            if (terms.Count == 0)
            {
                continue;
            }

            // The analysed positions keep the gaps of removed stop words ("semaine de quatre
            // jours"), so the phrase can be exact (slop 0): the exact phrase scorer is several
            // times cheaper than the sloppy one on common words.
            var query = new PhraseQuery { Boost = boost };
            foreach (var (term, position) in terms)
            {
                query.Add(new Term(field, term), position - terms[0].Position);
            }

            any.Add(query);
        }

        return any.Disjuncts.Count == 0 ? null : any;
    }

    private static BooleanQuery AllOf(string field, List<string> terms)
    {
        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            all.Add(new TermQuery(new Term(field, term)), Occur.MUST);
        }

        return all;
    }
}
