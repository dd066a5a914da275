using RallyNov.Contents.Home;
using RallyNov.Core.Caching;
using RallyNov.Contents.Querying;
using RallyNov.Events.Models;
using RallyNov.Taxonomies;

namespace RallyNov.Events.Home;

internal sealed class EventsHomeSection(IPublishedViews views, ITermNames terms, TimeProvider clock, IOutputCacheHints cache) : IHomeSection
{
    private const int Count = 3;

    public string Key => "evenements";

    public string Label => "Prochains événements";

    public string ModuleId => EventsModule.ModuleId;

    public int Order => 40;

    public async Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken)
    {
        var catalog = await EventCatalog.GetAsync(views, terms, cancellationToken);
        if (catalog.Events.Count == 0)
        {
            return null;
        }

        var now = EventSchedule.ParisNow(clock);
        var (upcoming, past) = catalog.Split(now);
        if (catalog.NextChange(now) is { } at)
        {
            cache.ChangesAt(at); // the home page lists upcoming events
        }

        return new HomeSectionView("/Views/Events/_HomeSection.cshtml", new EventsHomeModel(upcoming.Take(Count).ToList(), upcoming.Count == 0 ? past.Take(Count).ToList() : []));
    }
}
