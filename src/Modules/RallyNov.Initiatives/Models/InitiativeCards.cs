using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Taxonomies;

namespace RallyNov.Initiatives.Models;

/// <summary>
/// The cards of the initiatives lists, kept per tenant version: a list page answered by the
/// search index names its twelve ids, and their cards come from here, so a repeated page reads no
/// database row and parses no JSON. A card is made on first use (one <see cref="IContentManager.GetManyAsync"/>
/// for the page's missing ones), not for every item at once: at 100 000 initiatives all cards
/// would cost ≈ 100 MB, the pages people actually open a few.
/// </summary>
/// <remarks>
/// Never stale: the shelf lives in <see cref="IPublishedViews"/> (the tenant's data cache), whose
/// version moves with every publish, unpublish, delete, edit, vocabulary or settings change before
/// its request answers; the next request then starts an empty shelf and reads the items again.
/// </remarks>
public sealed class InitiativeCards(IPublishedViews views, ITermNames terms)
{
    /// <summary>Cards kept per tenant (≈ 1 kB each); past it the shelf starts over (the pages read lately come back first).</summary>
    public const int MaxKept = 5_000;

    /// <summary>The cards of <paramref name="ids"/> in that order, or null when one of them is no longer published.</summary>
    public async Task<IReadOnlyList<InitiativeCard>?> GetAsync(IReadOnlyList<string> ids, IContentManager contents, CancellationToken cancellationToken)
    {
        var shelf = await views.GetAsync(InitiativeFields.Type, "card-shelf", (_, _) => Task.FromResult(new BoundedShelf<string, InitiativeCard>(MaxKept, StringComparer.Ordinal)), cancellationToken);
        var cards = new InitiativeCard[ids.Count];
        List<string>? missing = null;
        for (var i = 0; i < ids.Count; i++)
        {
            if (shelf.TryGet(ids[i], out var card))
            {
                cards[i] = card;
            }
            else
            {
                (missing ??= []).Add(ids[i]);
            }
        }

        if (missing is null)
        {
            return cards;
        }

        var items = await contents.GetManyAsync(missing, VersionOptions.Published, cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            if (cards[i] is not null)
            {
                continue;
            }

            if (!items.TryGetValue(ids[i], out var item))
            {
                return null; // unpublished between the two reads: the database gives the exact list
            }

            cards[i] = await InitiativeCard.OfAsync(item, terms, cancellationToken);
            shelf.Keep(ids[i], cards[i]);
        }

        return cards;
    }
}
