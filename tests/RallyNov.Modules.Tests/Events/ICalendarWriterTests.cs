using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Events;
using RallyNov.Events.Calendar;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Events;

public sealed class ICalendarWriterTests
{
    private static readonly CalendarContext Context = new("rally'nov; test, agenda", "rallynov.test", i => "https://rallynov.test/evenements/" + i.Slug);

    private static ContentItem Event(string id, string title, JsonObject content) => Items.Make(EventFields.Type, id, title, content);

    [Fact]
    public void Timed_event_uses_the_Paris_time_zone_and_parses()
    {
        var text = ICalendarWriter.Write(Context, [Event("evt-1", "Rencontre régionale", new JsonObject
        {
            ["Start"] = "2023-09-26T09:00",
            ["End"] = "2023-09-26T17:30",
            ["Venue"] = "Cinéma Olympia",
            ["City"] = "Dijon",
        })]);

        var lines = ICalendarParser.Parse(text);
        var start = Assert.Single(lines, l => l.Name == "DTSTART" && l.Parameters.ContainsKey("TZID"));
        Assert.Equal("Europe/Paris", start.Parameters["TZID"]);
        Assert.Equal("20230926T090000", start.Value);
        Assert.Equal("20230926T173000", Assert.Single(lines, l => l.Name == "DTEND").Value);
        Assert.Contains(lines, l => l.Name == "TZID" && l.Value == "Europe/Paris");
        Assert.Equal(1, lines.Count(l => l.Name == "BEGIN" && l.Value == "VTIMEZONE"));
        Assert.Equal("Cinéma Olympia, Dijon", ICalendarParser.Unescape(Assert.Single(lines, l => l.Name == "LOCATION").Value));
        Assert.Equal("evt-1@rallynov.test", Assert.Single(lines, l => l.Name == "UID").Value);
        Assert.Equal("20230901T080000Z", Assert.Single(lines, l => l.Name == "DTSTAMP").Value);
        Assert.Equal("https://rallynov.test/evenements/evt-1", Assert.Single(lines, l => l.Name == "URL").Value);
        Assert.Equal("2.0", Assert.Single(lines, l => l.Name == "VERSION").Value);
        Assert.Single(lines, l => l.Name == "PRODID");
    }

    [Fact]
    public void Day_only_event_is_an_all_day_event_with_an_exclusive_end()
    {
        var lines = ICalendarParser.Parse(ICalendarWriter.Write(Context, [Event("evt-2", "Séminaire", new JsonObject { ["Start"] = "2023-02-28" })]));
        var start = Assert.Single(lines, l => l.Name == "DTSTART" && l.Parameters.GetValueOrDefault("VALUE") == "DATE");
        Assert.Equal("20230228", start.Value);
        Assert.Equal("20230301", Assert.Single(lines, l => l.Name == "DTEND").Value);
    }

    [Fact]
    public void Text_is_escaped_and_long_lines_are_folded_without_breaking_characters()
    {
        var summary = "Ateliers; défis, productions\\idées\nsur deux lignes – " + string.Concat(Enumerable.Repeat("éàü ", 40));
        var text = ICalendarWriter.Write(Context, [Event("evt-3", "Défis de l'IS; journée, ateliers", new JsonObject
        {
            ["Start"] = "2023-04-04",
            ["Summary"] = summary.Trim(),
        })]);

        var lines = ICalendarParser.Parse(text);
        Assert.Equal("Défis de l'IS; journée, ateliers", ICalendarParser.Unescape(Assert.Single(lines, l => l.Name == "SUMMARY").Value));
        Assert.Equal(summary.Trim(), ICalendarParser.Unescape(Assert.Single(lines, l => l.Name == "DESCRIPTION").Value));
        Assert.Equal("rally'nov; test, agenda", ICalendarParser.Unescape(Assert.Single(lines, l => l.Name == "X-WR-CALNAME").Value));
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_known_by_their_month_or_year_span_it_as_all_day_entries_and_undated_ones_are_left_out()
    {
        var lines = ICalendarParser.Parse(ICalendarWriter.Write(Context,
        [
            Event("evt-4", "Salon", new JsonObject { ["Period"] = "février 2014", ["Year"] = 2014 }),
            Event("evt-5", "Rencontre", new JsonObject { ["Start"] = "2024-10-01" }),
            Event("evt-6", "Remise des prix", new JsonObject { ["Year"] = 2014 }),
            Event("evt-7", "Sans date", new JsonObject()),
        ]));
        Assert.Equal(3, lines.Count(l => l.Name == "BEGIN" && l.Value == "VEVENT"));
        Assert.Contains(lines, l => l.Name == "DTSTART" && l.Value == "20140201");
        Assert.Contains(lines, l => l.Name == "DTEND" && l.Value == "20140301");
        Assert.Contains(lines, l => l.Name == "DTSTART" && l.Value == "20140101");
        Assert.Contains(lines, l => l.Name == "DTEND" && l.Value == "20150101");
        Assert.True(ICalendarWriter.HasDate(Event("evt-6", "x", new JsonObject { ["Year"] = 2014 })));
        Assert.False(ICalendarWriter.HasDate(Event("evt-7", "x", new JsonObject())));
    }

    [Fact]
    public void An_empty_calendar_is_still_valid()
    {
        var lines = ICalendarParser.Parse(ICalendarWriter.Write(Context, []));
        Assert.Equal("END", lines[^1].Name);
        Assert.DoesNotContain(lines, l => l.Value == "VEVENT");
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("a\r\nb", "a\\nb")]
    public void EscapeText_follows_RFC_5545(string input, string expected) => Assert.Equal(expected, ICalendarWriter.EscapeText(input));
}
