using System.Xml;

namespace RallyNov.Core.Text;

/// <summary>
/// Characters that XML 1.0 forbids (C0 controls other than tab, line feed and carriage return,
/// lone surrogates, U+FFFE and U+FFFF): an XML writer refuses them, so one such character in a
/// title used to make /feed.xml answer 500 for good. Content is cleaned when saved; feeds, the
/// sitemap and calendars clean what they write as well, for data saved before.
/// </summary>
public static class XmlText
{
    public static bool IsValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>The text without the characters XML 1.0 forbids (the same string when there are none).</summary>
    public static string Strip(string text)
    {
        if (IsValid(text))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary><see cref="Strip(string)"/> that lets null through.</summary>
    public static string? StripOrNull(string? text) => text is null ? null : Strip(text);
}
