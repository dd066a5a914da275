namespace RallyNov.Pages.Home;

/// <summary>One key figure: "143" and "participants à la rencontre régionale".</summary>
public sealed record KeyFigure(string Value, string Label);

/// <summary>Reads the "value | label" lines of a key figures item; malformed lines are skipped, never shown half.</summary>
public static class KeyFigureParser
{
    public static IReadOnlyList<KeyFigure> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var figures = new List<KeyFigure>();
        foreach (var raw in text.Split('\n'))
        {
            // Editors may type the lines as a Markdown list.
            var line = raw.Trim().TrimStart('-', '*').Trim();
            var bar = line.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0)
            {
                continue;
            }

            var value = line[..bar].Trim();
            var label = line[(bar + 1)..].Trim();
            if (value.Length > 0 && label.Length > 0)
            {
                figures.Add(new KeyFigure(value, label));
            }
        }

        return figures;
    }
}
