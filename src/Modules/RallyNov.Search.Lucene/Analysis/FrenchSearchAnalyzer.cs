using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace RallyNov.Search.Lucene.Analysis;

/// <summary>
/// French analysis: StandardTokenizer → elision (l', d', qu'...) → lower case → French stop words
/// → ASCII folding (accents, "œ" → "oe") → optional light French stemming. Lucene's own
/// FrenchAnalyzer is sealed and does not fold accents, so "velo" would miss "vélo".
/// </summary>
public sealed class FrenchSearchAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet Elisions = new(Version,
        ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    // "été" (summer / been) is a real word in our content; the default French stop set drops it.
    private static readonly CharArraySet StopWords = BuildStopWords();

    private readonly bool _stem;

    /// <param name="stem">False for the exact field: folded but not stemmed, so exact matches rank first.</param>
    public FrenchSearchAnalyzer(bool stem = true) => _stem = stem;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new ElisionFilter(source, Elisions);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new ASCIIFoldingFilter(stream);
        if (_stem)
        {
            stream = new FrenchLightStemFilter(stream);
        }

        return new TokenStreamComponents(source, stream);
    }

    /// <summary>Positions between two parts of a field (title, summary, body, extra): a phrase never spans two.</summary>
    public const int PartGap = 100;

    /// <summary>Parts of a multi-valued field (summary, body, extra) are far apart: a phrase never spans two.</summary>
    public override int GetPositionIncrementGap(string fieldName) => PartGap;

    private static CharArraySet BuildStopWords()
    {
        // Tokens are lower-cased before this filter: a case-sensitive set needs no case folding.
        var set = new CharArraySet(Version, FrenchAnalyzer.DefaultStopSet.Count, ignoreCase: false);
        foreach (var word in FrenchAnalyzer.DefaultStopSet)
        {
            if (word != "été")
            {
                set.Add(word);
            }
        }

        return set;
    }
}
