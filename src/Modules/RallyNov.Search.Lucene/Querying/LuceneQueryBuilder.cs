using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>A cheap query that finds the documents and a richer one that ranks the best of them.</summary>
internal sealed record QueryPlan(Query Match, Query Rank);

/// <summary>
/// Turns a parsed visitor query into Lucene queries. Every word must match somewhere (title
/// boosted over summary over body; the unstemmed "exact" fields rank exact matches first).
/// </summary>
internal sealed class LuceneQueryBuilder(Analyzer analyzer)
{
    private readonly Dictionary<(string Analyzer, string Word), List<string>> _analysed = [];

    /// <summary>A title match weighs four times a text match (stemmed words and phrases).</summary>
    private const float TitleBoost = 4f;

    private static readonly (string Field, float Boost)[] StemmedFields =
    [
        (SearchFields.Title, TitleBoost),
        (SearchFields.Text, 1f), // title and summary (both counted twice at indexing), body, extra
    ];

    /// <summary>The match query's one field: every stemmed word of a document, its title included.</summary>
    private static readonly (string Field, float Boost)[] TextOnly = [(SearchFields.Text, 1f)];

    private static readonly (string Field, float Boost)[] ExactFields =
    [
        (SearchFields.TitleExact, 6f),
        (SearchFields.AllExact, 1.5f),
    ];

    // After ExactFields: static fields initialise in textual order.
    private static readonly (string Field, float Boost)[] AllFields = [.. StemmedFields, .. ExactFields];

    /// <summary>
    /// The query of what was typed, null when nothing searchable was (only stop words, say).
    /// <see cref="QueryPlan.Match"/> finds the documents with one term per word in the one
    /// stemmed field that holds every word of a document ("text", title included): a plain
    /// conjunction of postings, the cheapest query Lucene runs. <see cref="QueryPlan.Rank"/> scores
    /// the best of them over the title, the text and the unstemmed fields, so exact words and
    /// titles rank first. Both match the same documents: a word's exact form implies its stem.
    /// </summary>
    public QueryPlan? Plan(UserQueryParser.ParsedQuery parsed)
    {
        var match = new BooleanQuery();
        var rank = new BooleanQuery();
        var any = false;
        foreach (var word in parsed.Words)
        {
            if (Word(word, TextOnly) is { } clause)
            {
                match.Add(clause, Occur.MUST);
                rank.Add(Word(word, AllFields)!, Occur.MUST);
                any = true;
            }
        }

        return AddPhrasesAndExclusions(parsed, match, rank, any);
    }

    /// <summary>
    /// The typo-tolerant query, null when no typed word looks misspelt. Each rare or unknown word
    /// becomes its closest indexed spellings (<see cref="TypoSpellings"/>: 1 edit from 4 letters,
    /// 2 from 8 when 1 finds nothing, first letter kept, the 10 closest at most, closer spellings
    /// weighing more), looked up once per word in <paramref name="reader"/>. The documents are
    /// found through the spellings' stems in "text", as the corrected word would find them
    /// (plurals included); the ranking puts exact spellings in titles first.
    /// </summary>
    public QueryPlan? FuzzyPlan(UserQueryParser.ParsedQuery parsed, IndexReader reader)
    {
        var match = new BooleanQuery();
        var rank = new BooleanQuery();
        var any = false;
        var respelledAny = false;
        foreach (var word in parsed.Words)
        {
            var terms = Terms(SearchFields.AllExact, word);
            if (terms.Count == 0)
            {
                continue;
            }

            foreach (var term in terms)
            {
                var spellings = TypoSpellings.Of(reader, term, out var respelled);
                respelledAny |= respelled;
                var (matchWord, rankWord) = SpellingsQuery(spellings);
                match.Add(matchWord, Occur.MUST);
                rank.Add(rankWord, Occur.MUST);
            }

            any = true;
        }

        // Nothing respelled: the query would find what it found. Phrases are not respelled either.
        return any && respelledAny ? AddPhrasesAndExclusions(parsed, match, rank, any) : null;
    }

    /// <summary>
    /// One word's spellings: any of their stems in "text" finds a document; the ranking adds the
    /// exact spellings in the title (×6) and anywhere (×1.5). No spelling: an empty query, which
    /// matches nothing.
    /// </summary>
    private (Query Match, Query Rank) SpellingsQuery(IReadOnlyList<Spelling> spellings)
    {
        var stems = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var spelling in spellings)
        {
            foreach (var stem in Terms(SearchFields.Text, spelling.Term))
            {
                stems[stem] = Math.Max(spelling.Boost, stems.GetValueOrDefault(stem));
            }
        }

