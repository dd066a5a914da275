using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Data;
using RallyNov.Core.Indexing;

namespace RallyNov.Core.Content;

internal sealed class ContentManager : IContentManager
{
    private readonly RallyNovDbContext _db;
    private readonly IContentDefinitionManager _definitions;
    private readonly ContentDocumentValidator _validator;
    private readonly IEnumerable<IContentHandler> _handlers;
    private readonly TimeProvider _clock;

    public ContentManager(
        RallyNovDbContext db,
        IContentDefinitionManager definitions,
        IEnumerable<IContentHandler> handlers,
        TimeProvider clock)
    {
        _db = db;
        _definitions = definitions;
        _validator = new ContentDocumentValidator(db);
        _handlers = handlers;
        _clock = clock;
    }

    public ContentItem New(string contentType)
    {
        var type = _definitions.Find(contentType) ?? throw new ArgumentException($"Unknown content type '{contentType}'.", nameof(contentType));
        return new ContentItem { ContentItemId = IdGenerator.New(), ContentType = type.Name };
    }

    public Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options, CancellationToken cancellationToken) =>
        Filter(_db.ContentItems.AsNoTracking().Where(x => x.ContentItemId == contentItemId), options).FirstOrDefaultAsync(cancellationToken);

    public Task<ContentItem?> GetBySlugAsync(string slug, VersionOptions options, CancellationToken cancellationToken) =>
        Filter(_db.ContentItems.AsNoTracking().Where(x => x.Slug == slug), options).FirstOrDefaultAsync(cancellationToken);

    public Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken) =>
        _db.ContentItems.AsNoTracking().FirstOrDefaultAsync(x => x.ContentItemVersionId == contentItemVersionId, cancellationToken);

    public async Task<IReadOnlyDictionary<string, ContentItem>> GetManyAsync(IEnumerable<string> contentItemIds, VersionOptions options, CancellationToken cancellationToken)
    {
        var ids = contentItemIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, ContentItem>();
        }

        var items = await Filter(_db.ContentItems.AsNoTracking().Where(x => ids.Contains(x.ContentItemId)), options).ToListAsync(cancellationToken);
        return items.ToDictionary(x => x.ContentItemId, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ContentItem>> GetVersionsAsync(string contentItemId, CancellationToken cancellationToken) =>
        await _db.ContentItems.AsNoTracking()
            .Where(x => x.ContentItemId == contentItemId)
            .OrderByDescending(x => x.VersionNumber)
            .ToListAsync(cancellationToken);

    public Task<PagedResult<ContentItem>> QueryAsync(ContentQuery query, CancellationToken cancellationToken) =>
        ContentQueryRunner.RunAsync(_db, query, cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> CountPublishedAsync(IReadOnlyCollection<string> contentTypes, CancellationToken cancellationToken)
    {
        if (contentTypes.Count == 0)
        {
            return new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var types = contentTypes.Distinct(StringComparer.Ordinal).ToList();
        var counts = await _db.ContentItems.AsNoTracking()
            .Where(x => x.Published && x.DeletedUtc == null && types.Contains(x.ContentType))
            .GroupBy(x => x.ContentType)
            .Select(g => new { Type = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Type, c => c.Count, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ContentItem>> AllPublishedAsync(string contentType, CancellationToken cancellationToken) =>
        await PublishedInTitleOrder(contentType).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> PublishedIdsInTitleOrderAsync(string contentType, CancellationToken cancellationToken) =>
        await PublishedInTitleOrder(contentType).Select(x => x.ContentItemId).ToArrayAsync(cancellationToken);

    private IQueryable<ContentItem> PublishedInTitleOrder(string contentType) =>
        _db.ContentItems.AsNoTracking()
            .Where(x => x.ContentType == contentType && x.Published && x.DeletedUtc == null)
            .OrderBy(x => x.DisplayText).ThenBy(x => x.Id);

    public Task<ContentResult> SaveDraftAsync(ContentItem item, CancellationToken cancellationToken) => StoreAsync(item, publish: false, cancellationToken);

    public Task<ContentResult> PublishAsync(ContentItem item, CancellationToken cancellationToken) => StoreAsync(item, publish: true, cancellationToken);

    public async Task<ContentResult> PublishLatestAsync(string contentItemId, CancellationToken cancellationToken)
    {
        return await InTransactionAsync(async () =>
        {
            var versions = await TrackedHeadsAsync(contentItemId, cancellationToken);
            var latest = versions.FirstOrDefault(x => x.Latest);
            if (latest is null || latest.DeletedUtc is not null)
            {
                return ContentResult.NotFound();
            }

            if (!latest.Published)
            {
                var now = Now();
                var published = versions.FirstOrDefault(x => x.Published);
                if (published is not null)
                {
                    published.Published = false;
                    await _db.SaveChangesAsync(cancellationToken);
                }

                latest.Published = true;
                latest.PublishedUtc = published?.PublishedUtc ?? now;
                latest.ReviewRequestedUtc = null;
                latest.ScheduledPublishUtc = null;
                AddTask(latest, IndexingTaskKind.Publish, now);
                await _db.SaveChangesAsync(cancellationToken);
            }

            return ContentResult.Ok(latest.Clone());
        }, (item, ct) => Notify(h => h.PublishedAsync(item, ct), ct), cancellationToken);
    }

    public async Task<ContentResult> UnpublishAsync(string contentItemId, CancellationToken cancellationToken)
    {
        return await InTransactionAsync(async () =>
        {
            var published = await _db.ContentItems.FirstOrDefaultAsync(x => x.ContentItemId == contentItemId && x.Published, cancellationToken);
            if (published is null || published.DeletedUtc is not null)
            {
                return ContentResult.NotFound();
            }

            published.Published = false;
            AddTask(published, IndexingTaskKind.Unpublish, Now());
            await _db.SaveChangesAsync(cancellationToken);
            return ContentResult.Ok(published.Clone());
        }, (item, ct) => Notify(h => h.UnpublishedAsync(item, ct), ct), cancellationToken);
    }

    public async Task<ContentResult> DeleteAsync(string contentItemId, CancellationToken cancellationToken)
    {
        return await InTransactionAsync(async () =>
        {
            var versions = await _db.ContentItems.Where(x => x.ContentItemId == contentItemId && x.DeletedUtc == null).ToListAsync(cancellationToken);
            var latest = versions.FirstOrDefault(x => x.Latest);
            if (latest is null)
            {
                return ContentResult.NotFound();
            }

            var now = Now();
            foreach (var version in versions)
            {
                version.DeletedUtc = now;
                version.Published = false;
                version.ReviewRequestedUtc = null;
                version.ScheduledPublishUtc = null;
            }

            AddTask(latest, IndexingTaskKind.Delete, now);
            await _db.SaveChangesAsync(cancellationToken);
            return ContentResult.Ok(latest.Clone());
        }, (item, ct) => Notify(h => h.DeletedAsync(item, ct), ct), cancellationToken);
    }

    public async Task<ContentResult> RestoreDeletedAsync(string contentItemId, CancellationToken cancellationToken)
    {
        return await InTransactionAsync(async () =>
        {
            var versions = await _db.ContentItems.Where(x => x.ContentItemId == contentItemId && x.DeletedUtc != null).ToListAsync(cancellationToken);
            var latest = versions.FirstOrDefault(x => x.Latest);
            if (latest is null)
            {
                return ContentResult.NotFound();
            }

            // Another item may have taken the slug while this one was in the bin.
            if (latest.Slug is not null)
            {
                latest.Slug = await _validator.FreeSlugAsync(latest.Slug, contentItemId, cancellationToken);
                if (_definitions.Find(latest.ContentType)?.SlugField is { } slugField)
                {
                    latest.Content[slugField.Name] = latest.Slug;
                }
            }

            foreach (var version in versions)
            {
                version.DeletedUtc = null;
            }

            latest.ModifiedUtc = Now();
            await _db.SaveChangesAsync(cancellationToken);
            return ContentResult.Ok(latest.Clone());
        }, (item, ct) => Notify(h => h.RestoredAsync(item, ct), ct), cancellationToken);
    }

    public Task<ContentResult> RestoreVersionAsync(string contentItemVersionId, CancellationToken cancellationToken) =>
        RestoreVersionAsync(contentItemVersionId, null, cancellationToken);

    public async Task<ContentResult> RestoreVersionAsync(string contentItemVersionId, string? author, CancellationToken cancellationToken)
    {
        var old = await GetVersionAsync(contentItemVersionId, cancellationToken);
        if (old is null || old.DeletedUtc is not null)
        {
            return ContentResult.NotFound();
        }

        var latest = await GetAsync(old.ContentItemId, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return ContentResult.NotFound();
        }

        var draft = latest.Clone();
        draft.Content = old.Clone().Content;
        draft.Author = author ?? draft.Author;
        return await StoreAsync(draft, publish: false, cancellationToken);
    }

    private async Task<ContentResult> StoreAsync(ContentItem input, bool publish, CancellationToken cancellationToken)
    {
        var type = _definitions.Find(input.ContentType);
        if (type is null)
        {
            return ContentResult.Invalid([new ContentValidationError("", $"Type de contenu inconnu : « {input.ContentType} ».")]);
        }

        var validated = await _validator.ValidateAsync(type, input, cancellationToken);
        if (validated.Errors.Count > 0)
        {
            return ContentResult.Invalid(validated.Errors);
        }

        publish |= !type.Draftable;
        return await InTransactionAsync(async () =>
        {
            var now = Now();
            var versions = await TrackedHeadsAsync(input.ContentItemId, cancellationToken);
            var latest = versions.FirstOrDefault(x => x.Latest);
            var published = versions.FirstOrDefault(x => x.Published);

            if (input.IsNew ? await _db.ContentItems.AnyAsync(x => x.ContentItemId == input.ContentItemId, cancellationToken)
                            : latest is null || latest.ContentItemVersionId != input.ContentItemVersionId)
            {
                return latest?.DeletedUtc is not null ? ContentResult.NotFound() : ContentResult.Conflict();
            }

            if (latest?.DeletedUtc is not null)
            {
                return ContentResult.NotFound();
            }

            ContentItem target;
            var newVersion = latest is null || type.Versionable || latest.Published;
            if (newVersion)
            {
                var number = await _db.ContentItems.Where(x => x.ContentItemId == input.ContentItemId).MaxAsync(x => (int?)x.VersionNumber, cancellationToken) ?? 0;
                target = new ContentItem
                {
                    ContentItemId = input.ContentItemId,
                    ContentItemVersionId = IdGenerator.New(),
                    VersionNumber = number + 1,
                    ContentType = type.Name,
                    CreatedUtc = latest?.CreatedUtc ?? (input.CreatedUtc == default ? now : input.CreatedUtc),
                    Owner = input.Owner ?? latest?.Owner,
                };
            }
            else
            {
                // The draft is rewritten in place: a new version id makes copies loaded before
                // this save stale, so a second editor gets a conflict instead of overwriting it.
                target = latest!;
                target.ContentItemVersionId = IdGenerator.New();
            }

            // Flags move first, in their own statement, so the unique "one latest / one published"
            // indexes never see two rows at once.
            var flagsChanged = false;
            if (latest is not null && !ReferenceEquals(latest, target))
            {
                latest.Latest = false;
                flagsChanged = true;
            }

            if (publish && published is not null && !ReferenceEquals(published, target))
            {
                published.Published = false;
                flagsChanged = true;
            }

            if (flagsChanged)
            {
                await _db.SaveChangesAsync(cancellationToken);
            }

            target.Content = validated.Content;
            target.DisplayText = validated.DisplayText;
            target.Slug = validated.Slug;
            target.Author = input.Author ?? input.Owner;
            target.Owner ??= input.Owner;
            target.ModifiedUtc = now;
            target.Latest = true;

            // Review and schedule rules (see IContentWorkflow): the owner polishing a submitted
            // draft keeps it in review, anybody else's save or a publish ends the review; a schedule
            // approved one version, so any save drops it.
            target.ReviewRequestedUtc = !publish && string.Equals(target.Author, target.Owner, StringComparison.Ordinal) ? latest?.ReviewRequestedUtc : null;
            target.ScheduledPublishUtc = null;
            if (publish)
            {
                target.Published = true;

                // A new item may bring the date it was first published elsewhere (an import keeps
                // the original dates, never the import time); otherwise the first publication is now.
                target.PublishedUtc = published?.PublishedUtc ?? (latest is null && input.PublishedUtc is { } original && original <= now ? original : now);
                AddTask(target, IndexingTaskKind.Publish, now);
            }

            if (newVersion)
            {
                _db.ContentItems.Add(target);
            }

            await _db.SaveChangesAsync(cancellationToken);
            return ContentResult.Ok(target.Clone());
        }, async (item, ct) =>
        {
            await Notify(h => h.SavedAsync(item, ct), ct);
            if (publish)
            {
                await Notify(h => h.PublishedAsync(item, ct), ct);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Runs a change in a transaction: on any failure nothing is kept (and the change tracker is
    /// cleared so a later save in the same scope does not replay it). Handlers run after commit.
    /// </summary>
    private async Task<ContentResult> InTransactionAsync(
        Func<Task<ContentResult>> change,
        Func<ContentItem, CancellationToken, Task> after,
        CancellationToken cancellationToken)
    {
        ContentResult result;
        try
        {
            await using var transaction = await OwnedTransaction.BeginAsync(_db, cancellationToken);
            result = await change();
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // A unique index refused the write: another request changed the same item meanwhile.
            _db.ChangeTracker.Clear();
            return ContentResult.Conflict();
        }
        catch
        {
            _db.ChangeTracker.Clear();
            throw;
        }

        _db.ChangeTracker.Clear();
        if (result.Succeeded && result.Item is not null)
        {
            await after(result.Item, cancellationToken);
        }

        return result;
    }

    private Task<List<ContentItem>> TrackedHeadsAsync(string contentItemId, CancellationToken cancellationToken) =>
        _db.ContentItems.Where(x => x.ContentItemId == contentItemId && (x.Latest || x.Published)).ToListAsync(cancellationToken);

    private void AddTask(ContentItem item, IndexingTaskKind kind, DateTime now) =>
        _db.IndexingTasks.Add(new IndexingTask { ContentItemId = item.ContentItemId, ContentType = item.ContentType, Kind = kind, CreatedUtc = now });

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    private async Task Notify(Func<IContentHandler, Task> action, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await action(handler);
        }
    }

    private static IQueryable<ContentItem> Filter(IQueryable<ContentItem> query, VersionOptions options) => options switch
    {
        VersionOptions.Published => query.Where(x => x.Published && x.DeletedUtc == null),
        VersionOptions.DraftRequired => query.Where(x => x.Latest && !x.Published && x.DeletedUtc == null),
        _ => query.Where(x => x.Latest && x.DeletedUtc == null),
    };
}
