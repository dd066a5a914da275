using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Core.Taxonomies;
using RallyNov.Events;
using RallyNov.Events.Models;
using RallyNov.Modules.Tests.Support;
using RallyNov.Taxonomies;

namespace RallyNov.Modules.Tests.Events;

/// <summary>The cards kept between requests split and expire exactly as the items they were read from.</summary>
public sealed class EventCardTests
{
    private static readonly ContentItem[] Events =
    [
        Event("today", new JsonObject { ["Start"] = "2024-02-06" }),
        Event("later", new JsonObject { ["Start"] = "2024-10-01", ["Kind"] = new JsonArray("salon") }),
        Event("morning", new JsonObject { ["Start"] = "2024-02-06T08:00", ["End"] = "2024-02-06T10:00" }),
        Event("two-days", new JsonObject { ["Start"] = "2024-02-05", ["End"] = "2024-02-07" }),
        Event("meeting-2023", new JsonObject { ["Start"] = "2023-09-26" }),
        Event("fair-2014", new JsonObject { ["Year"] = 2014, ["Period"] = "mai 2014" }),
        Event("tour-2024", new JsonObject { ["Year"] = 2024 }),
        Event("undated", []),
    ];

    public static TheoryData<string> Moments => ["2024-02-06T12:00", "2024-02-06T09:00", "2024-02-07T00:00", "2024-02-08T00:00", "2024-12-31T23:59", "2025-01-01T00:00"];

    [Theory]
    [MemberData(nameof(Moments))]
    public async Task Cards_split_and_change_as_the_items_do(string moment)
    {
        var now = DateTime.Parse(moment, System.Globalization.CultureInfo.InvariantCulture);
        var catalog = new EventCatalog(await Task.WhenAll(Events.Select(e => EventCard.FromAsync(e, new Names(), CancellationToken.None))), true);

        var (upcoming, past) = EventSchedule.Split(Events, now);
        var (cardsUpcoming, cardsPast) = catalog.Split(now);

        Assert.Equal(upcoming.Select(e => e.ContentItemId), cardsUpcoming.Select(c => c.ContentItemId));
        Assert.Equal(past.Select(e => e.ContentItemId), cardsPast.Select(c => c.ContentItemId));
        Assert.Equal(EventSchedule.NextChange(Events, now), catalog.NextChange(now));
    }

    [Fact]
    public async Task A_card_carries_what_the_summary_showed()
    {
        var card = await EventCard.FromAsync(Event("later", new JsonObject { ["Start"] = "2024-10-01", ["Kind"] = new JsonArray("salon"), ["Venue"] = "Salle", ["City"] = "Dijon" }), new Names(), CancellationToken.None);

        Assert.Equal("Salon (nom)", card.KindName);
        Assert.Equal("Salle, Dijon", card.Where);
        Assert.Equal("1er octobre 2024", card.When);
    }

    private static ContentItem Event(string id, JsonObject content) => Items.Make(EventFields.Type, id, id, content);

    private sealed class Names : ITermNames
    {
        public Task<string> NameAsync(string vocabulary, string slug, CancellationToken cancellationToken = default) => Task.FromResult(slug == "salon" ? "Salon (nom)" : slug);

        public Task<IReadOnlyList<string>> NamesAsync(string vocabulary, IEnumerable<string> slugs, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Term?> FindAsync(string vocabulary, string slug, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<Term>> TermsAsync(string vocabulary, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
