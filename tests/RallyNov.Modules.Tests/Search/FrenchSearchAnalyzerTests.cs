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
}
