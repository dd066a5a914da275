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

    /// <summary>
    /// The best fragment of the summary, or of the body when it has more matches there. The summary
    /// is read first and, when one of its windows holds every query term, the body is not analysed
    /// at all: analysis is most of a snippet's cost, and bodies are several times longer.
    /// </summary>
    /// <param name="terms">Analysed query terms, compared ordinally.</param>
    public static string Build(Analyzer analyzer, string summary, string body, HashSet<string> terms)
    {
        var (text, matches, start) = ("", new List<(int Start, int End)>(), 0);
        var bestCount = -1;
        foreach (var part in (string[])[summary, body])
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }

            var (partMatches, partStart, count, complete) = BestWindow(analyzer, part, terms);
            if (count > bestCount)
            {
                (text, matches, start, bestCount) = (part, partMatches, partStart, count);
            }

            if (complete)
            {
                break;
            }
        }

        return bestCount < 0 ? "" : Render(text, matches, start);
    }

    /// <summary>
    /// The start of the window of <see cref="Length"/> characters, beginning a little before a
    /// match, that holds the most matches; complete when that window holds every query term.
    /// </summary>
    private static (List<(int Start, int End)> Matches, int Start, int Count, bool Complete) BestWindow(Analyzer analyzer, string text, HashSet<string> terms)
    {
        var (matches, matched) = terms.Count == 0 ? ([], []) : Matches(analyzer, text, terms);
        var (start, best, complete) = (0, 0, false);
        for (var i = 0; i < matches.Count; i++)
        {
            var windowStart = Math.Max(0, matches[i].Start - 20);
            var (count, distinct) = (0, new HashSet<int>());
            for (var j = i; j < matches.Count && matches[j].End <= windowStart + Length; j++)
            {
                count++;
                distinct.Add(matched[j]);
            }

            if (count > best)
            {
                (start, best) = (windowStart, count);
                complete = distinct.Count == terms.Count;
            }
        }

        return (matches, start, best, complete);
    }

    private static string Render(string text, List<(int Start, int End)> matches, int start)
    {
        start = WordStart(text, start);
        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, Math.Min(end - start, 30));
            end = space > start ? space : end;
        }

        var builder = new StringBuilder(Length + 64);
        if (start > 0)
        {
            builder.Append('…');
        }

        var position = start;
        foreach (var match in matches)
        {
            if (match.Start >= start && match.End <= end)
            {
                Escape(builder, text.AsSpan(position, match.Start - position));
                builder.Append("<mark>");
                Escape(builder, text.AsSpan(match.Start, match.End - match.Start));
                builder.Append("</mark>");
                position = match.End;
            }
        }

        Escape(builder, text.AsSpan(position, end - position));
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Offsets of the tokens that are query terms, with the index of the term each one is, in
    /// text order. Tokens are compared as spans of the term buffer: only matches allocate. The
    /// analysis stops once every term has matched and the window after the first match is passed.
    /// </summary>
    private static (List<(int Start, int End)> Matches, List<int> Terms) Matches(Analyzer analyzer, string text, HashSet<string> terms)
    {
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var matches = new List<(int, int)>();
        var matched = new List<int>();
        var seen = new List<string>();
        using var stream = analyzer.GetTokenStream(SearchFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (seen.Count == terms.Count && offset.StartOffset > matches[0].Item1 + Length)
            {
                break;
            }

            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var actual))
            {
                var index = seen.IndexOf(actual);
                if (index < 0)
                {
                    index = seen.Count;
                    seen.Add(actual);
                }

                matches.Add((offset.StartOffset, offset.EndOffset));
                matched.Add(index);
            }
        }

        stream.End();
        return (matches, matched);
    }

    /// <summary>Escapes markup only: accents stay readable in JSON and pages.</summary>
    private static void Escape(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }
    }

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
