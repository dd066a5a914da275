using System.Globalization;
using RallyNov.Core.Time;

namespace RallyNov.AuditTrail.Admin;

/// <summary>The screen speaks Paris time: a day filter is midnight to midnight in Europe/Paris.</summary>
internal static class ParisDates
{
    /// <summary>Midnight (Paris) of a "yyyy-MM-dd" date, plus <paramref name="addDays"/>, in UTC; null when absent or malformed.</summary>
    public static DateTime? StartOfDayUtc(string? date, int addDays = 0)
    {
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        var local = day.AddDays(addDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return ParisTimeZone.ToUtc(local);
    }
}
