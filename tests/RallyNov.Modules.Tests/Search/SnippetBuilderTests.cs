using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class SnippetBuilderTests
{
    private static readonly global::Lucene.Net.Analysis.Analyzer Analyzer = TenantSearchIndex.CreateAnalyzer();

    private static SnippetMatcher Terms(string query) => new(Analyzer, Analyze.Terms(Analyzer, SearchFields.Text, query).ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void The_summary_wins_when_it_holds_every_word()
    {
        var snippet = SnippetBuilder.Build(Terms("vélo solidaire"), "Un atelier de vélos solidaires à Dole.", "Les vélos réparés sont prêtés. " + new string('x', 300));
        Assert.Equal("Un atelier de <mark>vélos</mark> <mark>solidaires</mark> à Dole.", snippet);
    }

    [Fact]
    public void The_body_wins_when_it_has_more_matches()
    {
        var body = string.Join(' ', Enumerable.Repeat("Du texte sans rapport.", 20)) + " Une épicerie solidaire, l'épicerie du quartier.";
        var snippet = SnippetBuilder.Build(Terms("épicerie solidaire"), "Une épicerie de village.", body);
        Assert.StartsWith("…", snippet);
        Assert.Contains("<mark>épicerie</mark> <mark>solidaire</mark>, <mark>l&#39;épicerie</mark>", snippet);
    }

    [Fact]
    public void Markup_is_escaped_and_a_text_without_match_starts_at_its_beginning()
    {
        Assert.Equal("&lt;b&gt;Tom &amp; Léa&lt;/b&gt; &quot;ici&quot;", SnippetBuilder.Build(Terms("vélo"), "<b>Tom & Léa</b> \"ici\"", ""));
        Assert.Equal("Corps seul", SnippetBuilder.Build(Terms("vélo"), "", "Corps seul"));
        Assert.Equal("", SnippetBuilder.Build(Terms("vélo"), "", ""));
    }

    /// <summary>
    /// The matcher skips words that cannot match without analysing them: for every term of a
    /// varied text (elisions, capitals, accents, ligatures, plurals in -aux, doubled letters),
    /// it must find exactly the words the whole analysis chain finds.
    /// </summary>
    [Fact]
    public void The_matcher_finds_exactly_the_words_the_analyzer_finds()
    {
        const string text = "L'Épicerie solidaire d'Héricourt accueille les ŒUVRES des chevaux, journaux et travaux " +
            "qu'elle a reçus ; aujourd'hui l’atelier « vélo » prête 12 vélos. Été 2023 : covid-19, tiers-lieu, " +
            "Coopérative d'habitants à Besançon, Zoé et Ærø, naïveté, façade, Straße, résumé ÇA VA, " +
            "jusqu'au bout, lorsqu'il pleut, PERSONNES ÂGÉES, l'œuvre, accessibilité, allée, passeraient.";
        var tokens = Analyze.Tokens(Analyzer, SearchFields.Text, text);
        Assert.True(tokens.Count > 40);
        foreach (var term in tokens.Select(t => t.Term).Distinct())
        {
            var expected = tokens.Where(t => t.Term == term).Select(t => (t.Start, t.End)).ToList();
            var (matches, indexes) = new SnippetMatcher(Analyzer, [term]).Find(text, int.MaxValue);
            Assert.True(expected.SequenceEqual(matches), $"« {term} » : {string.Join(' ', matches)} au lieu de {string.Join(' ', expected)}");
            Assert.All(indexes, i => Assert.Equal(0, i));
        }

        // Several terms: each match says which term it is, in the terms' order.
        var two = new SnippetMatcher(Analyzer, Analyze.Terms(Analyzer, SearchFields.Text, "vélo œuvre"));
        Assert.Equal([1, 0, 0], two.Find(text, int.MaxValue).Terms.Take(3));
    }
}
