using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace RallyNov.Search.Lucene.Analysis;

/// <summary>
/// Lucene's <c>LowerCaseFilter</c> with a shortcut: a token of plain ASCII is lower-cased here;
/// any other token goes through Lucene's own code, exactly as the filter does. Lucene.NET lower-cases
/// every token through the culture's <c>TextInfo</c> (ICU on Linux): that call was half of the
/// analysis time of a rebuild, and most French words are plain ASCII. A test compares both filters.
/// </summary>
internal sealed class AsciiFirstLowerCaseFilter : TokenFilter
{
    private readonly CharacterUtils _lucene = CharacterUtils.GetInstance(FrenchSearchAnalyzer.Version);
    private readonly ICharTermAttribute _term;

    public AsciiFirstLowerCaseFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c >= 0x80)
            {
                _lucene.ToLower(buffer, 0, length); // the whole token, as LowerCaseFilter does
                return true;
            }

            if (c is >= 'A' and <= 'Z')
            {
                buffer[i] = (char)(c | 0x20);
            }
        }

        return true;
    }
}
