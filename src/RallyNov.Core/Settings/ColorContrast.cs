using System.Globalization;
using System.Text.RegularExpressions;

namespace RallyNov.Core.Settings;

/// <summary>
/// WCAG 2 contrast between two "#rrggbb" colours. The site's primary and accent colours carry
/// white text (menu bar, buttons) and are themselves text on white (links), so both must reach
/// <see cref="Minimum"/> against white: the settings screen refuses a colour that does not.
/// </summary>
public static partial class ColorContrast
{
    /// <summary>WCAG AA for normal text.</summary>
    public const double Minimum = 4.5;

    public const string White = "#ffffff";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static bool IsHexColor(string? value) => value is not null && HexColor().IsMatch(value);

    /// <summary>Ratio between 1 and 21; both colours must be "#rrggbb".</summary>
    public static double Ratio(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>
    /// "2,9:1" — rounded down to one decimal, so a colour at 4,46:1 reads "4,4:1" and is never shown
    /// as the "4,5:1" it fails to reach.
    /// </summary>
    public static string Format(double ratio) => (Math.Floor(ratio * 10) / 10).ToString("0.0", French) + ":1";

    /// <summary>The French reason a colour cannot carry white text, or null when it can.</summary>
    public static string? WhiteTextRefusal(string color)
    {
        var ratio = Ratio(color, White);
        return ratio >= Minimum
            ? null
            : $"Le blanc sur cette couleur a un contraste de {Format(ratio)} ; il faut au moins 4,5:1 pour que le texte reste lisible. Choisissez une teinte plus foncée.";
    }

    private static double Luminance(string hex)
    {
        if (!IsHexColor(hex))
        {
            throw new ArgumentException($"'{hex}' is not a #rrggbb colour.", nameof(hex));
        }

        double Channel(int start)
        {
            var c = int.Parse(hex.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255d;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
