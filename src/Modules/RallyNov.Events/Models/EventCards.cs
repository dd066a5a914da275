using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Core.Time;
using RallyNov.Events.Calendar;
using RallyNov.Taxonomies;

namespace RallyNov.Events.Models;

/// <summary>
/// What an event's card shows, read from its JSON once (immutable: shared by requests). The kind's
/// name is resolved when the card is built: a vocabulary change moves the tenant's version, so
/// the card is rebuilt.
/// </summary>
/// <param name="SortKey">As <see cref="EventSchedule.SortKey"/>.</param>
/// <param name="OverAt">Paris time from which the event is past (<see cref="EventSchedule.IsOver"/>).</param>
public sealed record EventCard(
    string ContentItemId,
    string? Slug,
    string Title,
    string? Kind,
    string? KindName,
    string? When,
    string Where,
    string? Summary,
    MediaValue? Image,
    DateTime SortKey,
    DateTime OverAt)
{
    public static async Task<EventCard> FromAsync(ContentItem item, ITermNames terms, CancellationToken cancellationToken)
    {
        var kind = item.GetFirst(EventFields.Kind);
        return new EventCard(
            item.ContentItemId,
            item.Slug,
            item.DisplayText,
            kind,
            kind is null ? null : await terms.NameAsync(Vocabularies.EventKinds, kind, cancellationToken),
            EventSchedule.When(item),
            string.Join(", ", new[] { item.GetString(EventFields.Venue), item.GetString(EventFields.City) }.Where(s => !string.IsNullOrEmpty(s))),
            item.GetString(EventFields.Summary),
            item.GetMedia(EventFields.Image),
            EventSchedule.SortKey(item),
            EventSchedule.OverAt(item));
    }

    public bool IsOver(DateTime parisNow) => OverAt <= parisNow;
}

/// <summary>/evenements and the home block: every published event as a card, built once per tenant version.</summary>
public sealed record EventCatalog(IReadOnlyList<EventCard> Events, bool HasCalendar)
{
    public static Task<EventCatalog> GetAsync(IPublishedViews views, ITermNames terms, CancellationToken cancellationToken) =>
        views.GetAsync(EventFields.Type, "catalog", async (reader, ct) =>
        {
            var all = await reader.AllAsync(EventFields.Type, ct);
            var cards = new EventCard[all.Count];
            for (var i = 0; i < all.Count; i++)
            {
                cards[i] = await EventCard.FromAsync(all[i], terms, ct);
            }

            return new EventCatalog(cards, all.Any(ICalendarWriter.HasDate));
        }, cancellationToken);

    /// <summary>As <see cref="EventSchedule.Split"/>, at the time of the request.</summary>
    public (IReadOnlyList<EventCard> Upcoming, IReadOnlyList<EventCard> Past) Split(DateTime parisNow) => (
        Events.Where(e => !e.IsOver(parisNow)).OrderBy(e => e.SortKey).ThenBy(e => e.Title, StringComparer.Ordinal).ToList(),
        Events.Where(e => e.IsOver(parisNow)).OrderByDescending(e => e.SortKey).ThenBy(e => e.Title, StringComparer.Ordinal).ToList());

    /// <summary>As <see cref="EventSchedule.NextChange"/>: when the next upcoming event becomes past.</summary>
    public DateTimeOffset? NextChange(DateTime parisNow)
    {
        var next = DateTime.MaxValue;
        foreach (var card in Events)
        {
            if (card.OverAt > parisNow && card.OverAt < next)
            {
                next = card.OverAt;
            }
        }

        return next == DateTime.MaxValue ? null : new DateTimeOffset(ParisTimeZone.ToUtc(next), TimeSpan.Zero);
    }
}
