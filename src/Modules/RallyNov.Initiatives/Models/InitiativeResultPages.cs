using RallyNov.Contents.Querying;

namespace RallyNov.Initiatives.Models;

/// <summary>
/// The rendered results column of /initiatives (count heading, the page's twelve cards, the pager)
/// kept per tenant version, URL prefix and filter with its page, with the numbers the rest of the
/// page shows (totals, page count, filter labels): a list page seen before is answered without
/// reading the list index, the cards or the vocabularies, and without rendering a card.
/// </summary>
/// <remarks>
/// Never stale, like <see cref="InitiativeFilterColumns"/>: the store lives in
/// <see cref="IPublishedViews"/>, whose version moves with every publish, unpublish, delete, edit,
/// vocabulary or settings change, and the controller takes it before reading the list. The URL
/// prefix is part of the key because the links are written with it: today a tenant has one prefix
/// per settings (see <c>TenantResolver</c>), so this only guards against a future second address.
/// </remarks>
public sealed class InitiativeResultPages
{
    /// <summary>Pages kept per tenant version (≈ 15 kB each); filters and page numbers come from visitors, so the store is bounded.</summary>
    public const int MaxKept = 256;

    private readonly BoundedShelf<(string PathBase, InitiativeFilter Filter), InitiativeResultPage> _pages = new(MaxKept);

    /// <summary>The store of the current tenant version.</summary>
    public static Task<InitiativeResultPages> CurrentAsync(IPublishedViews views, CancellationToken cancellationToken) =>
        views.GetAsync(InitiativeFields.Type, "result-pages", (_, _) => Task.FromResult(new InitiativeResultPages()), cancellationToken);

    public InitiativeResultPage? TryGet(string pathBase, InitiativeFilter filter) => _pages.TryGet((pathBase, filter), out var page) ? page : null;

    public void Keep(string pathBase, InitiativeFilter filter, InitiativeResultPage page) => _pages.Keep((pathBase, filter), page);
}

/// <summary>One kept results column and what the rest of its page needs.</summary>
public sealed record InitiativeResultPage(string Html, int Total, int GrandTotal, int PageCount, IReadOnlyList<string> ActiveLabels);
