using System.Text;

namespace RallyNov.Modules.Tests.Events;

/// <summary>
/// A strict little reader of iCalendar text, enough to check what RFC 5545 requires of our
/// output: CRLF everywhere, folded lines of at most 75 octets, balanced BEGIN/END, properties
/// as NAME[;PARAM=V]:VALUE. Returns the unfolded content lines.
/// </summary>
public static class ICalendarParser
{
    public sealed record Line(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

    public static IReadOnlyList<Line> Parse(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var physical = text[..^2].Split("\r\n");
        Assert.All(physical, l => Assert.DoesNotContain('\n', l));
        Assert.All(physical, l => Assert.DoesNotContain('\r', l));
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"line longer than 75 octets: {l}"));

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                Assert.NotEmpty(logical);
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var lines = logical.Select(ParseLine).ToList();
        var stack = new Stack<string>();
        foreach (var line in lines)
        {
            if (line.Name == "BEGIN")
            {
                stack.Push(line.Value);
            }
            else if (line.Name == "END")
            {
                Assert.True(stack.Count > 0, "END without BEGIN: " + line.Value);
                Assert.Equal(stack.Pop(), line.Value);
            }
        }

        Assert.Empty(stack);
        Assert.Equal("VCALENDAR", lines[0].Value);
        return lines;
    }

    /// <summary>Reverses RFC 5545 TEXT escaping, failing on an escape the RFC does not define.</summary>
    public static string Unescape(string value)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                Assert.True(i + 1 < value.Length, "dangling backslash");
                var next = value[++i];
                builder.Append(next switch
                {
                    'n' or 'N' => '\n',
                    '\\' or ';' or ',' => next,
                    _ => throw new Xunit.Sdk.XunitException($"invalid escape \\{next}"),
                });
            }
            else
            {
                Assert.False(c is ';' or ',', $"unescaped '{c}' in TEXT value: {value}");
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static Line ParseLine(string line)
    {
        var colon = IndexOfValueColon(line);
        Assert.True(colon > 0, "no ':' in content line: " + line);
        var head = line[..colon].Split(';');
        Assert.Matches("^[A-Z][A-Z0-9-]*$", head[0]);
        var parameters = head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        return new Line(head[0], parameters, line[(colon + 1)..]);
    }

    // Parameter values may be quoted and contain ':'; the value starts at the first colon outside quotes.
    private static int IndexOfValueColon(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ':' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }
}
