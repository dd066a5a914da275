using System.Globalization;

namespace RallyNov.Contents.Display;

/// <summary>Dates and numbers the way French readers expect them ("26 septembre 2023", "2 000").</summary>
public static class FrenchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"26 septembre 2023"; the first of the month is written "1er", as in French.</summary>
    public static string Date(DateTime date) =>
        (date.Day == 1 ? "1er" : date.Day.ToString(Culture)) + date.ToString(" MMMM yyyy", Culture);

    /// <summary>"26 septembre 2023 à 9 h 30", or the date alone when there is no time.</summary>
    public static string DateTime(DateTime value, bool hasTime) =>
        hasTime ? $"{Date(value)} à {value.Hour} h {value.Minute:00}" : Date(value);

    /// <summary>Thousands grouped with a narrow no-break space, as French typography wants.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", Culture);

    public static string Euros(decimal value) => Number(value) + " €";

    /// <summary>"1 initiative", "2 initiatives", "0 initiative" (French keeps 0 and 1 singular).</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        count.ToString("#,0", Culture) + " " + (count > 1 ? plural ?? singular + "s" : singular);
}
