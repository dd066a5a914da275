using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class SnippetBuilderTests
{
    private static readonly global::Lucene.Net.Analysis.Analyzer Analyzer = TenantSearchIndex.CreateAnalyzer();

    private static HashSet<string> Terms(string query) => Analyze.Terms(Analyzer, SearchFields.Text, query).ToHashSet(StringComparer.Ordinal);

    private static string Build(HashSet<string> terms, string summary, string body) => SnippetBuilder.Build(Analyzer, summary, body, terms);

    [Fact]
    public void The_summary_wins_when_it_holds_every_word()
    {
        var snippet = Build(Terms("vélo solidaire"), "Un atelier de vélos solidaires à Dole.", "Les vélos réparés sont prêtés. " + new string('x', 300));
        Assert.Equal("Un atelier de <mark>vélos</mark> <mark>solidaires</mark> à Dole.", snippet);
    }

    [Fact]
    public void The_body_wins_when_it_has_more_matches()
    {
        var body = string.Join(' ', Enumerable.Repeat("Du texte sans rapport.", 20)) + " Une épicerie solidaire, l'épicerie du quartier.";
        var snippet = Build(Terms("épicerie solidaire"), "Une épicerie de village.", body);
        Assert.StartsWith("…", snippet);
        Assert.Contains("<mark>épicerie</mark> <mark>solidaire</mark>, <mark>l&#39;épicerie</mark>", snippet);
    }

    [Fact]
    public void Markup_is_escaped_and_a_text_without_match_starts_at_its_beginning()
    {
        Assert.Equal("&lt;b&gt;Tom &amp; Léa&lt;/b&gt; &quot;ici&quot;", Build(Terms("vélo"), "<b>Tom & Léa</b> \"ici\"", ""));
        Assert.Equal("Corps seul", Build(Terms("vélo"), "", "Corps seul"));
        Assert.Equal("", Build(Terms("vélo"), "", ""));
    }
}
