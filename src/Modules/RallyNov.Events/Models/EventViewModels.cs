using RallyNov.Core.Content;

namespace RallyNov.Events.Models;

public sealed class EventListViewModel
{
    public required IReadOnlyList<EventCard> Upcoming { get; init; }

    public required IReadOnlyList<EventCard> Past { get; init; }

    /// <summary>At least one event has a known day, so the .ics agenda is worth offering.</summary>
    public required bool HasCalendar { get; init; }
}

public sealed class EventDetailViewModel
{
    public required ContentItem Item { get; init; }

    public required bool IsOver { get; init; }
}

/// <summary>The home block: next events, or the latest ones when nothing is planned.</summary>
public sealed record EventsHomeModel(IReadOnlyList<EventCard> Upcoming, IReadOnlyList<EventCard> Recent);
