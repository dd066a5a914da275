using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Caching;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;
using RallyNov.Events.Calendar;
using RallyNov.Events.Models;
using RallyNov.Taxonomies;

namespace RallyNov.Events.Controllers;

public sealed class EventsController(IPublishedContentReader reader, IPublishedViews views, ITermNames terms, IPublishedItems items, TenantContext tenant, TimeProvider clock, IOutputCacheHints cache) : Controller
{
    [HttpGet("/evenements")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var catalog = await EventCatalog.GetAsync(views, terms, cancellationToken);
        var now = EventSchedule.ParisNow(clock);
        var (upcoming, past) = catalog.Split(now);
        if (catalog.NextChange(now) is { } at)
        {
            cache.ChangesAt(at);
        }

        return View(new EventListViewModel { Upcoming = upcoming, Past = past, HasCalendar = catalog.HasCalendar });
    }

    [HttpGet("/evenements/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var item = await FindAsync(slug, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        var now = EventSchedule.ParisNow(clock);
        ChangesWhenOver([item], now);
        return View(new EventDetailViewModel { Item = item, IsOver = EventSchedule.IsOver(item, now) });
    }

    /// <summary>Upcoming becomes past with no edit: cached copies of the page must not outlive that moment.</summary>
    private void ChangesWhenOver(IEnumerable<ContentItem> events, DateTime parisNow)
    {
        if (EventSchedule.NextChange(events, parisNow) is { } at)
        {
            cache.ChangesAt(at);
        }
    }

    /// <summary>The whole agenda of the tenant, to subscribe to from a calendar application.</summary>
    [HttpGet("/evenements.ics")]
    public async Task<IActionResult> Calendar(CancellationToken cancellationToken)
    {
        var all = await reader.AllAsync(EventFields.Type, cancellationToken);
        var ordered = all.Where(ICalendarWriter.HasDate).OrderBy(EventSchedule.SortKey);
        return Ics(ICalendarWriter.Write(CalendarContext(), ordered), "evenements.ics");
    }

    [HttpGet("/evenements/{slug}.ics")]
    public async Task<IActionResult> EventCalendar(string slug, CancellationToken cancellationToken)
    {
        var item = await FindAsync(slug, cancellationToken);
        if (item is null || !ICalendarWriter.HasDate(item))
        {
            return NotFound();
        }

        return Ics(ICalendarWriter.Write(CalendarContext(), [item]), item.Slug + ".ics");
    }

    private async Task<ContentItem?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var item = await items.BySlugAsync(slug.ToLowerInvariant(), cancellationToken);
        return item is not null && item.ContentType == EventFields.Type ? item : null;
    }

    private CalendarContext CalendarContext()
    {
        var origin = $"{Request.Scheme}://{Request.Host}";
        return new CalendarContext(
            tenant.Settings.DisplayName + " – événements",
            Request.Host.Host,
            item => Url.ContentItemUrl(item) is { } path ? origin + path : null);
    }

    private FileContentResult Ics(string text, string fileName)
    {
        // Inline: browsers hand the file to the calendar application; the name helps when saved.
        Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        return File(System.Text.Encoding.UTF8.GetBytes(text), ICalendarWriter.ContentType);
    }
}
