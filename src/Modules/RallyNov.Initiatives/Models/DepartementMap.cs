using System.Globalization;
using System.Text;

namespace RallyNov.Initiatives.Models;

/// <summary>One département on the map, with its count and the link to the filtered list.</summary>
/// <param name="Url">Null when no initiative is published there: an area leading to an empty list is not a link.</param>
/// <param name="Impact">What the département's published initiatives declare, summed (all of them, whatever the filter).</param>
public sealed record MapArea(string Code, string Name, int Count, string? Url, bool Selected, string Path, double LabelX, double LabelY)
{
    public RallyNov.Initiatives.Impact.ImpactFigures Impact { get; init; } = RallyNov.Initiatives.Impact.ImpactFigures.None;

    /// <summary>The count as drawn on the area (« 12,7 k » from 1 000 on); the exact count is in the area's name.</summary>
    public string CountLabel => DepartementMap.CountLabel(Count);
}

/// <summary>
/// A simplified map of the eight départements of Bourgogne-Franche-Comté, drawn from a few
/// points of each outline (longitude, latitude) projected on a 440 × 340 box. It ships in the
/// code: no tile server, no download, a few hundred bytes in the page.
/// </summary>
public static class DepartementMap
{
    public const int Width = 440;
    public const int Height = 340;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// A count short enough for a département's shape: as is below 1 000, then in thousands or
    /// millions with at most one decimal, the French way (« 1,2 k », « 12,7 k », « 127 k », « 1,3 M »).
    /// Five digits drawn at the label's size overflowed the smaller départements at 100 000 initiatives.
    /// </summary>
    public static string CountLabel(int count) => count switch
    {
        < 1_000 => count.ToString(CultureInfo.InvariantCulture),
        < 999_500 => Compact(count / 1_000.0, "k"),
        _ => Compact(count / 1_000_000.0, "M"),
    };

    private static string Compact(double value, string unit) =>
        Math.Round(value, value < 100 ? 1 : 0, MidpointRounding.AwayFromZero).ToString("0.#", French) + "\u202F" + unit;

    private const double West = 2.8;
    private const double North = 48.45;

    // 1° of longitude is about 0.68 of 1° of latitude at 47° N: the y scale keeps the shapes' proportions.
    private const double XScale = 100;
    private const double YScale = 146;

    private static readonly Dictionary<string, (double Lon, double Lat)[]> Outlines = new(StringComparer.Ordinal)
    {
        ["89"] = [(3.4, 48.4), (3.9, 48.05), (4.35, 47.95), (4.3, 47.55), (4.05, 47.35), (3.55, 47.25), (3.05, 47.55), (2.85, 47.75), (3.05, 48.1)],
        ["21"] = [(4.35, 47.95), (4.75, 48.05), (5.1, 47.85), (5.45, 47.6), (5.5, 47.25), (5.35, 47.0), (4.95, 46.95), (4.45, 47.0), (4.1, 47.15), (4.05, 47.35), (4.3, 47.55)],
        ["58"] = [(3.05, 47.55), (3.55, 47.25), (4.05, 47.35), (4.1, 47.15), (4.2, 46.95), (3.95, 46.75), (3.65, 46.7), (3.35, 46.7), (3.05, 46.75), (2.9, 47.05), (2.85, 47.3)],
        ["71"] = [(4.1, 47.15), (4.45, 47.0), (4.95, 46.95), (5.35, 47.0), (5.45, 46.75), (5.3, 46.5), (5.2, 46.25), (4.75, 46.2), (4.35, 46.2), (4.0, 46.3), (3.9, 46.5), (3.65, 46.7), (3.95, 46.75), (4.2, 46.95)],
        ["70"] = [(5.45, 47.6), (5.75, 47.85), (6.1, 48.0), (6.6, 47.95), (6.85, 47.8), (6.8, 47.55), (6.5, 47.45), (6.1, 47.3), (5.7, 47.25), (5.5, 47.25)],
        ["90"] = [(6.85, 47.8), (7.05, 47.7), (7.15, 47.5), (6.95, 47.43), (6.8, 47.55)],
        ["25"] = [(5.7, 47.25), (6.1, 47.3), (6.5, 47.45), (6.8, 47.55), (6.95, 47.43), (7.05, 47.35), (6.85, 47.1), (6.45, 46.9), (6.2, 46.7), (6.1, 46.55), (5.95, 46.75), (5.75, 47.0)],
        ["39"] = [(5.35, 47.0), (5.5, 47.25), (5.7, 47.25), (5.75, 47.0), (5.95, 46.75), (6.1, 46.55), (6.05, 46.4), (5.8, 46.3), (5.45, 46.25), (5.3, 46.5), (5.45, 46.75)],
    };

    // Built once: the map of /initiatives is drawn on every uncached list page.
    private static readonly Dictionary<string, string> Paths = Outlines.ToDictionary(o => o.Key, o => BuildPath(o.Value), StringComparer.Ordinal);
    private static readonly Dictionary<string, (double X, double Y)> Labels = Outlines.ToDictionary(o => o.Key, o => BuildLabel(o.Value), StringComparer.Ordinal);

    public static bool Knows(string code) => Outlines.ContainsKey(code);

    /// <summary>The SVG path ("M x,y L … Z") of a département.</summary>
    public static string PathOf(string code) => Paths[code];

    /// <summary>Where the label goes: the mean of the outline's points.</summary>
    public static (double X, double Y) LabelOf(string code) => Labels[code];

    private static string BuildPath((double Lon, double Lat)[] outline)
    {
        var builder = new StringBuilder();
        foreach (var (lon, lat) in outline)
        {
            var (x, y) = Project(lon, lat);
            builder.Append(builder.Length == 0 ? "M" : " L").Append(Format(x)).Append(',').Append(Format(y));
        }

        return builder.Append(" Z").ToString();
    }

    private static (double X, double Y) BuildLabel((double Lon, double Lat)[] outline)
    {
        var points = outline.Select(p => Project(p.Lon, p.Lat)).ToList();
        return (Math.Round(points.Average(p => p.X), 1), Math.Round(points.Average(p => p.Y), 1));
    }

    private static (double X, double Y) Project(double lon, double lat) =>
        (Math.Round((lon - West) * XScale, 1), Math.Round((North - lat) * YScale, 1));

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
