namespace RallyNov.Core.Time;

/// <summary>
/// The one time zone of the network: dates are stored in UTC and typed and read in Europe/Paris,
/// whatever the server's own zone.
/// </summary>
public static class ParisTimeZone
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>A UTC date (kind ignored: the database gives Unspecified) as Paris wall-clock time.</summary>
    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A Paris wall-clock time in UTC (the caller refuses times skipped by the summer-time change).</summary>
    public static DateTime ToUtc(DateTime paris) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(paris, DateTimeKind.Unspecified), Zone);
}
