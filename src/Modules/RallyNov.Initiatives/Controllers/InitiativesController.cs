using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Initiatives.Impact;
using RallyNov.Initiatives.Models;
using RallyNov.Taxonomies;

namespace RallyNov.Initiatives.Controllers;

public sealed class InitiativesController(
    IPublishedContentReader reader,
    IPublishedViews views,
    IPublishedItems items,
    IContentManager contents,
    ITermNames terms,
    IEnumerable<IPublishedListIndex> listIndexes,
    InitiativeCards cards,
    IInitiativeImpact impact) : Controller
{
    public const int PageSize = 12;
    private const int RelatedCount = 3;

    [HttpGet("/initiatives")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "departement")] string? departement,
        [FromQuery(Name = "theme")] string? theme,
        [FromQuery(Name = "annee")] int? year,
        [FromQuery(Name = "page")] int? page,
        CancellationToken cancellationToken)
    {
        var filter = new InitiativeFilter(Clean(departement), Clean(theme), year, Math.Max(1, page ?? 1));

        // Taken before the list is read: a column kept under this version is never older than it.
        var columns = await InitiativeFilterColumns.CurrentAsync(views, cancellationToken);
        var results = await InitiativeResultPages.CurrentAsync(views, cancellationToken);
        var pathBase = Request.PathBase.Value ?? "";

        // A page seen before under this version: both columns kept, nothing to read or render but the page's frame.
        if (results.TryGet(pathBase, filter) is { } kept && columns.TryGet(filter) is { } keptColumn)
        {
            return View(KeptPage(filter, kept, keptColumn));
        }

        // The search index answers when the search module is there (20 000 items: one page
        // loaded instead of all of them); the database otherwise.
        var list = await InitiativeListData.LoadAsync(filter, PageSize, listIndexes.FirstOrDefault(), reader, contents, cards, terms, cancellationToken);
        var pageCount = Math.Max(1, (list.Total + PageSize - 1) / PageSize);
        if (filter.Page > pageCount)
        {
            return NotFound();
        }

        var baseUrl = Url.Content("~/initiatives");
        string UrlOf(InitiativeFilter f) => baseUrl + f.ToQueryString();

        // The filter column depends on the tenant's data and the filter, not on the page: rendered once, then kept.
        var column = columns.TryGet(filter);
        IReadOnlyList<FacetValue> departements = [], themes = [], years = [];
        IReadOnlyList<MapArea> map = [];
        if (column is null)
        {
            var departementCounts = list.Departements;
            departements = await FacetAsync(
                Vocabularies.Departements,
                departementCounts,
                filter.Departement,
                key => UrlOf(filter with { Departement = key, Page = 1 }),
                cancellationToken);
            themes = await FacetAsync(
                Vocabularies.Themes,
                list.Themes,
                filter.Theme,
                key => UrlOf(filter with { Theme = key, Page = 1 }),
                cancellationToken);
            years = list.Years
                .Select(kv => (Ok: int.TryParse(kv.Key, FrenchFormat.Culture, out var y), Year: y, kv.Value))
                .Where(x => x.Ok)
                .OrderByDescending(x => x.Year)
                .Select(x => new FacetValue(x.Year.ToString(FrenchFormat.Culture), x.Year.ToString(FrenchFormat.Culture), x.Value, x.Year == filter.Year, UrlOf(filter with { Year = x.Year == filter.Year ? null : x.Year, Page = 1 })))
                .ToList();
            map = await MapAsync(departementCounts, filter, UrlOf, cancellationToken);
        }

        var labels = new List<string>();
        if (filter.Departement is not null)
        {
            labels.Add(await terms.NameAsync(Vocabularies.Departements, filter.Departement, cancellationToken));
        }

        if (filter.Theme is not null)
        {
            labels.Add(await terms.NameAsync(Vocabularies.Themes, filter.Theme, cancellationToken));
        }

        if (filter.Year is not null)
        {
            labels.Add($"repérées en {filter.Year}");
        }

        return View(new InitiativeListViewModel
        {
            Filter = filter,
            Items = list.Items,
            Total = list.Total,
            GrandTotal = list.GrandTotal,
            Pager = new PagerModel(filter.Page, pageCount, list.Total, p => UrlOf(filter with { Page = p })),
            Departements = departements,
            Map = map,
            Themes = themes,
            Years = years,
            ActiveLabels = labels,
            ResetUrl = baseUrl,
            FilterColumn = column,
            KeepFilterColumn = column is null ? html => columns.Keep(filter, html) : null,
            KeepResults = html => results.Keep(pathBase, filter, new InitiativeResultPage(html, list.Total, list.GrandTotal, pageCount, labels.ToArray())),
        });
    }

    /// <summary>The model of a page whose two columns are kept: the view writes them as they are.</summary>
    private InitiativeListViewModel KeptPage(InitiativeFilter filter, InitiativeResultPage kept, string column) => new()
    {
        Filter = filter,
        Items = [],
        Total = kept.Total,
        GrandTotal = kept.GrandTotal,
        Pager = new PagerModel(filter.Page, kept.PageCount, kept.Total, _ => ""),
        Departements = [],
        Map = [],
        Themes = [],
        Years = [],
        ActiveLabels = kept.ActiveLabels,
        ResetUrl = Url.Content("~/initiatives"),
        FilterColumn = column,
        Results = kept.Html,
    };

    [HttpGet("/initiatives/{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var item = await items.BySlugAsync(slug.ToLowerInvariant(), cancellationToken);
        if (item is null || item.ContentType != InitiativeFields.Type)
        {
            return NotFound();
        }

        return View(new InitiativeDetailViewModel
        {
            Item = item,
            Related = await RelatedInitiatives.LoadAsync(item, RelatedCount, listIndexes.FirstOrDefault(), reader, contents, cancellationToken, views, items),
            Referrers = await reader.ReferrersAsync(item.ContentItemId, cancellationToken),
        });
    }

    /// <summary>All eight départements, linked to the filtered list where there is something to see.</summary>
    private async Task<IReadOnlyList<MapArea>> MapAsync(
        IReadOnlyDictionary<string, int> counts, InitiativeFilter filter, Func<InitiativeFilter, string> urlOf, CancellationToken cancellationToken)
    {
        var impacts = (await impact.CurrentAsync(cancellationToken)).Departements;
        var areas = new List<MapArea>();
        foreach (var term in (await terms.TermsAsync(Vocabularies.Departements, cancellationToken)).Where(t => DepartementMap.Knows(t.Slug)))
        {
            var count = counts.GetValueOrDefault(term.Slug);
            var selected = term.Slug == filter.Departement;
            var (x, y) = DepartementMap.LabelOf(term.Slug);
            var url = count > 0 || selected ? urlOf(filter with { Departement = selected ? null : term.Slug, Page = 1 }) : null;
            areas.Add(new MapArea(term.Slug, term.Name, count, url, selected, DepartementMap.PathOf(term.Slug), x, y)
            {
                Impact = impacts.GetValueOrDefault(term.Slug, ImpactFigures.None),
            });
        }

        return areas;
    }

    /// <summary>Values with results (and the selected one, even at zero, so it can be removed).</summary>
    private async Task<IReadOnlyList<FacetValue>> FacetAsync(
        string vocabulary, IReadOnlyDictionary<string, int> counts, string? selected, Func<string?, string> urlOf, CancellationToken cancellationToken)
    {
        var values = new List<FacetValue>();
        foreach (var term in await terms.TermsAsync(vocabulary, cancellationToken))
        {
            var count = counts.GetValueOrDefault(term.Slug);
            var isSelected = term.Slug == selected;
            if (count > 0 || isSelected)
            {
                values.Add(new FacetValue(term.Slug, term.Name, count, isSelected, urlOf(isSelected ? null : term.Slug)));
            }
        }

        return values;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
