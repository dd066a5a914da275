using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;

namespace RallyNov.Media.Services;

/// <summary>Content items whose latest or published version points to a media path.</summary>
public interface IMediaUsageFinder
{
    Task<IReadOnlyList<MediaUsage>> FindAsync(string path, CancellationToken cancellationToken);
}

public sealed record MediaUsage(string ContentItemId, string DisplayText, string ContentType);

internal sealed class MediaUsageFinder(RallyNovDbContext db) : IMediaUsageFinder
{
    public const int MaxItems = 50;

    public async Task<IReadOnlyList<MediaUsage>> FindAsync(string path, CancellationToken cancellationToken)
    {
        // Media fields are stored as {"path":"...","alt":"..."} in the item's compact JSON document,
        // images in rich text as ".../media/{path}?w=768" (or ".../media/{path}\"" for SVG and GIF,
        // the quote escaped in JSON): LIKEs over the Content column find them all in one query,
        // whatever the field or type.
        var field = "%\"path\":\"" + EscapeLike(path) + "\"%";
        var variant = "%/media/" + EscapeLike(path) + "?%";
        var original = "%/media/" + EscapeLike(path) + EscapeLike("\\\"") + "%";
        var rows = await db.ContentItems
            .FromSqlRaw(
                "SELECT * FROM \"ContentItems\" WHERE \"Content\" LIKE {0} ESCAPE '\\' OR \"Content\" LIKE {1} ESCAPE '\\' OR \"Content\" LIKE {2} ESCAPE '\\'",
                field,
                variant,
                original)
            .AsNoTracking()
            .Where(c => (c.Latest || c.Published) && c.DeletedUtc == null)
            .Select(c => new { c.ContentItemId, c.DisplayText, c.ContentType, c.Latest })
            .ToListAsync(cancellationToken);

        // An item with a published and a newer draft version appears twice: keep the latest's title.
        return rows
            .GroupBy(r => r.ContentItemId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.Latest).First())
            .Select(r => new MediaUsage(r.ContentItemId, r.DisplayText, r.ContentType))
            .OrderBy(u => u.DisplayText, StringComparer.CurrentCulture)
            .Take(MaxItems)
            .ToList();
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
