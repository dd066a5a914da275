using System.Text;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Reads what a visitor typed without ever handing it to Lucene's query syntax: "quoted phrases"
/// and a leading "-" for exclusion are honoured, every other character is plain text.
/// </summary>
internal static class UserQueryParser
{
    public const int MaxLength = 200;

    public sealed record ParsedQuery(IReadOnlyList<string> Words, IReadOnlyList<string> Phrases, IReadOnlyList<string> Excluded)
    {
        public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;
    }

    public static ParsedQuery Parse(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        var words = new List<string>();
        var phrases = new List<string>();
        var excluded = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negate = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negate)
            {
                i++;
            }

            string token;
            var phrase = text[i] == '"';
            if (phrase)
            {
                var end = text.IndexOf('"', i + 1);
                token = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                token = text[start..i];
            }

            token = token.Trim();
            if (token.Length == 0)
            {
                continue;
            }

            if (negate)
            {
                excluded.Add(token);
            }
            else if (phrase && token.Contains(' ', StringComparison.Ordinal))
            {
                phrases.Add(token);
            }
            else
            {
                words.Add(token);
            }
        }

        return new ParsedQuery(words, phrases, excluded);
    }

    /// <summary>The query as text again, for display ("Essayez avec : ...").</summary>
    public static string Normalize(string? input)
    {
        var builder = new StringBuilder();
        foreach (var c in (input ?? "").Trim())
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        var text = builder.ToString();
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }
}
