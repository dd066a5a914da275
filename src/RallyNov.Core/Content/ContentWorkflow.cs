using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using System.Globalization;
using RallyNov.Core.Auditing;
using RallyNov.Core.Data;
using RallyNov.Core.Time;

namespace RallyNov.Core.Content;

internal sealed class ContentWorkflow(
    RallyNovDbContext db,
    IContentManager contents,
    TimeProvider clock,
    ILogger<ContentWorkflow> logger,
    IAuditTrail audit,
    IAuditEventFactory auditEvents) : IContentWorkflow
{
    private const int MaxDuePerRun = 100;

    public Task<ContentResult> SubmitForReviewAsync(string contentItemId, CancellationToken cancellationToken) =>
        AuditedAsync(AuditActions.ContentSubmitted, ChangeLatestDraftAsync(contentItemId, null, "Ce contenu n'a pas de modifications à relire : sa dernière version est déjà publiée.", latest =>
        {
            latest.ReviewRequestedUtc ??= Now();
            return null;
        }, cancellationToken), cancellationToken);

    public Task<ContentResult> SchedulePublishAsync(string contentItemId, DateTime publishUtc, string? expectedVersionId, CancellationToken cancellationToken)
    {
        var utc = publishUtc.Kind == DateTimeKind.Local ? publishUtc.ToUniversalTime() : DateTime.SpecifyKind(publishUtc, DateTimeKind.Utc);
        return AuditedAsync(AuditActions.ContentScheduled, ChangeLatestDraftAsync(contentItemId, expectedVersionId, "Ce contenu n'a pas de modifications à publier : sa dernière version est déjà publiée.", latest =>
        {
            if (utc <= Now())
            {
                return "La date de publication programmée doit être dans le futur.";
            }

            latest.ScheduledPublishUtc = utc;
            return null;
        }, cancellationToken), cancellationToken);
    }

    public async Task<ContentResult> CancelScheduleAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var latest = await db.ContentItems.FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Latest && x.DeletedUtc == null, cancellationToken);
        if (latest is null)
        {
            return ContentResult.NotFound();
        }

        latest.ScheduledPublishUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await AuditedAsync(AuditActions.ContentUnscheduled, Task.FromResult(ContentResult.Ok(latest.Clone())), cancellationToken);
    }

    public async Task<IReadOnlyList<ContentItem>> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var due = await db.ContentItems.AsNoTracking()
            .Where(x => x.ScheduledPublishUtc != null && x.ScheduledPublishUtc <= now && x.Latest && !x.Published && x.DeletedUtc == null)
            .OrderBy(x => x.ScheduledPublishUtc)
            .Select(x => new { x.ContentItemId, x.ContentItemVersionId })
            .Take(MaxDuePerRun)
            .ToListAsync(cancellationToken);

        var published = new List<ContentItem>();
        foreach (var item in due)
        {
            try
            {
                if (await PublishIfStillDueAsync(item.ContentItemId, item.ContentItemVersionId, now, cancellationToken) is { } done)
                {
                    published.Add(done);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad item must not hold back the others; it stays scheduled and is retried.
                db.ChangeTracker.Clear();
                logger.LogError(ex, "Scheduled publication of {ContentItemId} failed.", item.ContentItemId);
            }
        }

        return published;
    }

    // In one transaction, so a save that lands between the query and the publish (and clears the
    // schedule) is seen, and its unreviewed version is not published.
    private async Task<ContentItem?> PublishIfStillDueAsync(string contentItemId, string versionId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await OwnedTransaction.BeginAsync(db, cancellationToken);
        var still = await db.ContentItems.AsNoTracking().AnyAsync(
            x => x.ContentItemVersionId == versionId && x.Latest && !x.Published && x.DeletedUtc == null && x.ScheduledPublishUtc != null && x.ScheduledPublishUtc <= now,
            cancellationToken);
        if (!still)
        {
            return null;
        }

        var result = await contents.PublishLatestAsync(contentItemId, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Scheduled publication of {ContentItemId} refused: {Status}.", contentItemId, result.Status);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return result.Item;
    }

    private async Task<ContentResult> ChangeLatestDraftAsync(
        string contentItemId,
        string? expectedVersionId,
        string publishedMessage,
        Func<ContentItem, string?> change,
        CancellationToken cancellationToken)
    {
        var latest = await db.ContentItems.FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Latest && x.DeletedUtc == null, cancellationToken);
        try
        {
            if (latest is null)
            {
                return ContentResult.NotFound();
            }

            if (expectedVersionId is not null && !string.Equals(expectedVersionId, latest.ContentItemVersionId, StringComparison.Ordinal))
            {
                return ContentResult.Conflict();
            }

            if (latest.Published)
            {
                return ContentResult.Invalid([new ContentValidationError("", publishedMessage)]);
            }

            if (change(latest) is { } error)
            {
                return ContentResult.Invalid([new ContentValidationError("", error)]);
            }

            await db.SaveChangesAsync(cancellationToken);
            return ContentResult.Ok(latest.Clone());
        }
        finally
        {
            // Nothing tracked survives: a refused change must not be written by a later save.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<ContentResult> AuditedAsync(string action, Task<ContentResult> change, CancellationToken cancellationToken)
    {
        var result = await change;
        if (result.Succeeded && result.Item is { } item)
        {
            // Read by people in Paris, like every date of the back office (the event's own time stays UTC).
            var details = item.ScheduledPublishUtc is { } at
                ? $"Type : {item.ContentType}, publication prévue le {ParisTimeZone.FromUtc(at).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture)} (heure de Paris)"
                : $"Type : {item.ContentType}";
            await audit.RecordAsync(auditEvents.Create(AuditCategories.Content, action, item.ContentItemId, item.DisplayText, details), cancellationToken);
        }

        return result;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
