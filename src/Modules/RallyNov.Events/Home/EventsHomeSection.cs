using RallyNov.Contents.Home;
using RallyNov.Core.Caching;
using RallyNov.Contents.Querying;
using RallyNov.Events.Models;

namespace RallyNov.Events.Home;

internal sealed class EventsHomeSection(IPublishedContentReader reader, TimeProvider clock, IOutputCacheHints cache) : IHomeSection
{
    private const int Count = 3;

    public string Key => "evenements";

    public string Label => "Prochains événements";

    public string ModuleId => EventsModule.ModuleId;

    public int Order => 40;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        var all = await reader.AllAsync(EventFields.Type, cancellationToken);
        if (all.Count == 0)
        {
            return null;
        }

        var now = EventSchedule.ParisNow(clock);
        var (upcoming, past) = EventSchedule.Split(all, now);
        if (EventSchedule.NextChange(all, now) is { } at)
        {
            cache.ChangesAt(at); // the home page lists upcoming events
        }

        return new HomeSectionView("/Views/Events/_HomeSection.cshtml", new EventsHomeModel(upcoming.Take(Count).ToList(), upcoming.Count == 0 ? past.Take(Count).ToList() : []));
    }
}
