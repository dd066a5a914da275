using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Pages.Home;

namespace RallyNov.Pages.Models;

/// <summary>What a news card shows, read from its JSON once (immutable: shared by requests).</summary>
/// <param name="Date">The news' date, or when it was published (or last modified) when it has none.</param>
public sealed record NewsCard(string ContentItemId, string? Slug, string Title, DateTime Date, string? Summary, MediaValue? Image)
{
    public static NewsCard From(ContentItem item) => new(
        item.ContentItemId,
        item.Slug,
        item.DisplayText,
        item.GetDateTime(NewsFields.Date) ?? item.PublishedUtc ?? item.ModifiedUtc,
        item.GetString(NewsFields.Summary),
        item.GetMedia(NewsFields.Image));

    /// <summary>Every published news item, newest first (<see cref="NewsOrdering.Newest"/>), built once per tenant version.</summary>
    public static Task<IReadOnlyList<NewsCard>> NewestAsync(IPublishedViews views, CancellationToken cancellationToken) =>
        views.GetAsync<IReadOnlyList<NewsCard>>(PagesModule.NewsType, "newest", async (reader, ct) =>
            NewsOrdering.Newest(await reader.AllAsync(PagesModule.NewsType, ct)).Select(From).ToArray(), cancellationToken);
}
