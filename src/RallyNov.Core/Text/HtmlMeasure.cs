namespace RallyNov.Core.Text;

/// <summary>
/// Size, elements and nesting of an HTML fragment, read in one pass without building a tree
/// (see <see cref="HtmlCleaner.Measure"/>). The count errs on the safe side: an element the HTML
/// parser would close implicitly stays open here unless it is a list item, paragraph, cell or row
/// followed by its like; the editor's own output always closes its elements.
/// </summary>
public readonly record struct HtmlMeasure(int Length, int Elements, int Depth, HtmlComplexity? Problem)
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    // Their content is text up to their own end tag.
    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    // A start tag of one of these closes an open one of the same name (<li>a<li>b).
    private static readonly HashSet<string> SelfSiblingElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "li", "p", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rp", "rt",
    };

    public static HtmlMeasure Of(string html)
    {
        if (html.Length > HtmlLimits.MaxLength)
        {
            return new HtmlMeasure(html.Length, 0, 0, HtmlComplexity.TooLong);
        }

        // Never deeper than the limit: past it the answer is known and the scan stops.
        var open = new List<string>(16);
        var elements = 0;
        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var next = html[lt + 1];
            if (next == '!' || next == '?')
            {
                // Comment, doctype, CDATA or processing instruction: no element.
                i = string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0
                    ? IndexAfter(html, "-->", lt + 4)
                    : IndexAfter(html, ">", lt + 2);
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? lt + 2 : lt + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1; // a lone "<" in text
                continue;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = EndOfTag(html, nameEnd);
            i = tagEnd;
            if (closing)
            {
                var at = open.LastIndexOf(name);
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }

                continue;
            }

            if (++elements > HtmlLimits.MaxElements)
            {
                return new HtmlMeasure(html.Length, elements, depth, HtmlComplexity.TooManyElements);
            }

            if (VoidElements.Contains(name))
            {
                continue;
            }

            if (RawTextElements.Contains(name))
            {
                var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            if (SelfSiblingElements.Contains(name) && open.Count > 0 && open[^1] == name)
            {
                open.RemoveAt(open.Count - 1);
            }

            open.Add(name);
            depth = Math.Max(depth, open.Count);
            if (depth > HtmlLimits.MaxDepth)
            {
                return new HtmlMeasure(html.Length, elements, depth, HtmlComplexity.TooDeep);
            }
        }

        return new HtmlMeasure(html.Length, elements, depth, null);
    }

    private static int IndexAfter(string html, string marker, int from)
    {
        var at = html.IndexOf(marker, Math.Min(from, html.Length), StringComparison.Ordinal);
        return at < 0 ? html.Length : at + marker.Length;
    }

    /// <summary>
    /// The index after the tag's closing "&gt;". As in the HTML tokenizer, a quote only opens a
    /// value right after "=": elsewhere it is part of a name and cannot hide the rest of the text.
    /// </summary>
    private static int EndOfTag(string html, int from)
    {
        var i = from;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (c != '=')
            {
                i++;
                continue;
            }

            i++;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i < html.Length && html[i] is '"' or '\'')
            {
                var close = html.IndexOf(html[i], i + 1);
                i = close < 0 ? html.Length : close + 1;
            }
        }

        return html.Length;
    }
}
