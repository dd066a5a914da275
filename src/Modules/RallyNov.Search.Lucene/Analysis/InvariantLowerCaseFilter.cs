using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace RallyNov.Search.Lucene.Analysis;

/// <summary>
/// Lower-cases tokens like Lucene's LowerCaseFilter (invariant culture), with a fast path for
/// ASCII and Latin-1 letters (all of French but Œ and Ÿ): Lucene.NET's filter asks ICU for every
/// token, a measurable share of both indexing and snippet highlighting. Other characters go
/// through char.ToLowerInvariant, the same mapping; characters outside the BMP (no French
/// letter is) are left as they are.
/// </summary>
internal sealed class InvariantLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer.AsSpan(0, _term.Length);
        for (var i = 0; i < buffer.Length; i++)
        {
            var c = buffer[i];
            if (c < 0x100)
            {
                // A-Z and À-Þ (but ×) are their lower case minus 0x20; nothing else below U+0100 has a lower case.
                if (c is (>= 'A' and <= 'Z') or (>= '\u00C0' and <= '\u00DE' and not '\u00D7'))
                {
                    buffer[i] = (char)(c | 0x20);
                }
            }
            else if (!char.IsSurrogate(c))
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }

        return true;
    }
}
