namespace RallyNov.Core.Content;

/// <summary>
/// Answers one page of a public list (type + facet filters + counts) from an index instead of
/// loading every published item of the type: with tens of thousands of items, parsing them all
/// per request is what made lists slow. The search module implements it; a list page falls back
/// to the database whenever <see cref="QueryAsync"/> returns null.
/// </summary>
public interface IPublishedListIndex
{
    /// <summary>
    /// One page of the list, or null when the index cannot answer exactly right now for the
    /// current tenant (module off, first build not done, changes not applied yet): the caller then
    /// reads the database, so a list is never stale.
    /// </summary>
    Task<PublishedListPage?> QueryAsync(PublishedListQuery query, CancellationToken cancellationToken);
}

public sealed record PublishedListQuery
{
    public required string ContentType { get; init; }

    /// <summary>Facet name → the one value to keep ("departement" → "25").</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    /// <summary>Facets to count; each count ignores its own filter and applies the others.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    /// <summary>
    /// A numeric facet to sort on first, highest first (no value counts as 0); then by title in
    /// French order, case ignored. Null: by title only.
    /// </summary>
    public string? SortByNumberDescending { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 20;
}

/// <param name="Total">Items matching every filter.</param>
/// <param name="TypeTotal">Published items of the type, unfiltered.</param>
/// <param name="Ids">Content item ids of the requested page, in list order.</param>
/// <param name="Counts">Facet name → value → count.</param>
public sealed record PublishedListPage(
    int Total,
    int TypeTotal,
    IReadOnlyList<string> Ids,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts);
