using RallyNov.Search.Lucene.Analysis;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class FrenchSearchAnalyzerTests
{
    [Theory]
    [InlineData("l'épicerie", "epic")] // light stemming is aggressive: the exact field keeps ranking sane
    [InlineData("d'Héricourt", "hericourt")]
    [InlineData("qu'innover", "inov")]
    [InlineData("Vélos", "velo")]
    [InlineData("vélo", "velo")]
    [InlineData("œuvre", "oeuvr")]
    [InlineData("oeuvre", "oeuvr")]
    [InlineData("été", "ete")]
    public void Stemmed_terms(string input, string expected) =>
        Assert.Equal([expected], Analyze.Terms(new FrenchSearchAnalyzer(stem: true), "body", input));

    [Theory]
    [InlineData("L'Épicerie solidaire", new[] { "epicerie", "solidaire" })]
    [InlineData("les vélos de la ville", new[] { "velos", "ville" })]
    [InlineData("Cœur", new[] { "coeur" })]
    public void Exact_terms_are_folded_but_not_stemmed(string input, string[] expected) =>
        Assert.Equal(expected, Analyze.Terms(new FrenchSearchAnalyzer(stem: false), "title_exact", input));

    [Fact]
    public void Stop_words_are_dropped() =>
        Assert.Empty(Analyze.Terms(new FrenchSearchAnalyzer(), "body", "le la les de des et"));

    [Fact]
    public void Singular_plural_and_accents_meet_on_one_term()
    {
        var analyzer = new FrenchSearchAnalyzer();
        Assert.Equal(Analyze.Terms(analyzer, "body", "épiceries solidaires"), Analyze.Terms(analyzer, "body", "epicerie solidaire"));
    }

    [Fact]
    public void Pairs_join_neighbouring_stemmed_words_and_mark_stop_word_gaps() =>
        Assert.Equal(
            ["semain _ quatr", "quatr jour", "jour _ _ semain"],
            Analyze.Terms(new FrenchSearchAnalyzer(stem: true, pairs: true), "pairs", "Semaine de quatre jours pour la semaine"));

    [Theory]
    [InlineData("personnes âgées")]
    [InlineData("semaine de quatre jours")]
    [InlineData("la semaine de la solidarité et du vélo")]
    [InlineData("porte-à-porte")]
    [InlineData("circuit court")]
    public void Query_pairs_are_pairs_the_index_holds(string phrase)
    {
        // The query side computes pairs from positions; each must be a term the analyzer indexes.
        var indexed = Analyze.Terms(new FrenchSearchAnalyzer(stem: true, pairs: true), "pairs", phrase);
        var queried = LuceneQueryBuilder.Pairs(Analyze.Positions(new FrenchSearchAnalyzer(stem: true), "text", phrase));
        Assert.NotNull(queried);
        Assert.NotEmpty(queried);
        Assert.All(queried, pair => Assert.Contains(pair, indexed));
    }

    [Theory]
    [InlineData("ÉCOLE Œuvre ÇA ÀÉÎÕÜ Ÿ straße İstanbul ΣΟΦΙΑ")]
    [InlineData("L'Épicerie SOLIDAIRE de Mâcon, 2023 !")]
    public void Lower_case_is_the_same_as_lucenes(string input)
    {
        // Our ASCII fast path must give the very terms Lucene's own filter gives (indexes depend on it).
        static List<string> Lucene(string text)
        {
            using var analyzer = global::Lucene.Net.Analysis.Analyzer.NewAnonymous((_, reader) =>
            {
                var source = new global::Lucene.Net.Analysis.Standard.StandardTokenizer(FrenchSearchAnalyzer.Version, reader);
                return new global::Lucene.Net.Analysis.TokenStreamComponents(source, new global::Lucene.Net.Analysis.Core.LowerCaseFilter(FrenchSearchAnalyzer.Version, source));
            });
            return Analyze.Terms(analyzer, "body", text);
        }

        static List<string> Ours(string text)
        {
            using var analyzer = global::Lucene.Net.Analysis.Analyzer.NewAnonymous((_, reader) =>
            {
                var source = new global::Lucene.Net.Analysis.Standard.StandardTokenizer(FrenchSearchAnalyzer.Version, reader);
                return new global::Lucene.Net.Analysis.TokenStreamComponents(source, new InvariantLowerCaseFilter(source));
            });
            return Analyze.Terms(analyzer, "body", text);
        }

        Assert.Equal(Lucene(input), Ours(input));
    }
}
