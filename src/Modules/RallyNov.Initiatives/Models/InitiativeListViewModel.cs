using RallyNov.Contents.Display;
using RallyNov.Core.Content;

namespace RallyNov.Initiatives.Models;

public sealed class InitiativeListViewModel
{
    public required InitiativeFilter Filter { get; init; }

    public required IReadOnlyList<InitiativeCard> Items { get; init; }

    /// <summary>Results of the current filter, all pages together.</summary>
    public required int Total { get; init; }

    /// <summary>Published initiatives of the tenant, unfiltered.</summary>
    public required int GrandTotal { get; init; }

    public required PagerModel Pager { get; init; }

    public required IReadOnlyList<FacetValue> Departements { get; init; }

    public required IReadOnlyList<MapArea> Map { get; init; }

    public required IReadOnlyList<FacetValue> Themes { get; init; }

    public required IReadOnlyList<FacetValue> Years { get; init; }

    /// <summary>Human description of the active filters, e.g. "Doubs · Mobilité".</summary>
    public required IReadOnlyList<string> ActiveLabels { get; init; }

    public required string ResetUrl { get; init; }

    /// <summary>The filter column's HTML kept from an earlier render of this filter (any page); null to render it from the models above.</summary>
    public string? FilterColumn { get; init; }

    /// <summary>Receives the filter column once rendered, to keep it for the next requests of this tenant version.</summary>
    public Action<string>? KeepFilterColumn { get; init; }

    /// <summary>The results column's HTML (count, cards, pager) kept from an earlier render of this filter and page; null to render it from the models above.</summary>
    public string? Results { get; init; }

    /// <summary>Receives the results column once rendered, to keep it for the next requests of this tenant version.</summary>
    public Action<string>? KeepResults { get; init; }
}

public sealed class InitiativeDetailViewModel
{
    public required ContentItem Item { get; init; }

    public required IReadOnlyList<ContentItem> Related { get; init; }

    /// <summary>Items pointing at this initiative (its laureate page, typically).</summary>
    public required IReadOnlyList<ContentItem> Referrers { get; init; }
}
