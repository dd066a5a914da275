using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.TokenAttributes;

namespace RallyNov.Search.Lucene.Analysis;

/// <summary>
/// The tokens of a document's texts through the unstemmed French chain, analysed once and
/// replayed into every field that needs them: the stemmed fields (title, text) get the same
/// tokens through <see cref="FrenchLightStemFilter"/>, which is the last step of the stemmed chain.
/// Before, a body went through the tokenizer twice and a summary three times; tokenizing was most
/// of a rebuild's processor time. Each replay produces exactly the terms and positions the
/// analyzer would produce for the same texts as separate values of one field (a test compares them).
/// </summary>
internal sealed class AnalyzedText
{
    private readonly List<Part> _parts = [];
    private char[] _chars = new char[256];
    private int _charCount;
    private Token[] _tokens = new Token[64];
    private int _tokenCount;

    private readonly record struct Token(int Start, int Length, int Increment);

    /// <param name="Final">Positions left after the last token (stop words at the end), as the stream's End reports them.</param>
    private readonly record struct Part(int First, int Count, int Final);

    /// <summary>Number of texts added; <see cref="Replay"/> takes their indices.</summary>
    public int PartCount => _parts.Count;

    /// <summary>Analyses one text with the unstemmed analyzer; returns its index.</summary>
    public int Add(Analyzer exact, string field, string text)
    {
        var first = _tokenCount;
        using var stream = exact.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (_tokenCount == _tokens.Length)
            {
                Array.Resize(ref _tokens, _tokens.Length * 2);
            }

            if (_charCount + term.Length > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
            }

            Array.Copy(term.Buffer, 0, _chars, _charCount, term.Length);
            _tokens[_tokenCount++] = new Token(_charCount, term.Length, increment.PositionIncrement);
            _charCount += term.Length;
        }

        stream.End();
        _parts.Add(new Part(first, _tokenCount - first, increment.PositionIncrement));
        return _parts.Count - 1;
    }

    /// <summary>
    /// The tokens of some of the texts as one stream, stemmed or not. Several texts read as
    /// separate values of one field would: each next text starts <paramref name="gap"/>
    /// positions (the analyzer's position increment gap) after the end of the one before.
    /// </summary>
    public TokenStream Replay(bool stem, int gap, params int[] parts)
    {
        TokenStream stream = new ReplayStream(this, parts, gap);
        return stem ? new FrenchLightStemFilter(stream) : stream;
    }

    private sealed class ReplayStream : TokenStream
    {
        private readonly AnalyzedText _text;
        private readonly int[] _parts;
        private readonly int _gap;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private int _part;
        private int _next;
        private int _pending;

        public ReplayStream(AnalyzedText text, int[] parts, int gap)
        {
            _text = text;
            _parts = parts;
            _gap = gap;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            while (_part < _parts.Length)
            {
                var part = _text._parts[_parts[_part]];
                if (_next < part.Count)
                {
                    var token = _text._tokens[part.First + _next++];
                    ClearAttributes();
                    _term.CopyBuffer(_text._chars, token.Start, token.Length);
                    _increment.PositionIncrement = token.Increment + _pending;
                    _pending = 0;
                    return true;
                }

                // Next text: what the indexer adds between two values of a field (the end
                // increment of the one before, then the gap).
                _pending += part.Final;
                _part++;
                _next = 0;
                if (_part < _parts.Length)
                {
                    _pending += _gap;
                }
            }

            return false;
        }

        public override void End()
        {
            base.End();
            _increment.PositionIncrement = _pending;
        }

        public override void Reset()
        {
            base.Reset();
            _part = 0;
            _next = 0;
            _pending = 0;
        }
    }
}
