using RallyNov.Contents.Display;
using RallyNov.Core.Content;
using RallyNov.Core.Time;

namespace RallyNov.Events.Models;

/// <summary>Splits events into upcoming and past, in Paris time, and says when an event takes place.</summary>
public static class EventSchedule
{
    public static TimeZoneInfo Paris => ParisTimeZone.Zone;

    public static DateTime ParisNow(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime;

    /// <summary>
    /// Upcoming: not over yet (an event given by its day alone lasts the whole day), soonest first.
    /// Past: the most recent first; events known only by their year or period count as past
    /// once their year is over, and are placed at the start of that year.
    /// </summary>
    public static (IReadOnlyList<ContentItem> Upcoming, IReadOnlyList<ContentItem> Past) Split(IEnumerable<ContentItem> events, DateTime parisNow)
    {
        var upcoming = new List<ContentItem>();
        var past = new List<ContentItem>();
        foreach (var item in events)
        {
            (IsOver(item, parisNow) ? past : upcoming).Add(item);
        }

        return (
            upcoming.OrderBy(SortKey).ThenBy(e => e.DisplayText, StringComparer.Ordinal).ToList(),
            past.OrderByDescending(SortKey).ThenBy(e => e.DisplayText, StringComparer.Ordinal).ToList());
    }

    public static bool IsOver(ContentItem item, DateTime parisNow)
    {
        var start = item.GetDateTime(EventFields.Start, out var startHasTime);
        var end = item.GetDateTime(EventFields.End, out var endHasTime);
        if (start is null)
        {
            var year = item.GetInt(EventFields.Year);
            return year is null || year < parisNow.Year;
        }

        var last = end ?? start.Value;
        var lastHasTime = end is null ? startHasTime : endHasTime;
        return (lastHasTime ? last : last.Date.AddDays(1)) <= parisNow;
    }

    /// <summary>
    /// The next moment (UTC) an event of the list becomes past, as <see cref="IsOver"/> decides:
    /// the pages that split events into upcoming and past change then, with no edit.
    /// </summary>
    public static DateTimeOffset? NextChange(IEnumerable<ContentItem> events, DateTime parisNow)
    {
        DateTime? next = null;
        foreach (var item in events)
        {
            var start = item.GetDateTime(EventFields.Start, out var startHasTime);
            DateTime boundary;
            if (start is null)
            {
                if (item.GetInt(EventFields.Year) is not { } year || year < parisNow.Year || year >= 9999)
                {
                    continue;
                }

                boundary = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            }
            else
            {
                var end = item.GetDateTime(EventFields.End, out var endHasTime);
                var last = end ?? start.Value;
                var lastHasTime = end is null ? startHasTime : endHasTime;
                boundary = lastHasTime ? last : last.Date.AddDays(1);
            }

            if (boundary > parisNow && (next is null || boundary < next))
            {
                next = boundary;
            }
        }

        return next is { } paris ? new DateTimeOffset(ParisTimeZone.ToUtc(paris), TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Paris time from which <see cref="IsOver"/> is true: the end (or the day after an end without
    /// time), 1 January after a year alone; MinValue without any date, MaxValue when it never ends.
    /// </summary>
    public static DateTime OverAt(ContentItem item)
    {
        var start = item.GetDateTime(EventFields.Start, out var startHasTime);
        if (start is null)
        {
            return item.GetInt(EventFields.Year) switch
            {
                null => DateTime.MinValue,
                >= 9999 => DateTime.MaxValue,
                < 1 => DateTime.MinValue,
                { } year => new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            };
        }

        var end = item.GetDateTime(EventFields.End, out var endHasTime);
        var last = end ?? start.Value;
        var lastHasTime = end is null ? startHasTime : endHasTime;
        return lastHasTime ? last : last.Date.AddDays(1);
    }

    public static DateTime SortKey(ContentItem item) =>
        item.GetDateTime(EventFields.Start)
        ?? (item.GetInt(EventFields.Year) is { } year ? new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified) : DateTime.MinValue);

    /// <summary>"26 septembre 2023 à 9 h 00", "du 3 au 4 mai 2024", the period text, or the year alone.</summary>
    public static string? When(ContentItem item)
    {
        var start = item.GetDateTime(EventFields.Start, out var startHasTime);
        var end = item.GetDateTime(EventFields.End, out var endHasTime);
        if (start is null)
        {
            return item.GetString(EventFields.Period) ?? item.GetInt(EventFields.Year)?.ToString(FrenchFormat.Culture);
        }

        if (end is null || end.Value.Date == start.Value.Date)
        {
            var text = FrenchFormat.DateTime(start.Value, startHasTime);
            return end is not null && endHasTime && startHasTime ? $"{text} – {end.Value.Hour} h {end.Value.Minute:00}" : text;
        }

        return $"du {FrenchFormat.DateTime(start.Value, startHasTime)} au {FrenchFormat.DateTime(end.Value, endHasTime)}";
    }
}
