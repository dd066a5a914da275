using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Events;
using RallyNov.Events.Models;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Events;

public sealed class EventScheduleTests
{
    private static readonly DateTime Now = new(2024, 2, 6, 12, 0, 0, DateTimeKind.Unspecified);

    private static ContentItem Event(string id, JsonObject content) => Items.Make(EventFields.Type, id, id, content);

    [Fact]
    public void Upcoming_soonest_first_then_past_most_recent_first()
    {
        var today = Event("today", new JsonObject { ["Start"] = "2024-02-06" });
        var later = Event("later", new JsonObject { ["Start"] = "2024-10-01" });
        var finishedThisMorning = Event("morning", new JsonObject { ["Start"] = "2024-02-06T08:00", ["End"] = "2024-02-06T10:00" });
        var meeting2023 = Event("meeting-2023", new JsonObject { ["Start"] = "2023-09-26" });
        var fair2014 = Event("fair-2014", new JsonObject { ["Year"] = 2014, ["Period"] = "mai 2014" });

        var (upcoming, past) = EventSchedule.Split([fair2014, later, meeting2023, today, finishedThisMorning], Now);

        Assert.Equal(["today", "later"], upcoming.Select(e => e.ContentItemId));
        Assert.Equal(["morning", "meeting-2023", "fair-2014"], past.Select(e => e.ContentItemId));
    }

    [Fact]
    public void An_event_of_the_current_year_without_a_day_is_not_past_yet()
    {
        Assert.False(EventSchedule.IsOver(Event("tour", new JsonObject { ["Year"] = 2024 }), Now));
        Assert.True(EventSchedule.IsOver(Event("tour", new JsonObject { ["Year"] = 2023 }), Now));
    }

    [Fact]
    public void When_says_the_date_in_French_or_the_period()
    {
        Assert.Equal("26 septembre 2023", EventSchedule.When(Event("a", new JsonObject { ["Start"] = "2023-09-26" })));
        Assert.Equal("1er octobre 2024 à 9 h 30", EventSchedule.When(Event("b", new JsonObject { ["Start"] = "2024-10-01T09:30" })));
        Assert.Equal("mai 2014", EventSchedule.When(Event("c", new JsonObject { ["Period"] = "mai 2014", ["Year"] = 2014 })));
        Assert.Equal("2014", EventSchedule.When(Event("d", new JsonObject { ["Year"] = 2014 })));
        Assert.Null(EventSchedule.When(Event("e", [])));
    }
}