        var match = new BooleanQuery(disableCoord: true);
        var stemmed = new BooleanQuery(disableCoord: true);
        foreach (var (stem, boost) in stems)
        {
            match.Add(new TermQuery(new Term(SearchFields.Text, stem)) { Boost = boost }, Occur.SHOULD);
            stemmed.Add(new TermQuery(new Term(SearchFields.Text, stem)) { Boost = boost }, Occur.SHOULD);
        }

        var rank = new DisjunctionMaxQuery(0.1f) { stemmed };
        foreach (var (field, boost) in ExactFields)
        {
            var exact = new BooleanQuery(disableCoord: true) { Boost = boost };
            foreach (var spelling in spellings)
            {
                exact.Add(new TermQuery(new Term(field, spelling.Term)) { Boost = spelling.Boost }, Occur.SHOULD);
            }

            rank.Add(exact);
        }

        return (match, rank);
    }

    private QueryPlan? AddPhrasesAndExclusions(UserQueryParser.ParsedQuery parsed, BooleanQuery match, BooleanQuery rank, bool any)
    {
        foreach (var phrase in parsed.Phrases)
        {
            if (PhraseMatch(phrase) is { } clause)
            {
                match.Add(clause, Occur.MUST);
                rank.Add(Phrase(phrase, StemmedFields)!, Occur.MUST); // the title (×4) first, then the text
                any = true;
            }
        }

        if (!any)
        {
            return null;
        }

        foreach (var excluded in parsed.Excluded)
        {
            // "text" holds every stemmed word of a document: excluding on it is enough. Only the
            // match query needs it: the ranked documents all come from it, and a prohibited
            // clause adds nothing to a score.
            if (Word(excluded, TextOnly) is { } clause)
            {
                match.Add(clause, Occur.MUST_NOT);
            }
        }

        return new QueryPlan(match, rank);
    }

    /// <summary>The stemmed forms of the query, to highlight matches in snippets.</summary>
    public static HashSet<string> HighlightTerms(Analyzer analyzer, UserQueryParser.ParsedQuery parsed) =>
        parsed.Words.Concat(parsed.Phrases).SelectMany(w => Analyze.Terms(analyzer, SearchFields.Text, w)).ToHashSet(StringComparer.Ordinal);

    private Query? Word(string word, (string Field, float Boost)[] fields)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in fields)
        {
            var analysed = Terms(field, word);
            if (analysed.Count == 0)
            {
                continue;
            }

            // "porte-à-porte" analyses to several terms: all of them, in any order.
            Query clause = analysed.Count == 1 ? new TermQuery(new Term(field, analysed[0])) : AllOf(field, analysed);
            clause.Boost = boost;
            any.Add(clause);
        }

        return any.Disjuncts.Count == 0 ? null : any;
    }

    /// <summary>The match clause of a phrase: its exact positions in the text (a single word: its term).</summary>
    private Query? PhraseMatch(string phrase)
    {
        var tokens = Analyze.Positions(analyzer, SearchFields.Text, phrase);
        return tokens.Count == 1 ? new TermQuery(new Term(SearchFields.Text, tokens[0].Term)) : Phrase(phrase, TextOnly);
    }

    /// <summary>
    /// A word's terms in a field, analysed once per analyzer: a word is looked up in four fields
    /// that share two analyzers (stemmed, exact), in both the finding and the ranking query.
    /// </summary>
    private List<string> Terms(string field, string word)
    {
        var analyzerOf = field is SearchFields.TitleExact or SearchFields.AllExact ? SearchFields.AllExact : SearchFields.Text;
        if (!_analysed.TryGetValue((analyzerOf, word), out var terms))
        {
            terms = Analyze.Terms(analyzer, field, word);
            _analysed[(analyzerOf, word)] = terms;
        }

        return terms;
    }

    private Query? Phrase(string phrase, (string Field, float Boost)[] fields)
    {
        var any = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in fields)
        {
            if (PhraseIn(field, boost, phrase) is { } query)
            {
                any.Add(query);
            }
        }

        return any.Disjuncts.Count == 0 ? null : any;
    }

    /// <summary>The exact phrase in one field, null when nothing of it is searchable there.</summary>
    private PhraseQuery? PhraseIn(string field, float boost, string phrase)
    {
        var terms = Analyze.Positions(analyzer, field, phrase);
        if (terms.Count == 0)
        {
            return null;
        }

        // The analysed positions keep the gaps of removed stop words ("semaine de quatre
        // jours"), so the phrase can be exact (slop 0): the exact phrase scorer is several
        // times cheaper than the sloppy one on common words.
        var query = new PhraseQuery { Boost = boost };
        foreach (var (term, position) in terms)
        {
            query.Add(new Term(field, term), position - terms[0].Position);
        }

        return query;
    }

    private static BooleanQuery AllOf(string field, List<string> analysed)
    {
        var all = new BooleanQuery();
        foreach (var term in analysed)
        {
            all.Add(new TermQuery(new Term(field, term)), Occur.MUST);
        }

        return all;
    }
}
