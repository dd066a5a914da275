using Microsoft.EntityFrameworkCore;
using RallyNov.AuditTrail.Data;
using RallyNov.Core.Content;
using RallyNov.Core.Data;

namespace RallyNov.AuditTrail.Services;

/// <summary>Reads the current tenant's audit trail, newest first.</summary>
public interface IAuditLog
{
    Task<PagedResult<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>The action codes present in the trail (for the filter's choice list).</summary>
    Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken);
}

/// <summary>Filters of the audit screen; null or blank means "any".</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;

    public string? UserName { get; init; }

    public string? Action { get; init; }

    public string? Category { get; init; }

    /// <summary>Inclusive lower bound (UTC).</summary>
    public DateTime? FromUtc { get; init; }

    /// <summary>Exclusive upper bound (UTC).</summary>
    public DateTime? ToUtc { get; init; }

    /// <summary>Part of the item id or title.</summary>
    public string? Item { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

internal sealed class AuditLog(AuditTrailDbContext db) : IAuditLog
{
    public async Task<PagedResult<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var events = db.AuditEvents.AsNoTracking();

        if (TextSearch.Value(query.UserName) is { } user)
        {
            events = events.Where(x => x.UserName == user);
        }

        if (TextSearch.Value(query.Action) is { } action)
        {
            events = events.Where(x => x.Action == action);
        }

        if (TextSearch.Value(query.Category) is { } category)
        {
            events = events.Where(x => x.Category == category);
        }

        // PostgreSQL compares with timestamptz and refuses a DateTime of unspecified kind.
        if (query.FromUtc is { } from)
        {
            var fromUtc = DateTime.SpecifyKind(from, DateTimeKind.Utc);
            events = events.Where(x => x.UtcTime >= fromUtc);
        }

        if (query.ToUtc is { } to)
        {
            var toUtc = DateTime.SpecifyKind(to, DateTimeKind.Utc);
            events = events.Where(x => x.UtcTime < toUtc);
        }

        if (TextSearch.ContainsPattern(query.Item) is { } pattern)
        {
            // An exact id is also a match of the pattern, so the title and the id are all there is to look at.
            events = events.WhereLikeAny(db, pattern, x => x.ItemTitle, x => x.ItemId);
        }

        var total = await events.CountAsync(cancellationToken);
        var rows = await events.OrderByDescending(x => x.UtcTime).ThenByDescending(x => x.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(rows, total, page, size);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken) =>
        await db.AuditEvents.AsNoTracking().Select(x => x.Action).Distinct().OrderBy(x => x).ToListAsync(cancellationToken);
}
