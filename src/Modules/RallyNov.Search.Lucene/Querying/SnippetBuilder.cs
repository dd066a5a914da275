using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The best ~160-character fragment of a text, with matched words in &lt;mark&gt;. Words are
/// matched through the analyzer ("vélos" highlights "vélo"); everything else is HTML-escaped.
/// </summary>
internal static class SnippetBuilder
{
    public const int Length = 160;

    /// <param name="terms">Analysed query terms, compared ordinally.</param>
    public static string Build(Analyzer analyzer, string text, HashSet<string> terms)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var matches = terms.Count == 0 ? [] : Matches(analyzer, text, terms);

        // The window starting at the match that has the most other matches within reach.
        var start = 0;
        var best = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            var windowStart = Math.Max(0, matches[i].Start - 20);
            var count = matches.Count(m => m.Start >= windowStart && m.End <= windowStart + Length);
            if (count > best)
            {
                best = count;
                start = windowStart;
            }
        }

        start = WordStart(text, start);
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, Math.Min(end - start, 30));
            end = space > start ? space : end;
        }

        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append('…');
        }

        var position = start;
        foreach (var match in matches.Where(m => m.Start >= start && m.End <= end))
        {
            builder.Append(Escape(text[position..match.Start]));
            builder.Append("<mark>").Append(Escape(text[match.Start..match.End])).Append("</mark>");
            position = match.End;
        }

        builder.Append(Escape(text[position..end]));
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Offsets of the tokens that are query terms. Tokens are compared as spans of the term
    /// buffer: only matches allocate, not every word of the text.
    /// </summary>
    private static List<(int Start, int End)> Matches(Analyzer analyzer, string text, HashSet<string> terms)
    {
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var matches = new List<(int, int)>();
        using var stream = analyzer.GetTokenStream(SearchFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (lookup.Contains(term.Buffer.AsSpan(0, term.Length)))
            {
                matches.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return matches;
    }

    /// <summary>Escapes markup only: accents stay readable in JSON and pages.</summary>
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static int WordStart(string text, int index)
    {
        if (index <= 0)
        {
            return 0;
        }

        var space = text.LastIndexOf(' ', index);
        return space < 0 ? 0 : space + 1;
    }
}
