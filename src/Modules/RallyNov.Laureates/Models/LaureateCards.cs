using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;

namespace RallyNov.Laureates.Models;

/// <summary>What a laureate's card shows, read from its JSON once (immutable: shared by requests).</summary>
public sealed record LaureateCard(
    string ContentItemId,
    string? Slug,
    string Title,
    int? Year,
    decimal? Amount,
    string? PrizeName,
    string? Summary,
    MediaValue? Image,
    string? InitiativeId)
{
    public static LaureateCard From(ContentItem item) => new(
        item.ContentItemId,
        item.Slug,
        item.DisplayText,
        item.GetInt(LaureateFields.PrizeYear),
        item.GetNumber(LaureateFields.Amount),
        item.GetString(LaureateFields.PrizeName),
        item.GetString(LaureateFields.Summary),
        item.GetMedia(LaureateFields.Image),
        item.GetFirst(LaureateFields.Initiative));
}

/// <summary>The laureates of one prize year, as cards.</summary>
public sealed record LaureateCardYear(int Year, IReadOnlyList<LaureateCard> Laureates);

/// <summary>A rewarded initiative as the list links to it.</summary>
public sealed record InitiativeLink(string ContentType, string? Slug, string Title);

/// <summary>
/// /laureats and the home block, built once per tenant version (<see cref="IPublishedViews"/>):
/// the years with their cards, and the published initiatives they reward.
/// </summary>
public sealed record LaureateCatalog(IReadOnlyList<LaureateCardYear> Years, IReadOnlyDictionary<string, InitiativeLink> Initiatives)
{
    public static Task<LaureateCatalog> GetAsync(IPublishedViews views, IContentManager contents, CancellationToken cancellationToken) =>
        views.GetAsync(LaureateFields.Type, "catalog", async (reader, ct) =>
        {
            var all = await reader.AllAsync(LaureateFields.Type, ct);
            var initiatives = await contents.GetManyAsync(all.SelectMany(l => l.GetStrings(LaureateFields.Initiative)), VersionOptions.Published, ct);
            return new LaureateCatalog(
                LaureateGrouping.ByYear(all).Select(y => new LaureateCardYear(y.Year, y.Laureates.Select(LaureateCard.From).ToArray())).ToArray(),
                initiatives.ToDictionary(p => p.Key, p => new InitiativeLink(p.Value.ContentType, p.Value.Slug, p.Value.DisplayText), StringComparer.Ordinal));
        }, cancellationToken);
}
