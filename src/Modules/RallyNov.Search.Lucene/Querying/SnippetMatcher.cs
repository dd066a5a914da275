using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using RallyNov.Search.Lucene.Analysis;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Finds a query's terms among the words of a text, for snippets, exactly as the analyzer would:
/// a word matches when its analysis (elision, lower case, stop words, folding, stemming) is one of
/// the terms. Running that whole chain on every word of ten summaries and bodies was a tenth of a
/// search's time; here the text is only cut into words (the same tokenizer, so the same
/// offsets), and a word is analysed only when it can match: the analysis never changes the first
/// letter of a word (after an elided article) other than by lower-casing and folding it, so a
/// word whose folded initials no term starts with is skipped. Each word is analysed once per
/// request, whatever the number of hits it appears in. One matcher per request: not thread-safe.
/// </summary>
internal sealed class SnippetMatcher
{
    /// <summary>The tokenizer of <see cref="FrenchSearchAnalyzer"/> alone: its words and offsets.</summary>
    private static readonly Analyzer Words = Analyzer.NewAnonymous((_, reader) =>
        new TokenStreamComponents(new StandardTokenizer(FrenchSearchAnalyzer.Version, reader)));

    /// <summary>Lower-cased, folded first letter of each character below U+0250; '\0' beyond (any term may match).</summary>
    private static readonly char[] Initials = BuildInitials();

    private readonly Analyzer _analyzer;
    private readonly Dictionary<string, int> _termIndex;
    private readonly bool[] _asciiInitials = new bool[128];
    private readonly bool _anyInitial;
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;

    /// <param name="analyzer">The search analyzer; words are analysed as the stemmed text field.</param>
    /// <param name="terms">Analysed query terms, compared ordinally.</param>
    public SnippetMatcher(Analyzer analyzer, IReadOnlyCollection<string> terms)
    {
        _analyzer = analyzer;
        _termIndex = terms.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            if (term[0] < 128)
            {
                _asciiInitials[term[0]] = true;
            }
            else
            {
                _anyInitial = true; // a term in another script: every word is a candidate
            }
        }

        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int TermCount => _termIndex.Count;

    /// <summary>
    /// Offsets of the words that are query terms, with the index of the term each one is, in text
    /// order. The scan stops once every term has matched and the window after the first match is passed.
    /// </summary>
    public (List<(int Start, int End)> Matches, List<int> Terms) Find(string text, int window)
    {
        var matches = new List<(int, int)>();
        var matched = new List<int>();
        if (_termIndex.Count == 0)
        {
            return (matches, matched);
        }

        if (!Ablation.Snippets)
        {
            return FindByAnalysis(text, window);
        }

        var seen = new bool[_termIndex.Count];
        var seenCount = 0;
        using var stream = Words.GetTokenStream(SearchFields.Text, text);
        var word = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (seenCount == _termIndex.Count && offset.StartOffset - matches[0].Item1 > window)
            {
                break;
            }

            var span = word.Buffer.AsSpan(0, word.Length);
            if (!MayMatch(span))
            {
                continue;
            }

            if (!_wordLookup.TryGetValue(span, out var index))
            {
                var key = span.ToString();
                index = Analyze.Terms(_analyzer, SearchFields.Text, key).Select(t => _termIndex.GetValueOrDefault(t, -1)).FirstOrDefault(i => i >= 0, -1);
                _words[key] = index;
            }

            if (index >= 0)
            {
                matches.Add((offset.StartOffset, offset.EndOffset));
                matched.Add(index);
                if (!seen[index])
                {
                    (seen[index], seenCount) = (true, seenCount + 1);
                }
            }
        }

        stream.End();
        return (matches, matched);
    }

    /// <summary>TEMPORARY (A/B): the whole analysis chain over every word of the text, as before the matcher.</summary>
    private (List<(int Start, int End)> Matches, List<int> Terms) FindByAnalysis(string text, int window)
    {
        var lookup = _termIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        var matches = new List<(int, int)>();
        var matched = new List<int>();
        var seen = new bool[_termIndex.Count];
        var seenCount = 0;
        using var stream = _analyzer.GetTokenStream(SearchFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (seenCount == _termIndex.Count && offset.StartOffset - matches[0].Item1 > window)
            {
                break;
            }

            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var index))
            {
                matches.Add((offset.StartOffset, offset.EndOffset));
                matched.Add(index);
                if (!seen[index])
                {
                    (seen[index], seenCount) = (true, seenCount + 1);
                }
            }
        }

        stream.End();
        return (matches, matched);
    }

    /// <summary>
    /// False only when no term can come out of this word: its folded first letter, and the one
    /// after each apostrophe (an elided article — "l'épicerie" — is dropped by the analysis),
    /// begin no term.
    /// </summary>
    private bool MayMatch(ReadOnlySpan<char> word)
    {
        if (_anyInitial || word.Length == 0 || InitialMayMatch(word[0]))
        {
            return true;
        }

        for (var i = 1; i < word.Length - 1; i++)
        {
            if (word[i] is '\'' or '\u2019' && InitialMayMatch(word[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private bool InitialMayMatch(char c)
    {
        var initial = c < Initials.Length ? Initials[c] : '\0';
        return initial == '\0' || (initial < 128 && _asciiInitials[initial]);
    }

    private static char[] BuildInitials()
    {
        var initials = new char[0x250];
        var output = new char[8];
        for (var c = 0; c < initials.Length; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var length = ASCIIFoldingFilter.FoldToASCII([lower], 0, output, 0, 1);
            initials[c] = length > 0 && output[0] != '\0' ? output[0] : '\0';
        }

        return initials;
    }
}
