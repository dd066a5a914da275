using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace RallyNov.Search.Lucene.Analysis;

/// <summary>
/// Turns a stream of words into the pairs of neighbouring words ("personn age"); a gap left by a
/// removed stop word gives a pair on each side with a filler ("semain _", "_ quatr"). Lucene's
/// ShingleFilter does this too, but handles any n-gram size and doubled the rebuild time; this
/// one keeps a single previous word.
/// </summary>
internal sealed class WordPairFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    // Two buffers swapped at each word: the word just read, and the one before it.
    private char[] _last = new char[32];
    private char[] _before = new char[32];
    private int _lastLength = -1;
    private int _beforeLength = -1;
    private bool _pendingGapPair;

    public WordPairFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pendingGapPair)
        {
            // The second pair of a gap: the filler, then the word just read.
            _pendingGapPair = false;
            Write(Filler, _last.AsSpan(0, _lastLength));
            return true;
        }

        while (m_input.IncrementToken())
        {
            var gap = _increment.PositionIncrement > 1;
            (_before, _last) = (_last, _before);
            (_beforeLength, _lastLength) = (_lastLength, _term.Length);
            if (_last.Length < _lastLength)
            {
                _last = new char[_lastLength * 2];
            }

            _term.Buffer.AsSpan(0, _lastLength).CopyTo(_last);
            if (_beforeLength < 0)
            {
                continue; // the first word only starts the first pair
            }

            Write(_before.AsSpan(0, _beforeLength), gap ? Filler : _last.AsSpan(0, _lastLength));
            _pendingGapPair = gap;
            return true;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _lastLength = -1;
        _beforeLength = -1;
        _pendingGapPair = false;
    }

    private static ReadOnlySpan<char> Filler => FrenchSearchAnalyzer.PairFiller;

    private void Write(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var length = left.Length + 1 + right.Length;
        var buffer = _term.ResizeBuffer(length);
        left.CopyTo(buffer);
        buffer[left.Length] = FrenchSearchAnalyzer.PairSeparator[0];
        right.CopyTo(buffer.AsSpan(left.Length + 1));
        _term.Length = length;
        _increment.PositionIncrement = 1;
    }
}
