using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.Core.Content;

/// <summary>Turns a <see cref="ContentQuery"/> into one page query and one count query.</summary>
internal static class ContentQueryRunner
{
    public const int MaxPageSize = 200;

    public static async Task<PagedResult<ContentItem>> RunAsync(RallyNovDbContext db, ContentQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var items = db.ContentItems.AsNoTracking();

        items = query.Status switch
        {
            ContentStatus.Published => items.Where(x => x.Published && x.DeletedUtc == null),
            ContentStatus.Draft => items.Where(x => x.Latest && !x.Published && x.DeletedUtc == null),
            ContentStatus.PublishedWithDraft => items.Where(x => x.Latest && !x.Published && x.DeletedUtc == null
                && db.ContentItems.Any(p => p.ContentItemId == x.ContentItemId && p.Published)),
            ContentStatus.Deleted => items.Where(x => x.Latest && x.DeletedUtc != null),
            ContentStatus.AwaitingReview => items.Where(x => x.Latest && !x.Published && x.DeletedUtc == null && x.ReviewRequestedUtc != null),
            ContentStatus.Scheduled => items.Where(x => x.Latest && !x.Published && x.DeletedUtc == null && x.ScheduledPublishUtc != null),
            _ => items.Where(x => x.Latest && x.DeletedUtc == null),
        };

        if (query.ContentTypes is { Count: > 0 } types)
        {
            var list = types.ToList();
            items = items.Where(x => list.Contains(x.ContentType));
        }

        if (TextSearch.Value(query.Owner) is { } owner)
        {
            items = items.Where(x => x.Owner == owner);
        }

        if (TextSearch.ContainsPattern(query.Title) is { } pattern)
        {
            items = items.WhereLike(db, x => x.DisplayText, pattern);
        }

        var total = await items.CountAsync(cancellationToken);
        IOrderedQueryable<ContentItem> ordered = query.Order switch
        {
            ContentOrder.TitleAscending => items.OrderBy(x => x.DisplayText),
            ContentOrder.PublishedDescending => items.OrderByDescending(x => x.PublishedUtc),
            ContentOrder.CreatedDescending => items.OrderByDescending(x => x.CreatedUtc),
            _ => items.OrderByDescending(x => x.ModifiedUtc),
        };

        var rows = await ordered.ThenBy(x => x.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<ContentItem>(rows, total, page, size);
    }
}
