using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace RallyNov.Search.Lucene.Analysis;

/// <summary>
/// Turns a stream of words into the pairs of neighbouring words ("personn age"). Words that
/// removed stop words keep apart are paired with one filler per missing word ("semain _ quatr"
/// for "semaine de quatre"), so a pair always says how far apart its two words are: a two-word
/// phrase is exactly one pair, whatever stop words it has inside. Words further apart than
/// <see cref="MaxGap"/> missing words are not paired. Lucene's ShingleFilter handles any n-gram
/// size and doubled the rebuild time; this one keeps a single previous word.
/// </summary>
internal sealed class WordPairFilter : TokenFilter
{
    /// <summary>The most stop words a pair spans.</summary>
    public const int MaxGap = 3;

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;

    // The word read before the current one.
    private char[] _before = new char[32];
    private int _beforeLength = -1;
    private char[] _current = new char[32];

    public WordPairFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>The pair of two words <paramref name="distance"/> positions apart, or null when too far.</summary>
    public static string? Pair(string left, string right, int distance)
    {
        if (distance < 1 || distance > MaxGap + 1)
        {
            return null;
        }

        var pair = new char[Length(left.Length, right.Length, distance)];
        Write(pair, left, right, distance);
        return new string(pair);
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var distance = _increment.PositionIncrement;
            var length = _term.Length;
            if (_current.Length < length)
            {
                _current = new char[length * 2];
            }

            _term.Buffer.AsSpan(0, length).CopyTo(_current);
            var hadBefore = _beforeLength >= 0 && distance <= MaxGap + 1;
            if (hadBefore)
            {
                var pairLength = Length(_beforeLength, length, distance);
                Write(_term.ResizeBuffer(pairLength), _before.AsSpan(0, _beforeLength), _current.AsSpan(0, length), distance);
                _term.Length = pairLength;
                _increment.PositionIncrement = 1;
            }

            (_before, _current, _beforeLength) = (_current, _before, length);
            if (hadBefore)
            {
                return true;
            }
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _beforeLength = -1;
    }

    private static int Length(int left, int right, int distance) => left + right + (2 * distance) - 1;

    /// <summary>"left right", with "_ " once per missing word in between.</summary>
    private static void Write(Span<char> pair, ReadOnlySpan<char> left, ReadOnlySpan<char> right, int distance)
    {
        left.CopyTo(pair);
        var at = left.Length;
        for (var gap = 1; gap < distance; gap++)
        {
            pair[at++] = FrenchSearchAnalyzer.PairSeparator[0];
            pair[at++] = FrenchSearchAnalyzer.PairFiller[0];
        }

        pair[at++] = FrenchSearchAnalyzer.PairSeparator[0];
        right.CopyTo(pair[at..]);
    }
}
