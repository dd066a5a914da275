using System.Globalization;
using System.Text;
using RallyNov.Contents.Display;
using RallyNov.Core.Content;

namespace RallyNov.Events.Calendar;

/// <summary>What the calendar needs to know about the site serving it.</summary>
/// <param name="Host">Host name used in UIDs, so an event keeps its identity across exports.</param>
/// <param name="UrlOf">Absolute public URL of an event.</param>
public sealed record CalendarContext(string Name, string Host, Func<ContentItem, string?> UrlOf);

/// <summary>
/// Writes events as iCalendar (RFC 5545): CRLF line endings, lines folded at 75 octets,
/// TEXT values escaped, local times with TZID=Europe/Paris and the matching VTIMEZONE so
/// calendar applications never guess the offset. Events known only by their month or year span
/// that month or year as all-day entries; events with no date at all are left out.
/// </summary>
public static class ICalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string Crlf = "\r\n";
    private const int MaxOctets = 75;

    public static string Write(CalendarContext context, IEnumerable<ContentItem> events)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//rally'nov//RallyNov.Cms//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + EscapeText(context.Name),
            "X-WR-TIMEZONE:Europe/Paris",
        };
        lines.AddRange(ParisTimeZone);
        foreach (var item in events)
        {
            AddEvent(lines, context, item);
        }

        lines.Add("END:VCALENDAR");
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(Fold(line)).Append(Crlf);
        }

        return builder.ToString();
    }

    /// <summary>True when the event can appear in a calendar: its day, its month or at least its year is known.</summary>
    public static bool HasDate(ContentItem item) => item.GetDateTime(EventFields.Start) is not null || PeriodOf(item) is not null;

    /// <summary>
    /// An event known only by its month ("mai 2014" in Period) or its year spans that whole month or
    /// year, as an all-day entry: calendars show it without pretending to know the day.
    /// </summary>
    public static (DateTime First, DateTime ExclusiveEnd, string Label)? PeriodOf(ContentItem item)
    {
        if (item.GetDateTime(EventFields.Start) is not null)
        {
            return null;
        }

        var period = item.GetString(EventFields.Period)?.Trim();
        if (!string.IsNullOrEmpty(period)
            && DateTime.TryParseExact(period, "MMMM yyyy", FrenchFormat.Culture, DateTimeStyles.None, out var month))
        {
            return (month, month.AddMonths(1), period);
        }

        var year = item.GetInt(EventFields.Year);
        if (year is null && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear))
        {
            year = parsedYear;
        }

        return year is >= 1900 and <= 9999 ? (new DateTime(year.Value, 1, 1), new DateTime(year.Value + 1, 1, 1), year.Value.ToString(CultureInfo.InvariantCulture)) : null;
    }

    private static void AddEvent(List<string> lines, CalendarContext context, ContentItem item)
    {
        var start = item.GetDateTime(EventFields.Start, out var startHasTime);
        var period = PeriodOf(item);
        if (start is null && period is null)
        {
            return;
        }

        var end = item.GetDateTime(EventFields.End, out var endHasTime);
        lines.Add("BEGIN:VEVENT");
        lines.Add($"UID:{item.ContentItemId}@{context.Host}");
        lines.Add("DTSTAMP:" + DateTime.SpecifyKind(item.ModifiedUtc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        if (period is { } known)
        {
            lines.Add("DTSTART;VALUE=DATE:" + Day(known.First));
            lines.Add("DTEND;VALUE=DATE:" + Day(known.ExclusiveEnd));
            lines.Add("TRANSP:TRANSPARENT");
        }
        else if (startHasTime)
        {
            lines.Add("DTSTART;TZID=Europe/Paris:" + Local(start!.Value));
            if (end is not null && endHasTime && end > start)
            {
                lines.Add("DTEND;TZID=Europe/Paris:" + Local(end.Value));
            }
        }
        else
        {
            // All-day events: DTEND is exclusive, the day after the last day.
            lines.Add("DTSTART;VALUE=DATE:" + Day(start!.Value));
            var lastDay = end is not null && end.Value.Date >= start.Value.Date ? end.Value.Date : start.Value.Date;
            lines.Add("DTEND;VALUE=DATE:" + Day(lastDay.AddDays(1)));
        }

        lines.Add("SUMMARY:" + EscapeText(item.DisplayText));
        var description = string.Join("\n\n", new[]
        {
            period is { } p ? $"Date précise non communiquée : {p.Label}." : null,
            item.GetString(EventFields.Summary),
        }.Where(s => !string.IsNullOrEmpty(s)));
        if (description.Length > 0)
        {
            lines.Add("DESCRIPTION:" + EscapeText(description));
        }

        var location = string.Join(", ", new[] { item.GetString(EventFields.Venue), item.GetString(EventFields.City) }.Where(s => !string.IsNullOrEmpty(s)));
        if (location.Length > 0)
        {
            lines.Add("LOCATION:" + EscapeText(location));
        }

        if (context.UrlOf(item) is { } url)
        {
            lines.Add("URL:" + url);
        }

        lines.Add("END:VEVENT");
    }

    /// <summary>
    /// RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped; other control
    /// characters (which the RFC forbids in text, and calendar apps choke on) are dropped.
    /// </summary>
    public static string EscapeText(string text) =>
        WithoutControls(text).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string WithoutControls(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\r' or '\n'))
            ? string.Concat(text.Where(c => !char.IsControl(c) || c is '\r' or '\n'))
            : text;

    /// <summary>RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space, never inside a UTF-8 character.</summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxOctets)
        {
            return line;
        }

        var builder = new StringBuilder();
        var octets = 0;
        var limit = MaxOctets;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                builder.Append(Crlf).Append(' ');
                octets = 0;
                limit = MaxOctets - 1; // the leading space counts
            }

            builder.Append(element);
            octets += size;
        }

        return builder.ToString();
    }

    private static string Local(DateTime value) => value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Day(DateTime value) => value.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Central European Time rules in force since 1996 (last Sunday of March / October).</summary>
    private static readonly string[] ParisTimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "X-LIC-LOCATION:Europe/Paris",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];
}
