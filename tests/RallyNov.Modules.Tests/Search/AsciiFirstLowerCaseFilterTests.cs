using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using RallyNov.Search.Lucene.Analysis;

namespace RallyNov.Modules.Tests.Search;

public sealed class AsciiFirstLowerCaseFilterTests
{
    [Theory]
    [InlineData("Épicerie SOLIDAIRE de DOLE")]
    [InlineData("ŒUVRE Cœur ÇA À l'ÉTÉ")]
    [InlineData("İSTANBUL ΣΟΦΙΑ Straße ǅemal")]
    [InlineData("ABCxyz 123 Z@a [a] `b` {c}")]
    [InlineData("𝐀𝐁𝐂 Ａｂｃ")]
    public void Lower_cases_every_token_exactly_as_Lucene_does(string text) =>
        Assert.Equal(Tokens(text, input => new LowerCaseFilter(FrenchSearchAnalyzer.Version, input)), Tokens(text, input => new AsciiFirstLowerCaseFilter(input)));

    private static List<string> Tokens(string text, Func<TokenStream, TokenStream> lower)
    {
        var tokens = new List<string>();
        using var stream = lower(new WhitespaceTokenizer(FrenchSearchAnalyzer.Version, new StringReader(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        Assert.NotEmpty(tokens);
        return tokens;
    }
}
