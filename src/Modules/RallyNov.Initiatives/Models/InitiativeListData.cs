using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Taxonomies;

namespace RallyNov.Initiatives.Models;

/// <summary>One page of /initiatives (its cards) with the counts of its filter links, wherever it was read from.</summary>
public sealed record InitiativeListData(
    IReadOnlyList<InitiativeCard> Items,
    int Total,
    int GrandTotal,
    IReadOnlyDictionary<string, int> Departements,
    IReadOnlyDictionary<string, int> Themes,
    IReadOnlyDictionary<string, int> Years)
{
    public const string DepartementFacet = "departement";
    public const string ThemeFacet = "theme";
    public const string YearFacet = "annee";

    /// <summary>
    /// From the search index when it can answer (the page's ids, their cards kept per tenant
    /// version: <see cref="InitiativeCards"/>), otherwise from the database (every published
    /// initiative, filtered in memory: fine for hundreds).
    /// </summary>
    public static async Task<InitiativeListData> LoadAsync(
        InitiativeFilter filter, int pageSize, IPublishedListIndex? index, IPublishedContentReader reader, IContentManager contents, InitiativeCards cards, ITermNames terms, CancellationToken cancellationToken)
    {
        if (index is not null && await FromIndexAsync(filter, pageSize, index, contents, cards, cancellationToken) is { } indexed)
        {
            return indexed;
        }

        var all = await reader.AllAsync(InitiativeFields.Type, cancellationToken);
        var matching = InitiativeCatalog.Ordered(InitiativeCatalog.Apply(all, filter)).ToList();
        var page = new List<InitiativeCard>(pageSize);
        foreach (var item in matching.Skip((filter.Page - 1) * pageSize).Take(pageSize))
        {
            page.Add(await InitiativeCard.OfAsync(item, terms, cancellationToken));
        }

        return new InitiativeListData(
            page,
            matching.Count,
            all.Count,
            InitiativeCatalog.Count(all, filter with { Departement = null }, i => i.GetStrings(InitiativeFields.Departement)),
            InitiativeCatalog.Count(all, filter with { Theme = null }, i => i.GetStrings(InitiativeFields.Themes)),
            InitiativeCatalog.Count(all, filter with { Year = null }, i => i.GetInt(InitiativeFields.YearIdentified) is { } y ? [y.ToString(FrenchFormat.Culture)] : []));
    }

    private static async Task<InitiativeListData?> FromIndexAsync(
        InitiativeFilter filter, int pageSize, IPublishedListIndex index, IContentManager contents, InitiativeCards cards, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (filter.Departement is not null)
        {
            filters[DepartementFacet] = filter.Departement;
        }

        if (filter.Theme is not null)
        {
            filters[ThemeFacet] = filter.Theme;
        }

        if (filter.Year is not null)
        {
            filters[YearFacet] = filter.Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var page = await index.QueryAsync(new PublishedListQuery
        {
            ContentType = InitiativeFields.Type,
            Filters = filters,
            Facets = [DepartementFacet, ThemeFacet, YearFacet],
            SortByNumberDescending = YearFacet, // same order as InitiativeCatalog.Ordered
            Skip = (filter.Page - 1) * pageSize,
            Take = pageSize,
        }, cancellationToken);
        if (page is null)
        {
            return null;
        }

        if (await cards.GetAsync(page.Ids, contents, cancellationToken) is not { } shown)
        {
            return null; // unpublished between the two reads: the database gives the exact list
        }

        return new InitiativeListData(
            shown,
            page.Total,
            page.TypeTotal,
            page.Counts[DepartementFacet],
            page.Counts[ThemeFacet],
            page.Counts[YearFacet]);
    }
}
