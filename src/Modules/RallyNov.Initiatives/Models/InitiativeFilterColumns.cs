using RallyNov.Contents.Querying;

namespace RallyNov.Initiatives.Models;

/// <summary>
/// The rendered filter column of /initiatives (département map, the three facets, the reset link)
/// kept per tenant version and per filter without its page: every page of a filtered list shows
/// the same column (its links all go to page 1), and it is a third of the page's HTML and of its
/// rendering time at 100 000 items.
/// </summary>
/// <remarks>
/// Never stale: the store lives in <see cref="IPublishedViews"/> (the tenant's data cache), whose
/// version moves with every publish, unpublish, delete, edit, vocabulary or settings change; the
/// next request gets an empty store and renders the column from the new counts. The controller
/// takes the store before reading the list, so what it keeps is never older than the version it
/// is kept under.
/// </remarks>
public sealed class InitiativeFilterColumns
{
    /// <summary>Columns kept per tenant version (≈ 17 kB each at most); filter values come from visitors, so the store is bounded.</summary>
    public const int MaxKept = 256;

    private readonly BoundedShelf<InitiativeFilter, string> _columns = new(MaxKept);

    /// <summary>The store of the current tenant version.</summary>
    public static Task<InitiativeFilterColumns> CurrentAsync(IPublishedViews views, CancellationToken cancellationToken) =>
        views.GetAsync(InitiativeFields.Type, "filter-columns", (_, _) => Task.FromResult(new InitiativeFilterColumns()), cancellationToken);

    public string? TryGet(InitiativeFilter filter) => _columns.TryGet(KeyOf(filter), out var html) ? html : null;

    public void Keep(InitiativeFilter filter, string html) => _columns.Keep(KeyOf(filter), html);

    private static InitiativeFilter KeyOf(InitiativeFilter filter) => filter with { Page = 1 };
}
