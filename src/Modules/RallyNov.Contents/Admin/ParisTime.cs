using RallyNov.Contents.Display;
using RallyNov.Core.Time;

namespace RallyNov.Contents.Admin;

/// <summary>UTC dates of the database shown as the editors read them: Paris time, in French.</summary>
public static class ParisTime
{
    public static DateTime Local(DateTime utc) => ParisTimeZone.FromUtc(utc);

    /// <summary>"24 novembre 2026 à 9 h 05".</summary>
    public static string Format(DateTime utc) => FrenchFormat.DateTime(Local(utc), hasTime: true);

    /// <summary>The value of a <c>datetime-local</c> input.</summary>
    public static string Input(DateTime utc) => Local(utc).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
