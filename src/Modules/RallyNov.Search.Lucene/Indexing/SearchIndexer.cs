using System.Runtime.CompilerServices;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Caching;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Data;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// Brings the tenant's index up to date with the IndexingTasks log. A new or wiped index
/// (cursor 0) is built from every published item; afterwards only the logged changes are applied.
/// </summary>
public interface ISearchIndexer
{
    /// <summary>Applies pending changes; returns the number of items touched.</summary>
    Task<int> CatchUpAsync(CancellationToken cancellationToken);

    /// <summary>Rebuilds the whole index from the database.</summary>
    Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken);

    /// <summary>Document count, cursor, last rebuild and state of the tenant's index.</summary>
    SearchIndexInfo Info();
}

/// <param name="State">"ok" (built, serving), "building" (no complete build yet) or "broken" (damaged, being replaced).</param>
public sealed record SearchIndexInfo(int Documents, long Cursor, DateTime? LastRebuildUtc, string State = SearchIndexStates.Ok, string? Problem = null);

public static class SearchIndexStates
{
    public const string Ok = "ok";
    public const string Building = "building";
    public const string Broken = "broken";

    internal static string Of(TenantSearchIndex? index) =>
        index is null ? Building : index.Broken ? Broken : index.Built ? Ok : Building;
}

internal sealed class SearchIndexer(
    RallyNovDbContext db,
    IContentManager contents,
    IContentDefinitionManager definitions,
    ITaxonomyService taxonomies,
    SearchIndexRegistry registry,
    TenantContext tenant,
    ISiteCacheInvalidator caches,
    ITenantScopeFactory scopeFactory,
    IConfiguration configuration) : ISearchIndexer
{
    private const int BatchSize = 500;
    private const int RebuildPageSize = 1000;

    /// <summary>Parts of a rebuild inverted at once (at most one per core).</summary>
    private const int MaxParts = 4;

    /// <summary>The fewest items worth a part of their own (<c>RallyNov:Search:RebuildPartSize</c>, 1 000 by default).</summary>
    private readonly int _minPartSize = Math.Max(1, configuration.GetValue("RallyNov:Search:RebuildPartSize", 1000));

    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var index = Current();
        if (index is null)
        {
            return 0; // broken and replaced a moment ago: the next pass tries again
        }

        if (!index.Built)
        {
            return await RebuildAsync(null, cancellationToken);
        }

        var cursor = index.Cursor;
        var tasks = await db.IndexingTasks.AsNoTracking()
            .Where(t => t.Id > cursor)
            .OrderBy(t => t.Id)
            .Take(BatchSize)
            .Select(t => new LoggedTask(t.Id, t.ContentItemId))
            .ToListAsync(cancellationToken);

        // Tasks committed after the cursor went past their id (see LogGaps).
        var waiting = index.Gaps.Waiting(DateTime.UtcNow);
        var late = waiting.Length == 0 ? [] : await db.IndexingTasks.AsNoTracking()
            .Where(t => waiting.Contains(t.Id))
            .Select(t => new LoggedTask(t.Id, t.ContentItemId))
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0 && late.Count == 0)
        {
            // A database put back in time (a backup restored, `tenants reset`) has fewer tasks than
            // the index has applied: the index holds items the database no longer has.
            var last = await db.IndexingTasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            return last < index.Cursor ? await RebuildAsync(null, cancellationToken) : 0;
        }

        var ids = tasks.Concat(late).Select(t => t.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
        var published = await contents.GetManyAsync(ids, VersionOptions.Published, cancellationToken);
        var terms = await TermNamesAsync(cancellationToken);
        var upserts = published.Values.Select(item => ToDocument(item, terms)).OfType<Document>().ToList();
        var deletes = ids.Where(id => !published.ContainsKey(id)).ToList();
        var next = tasks.Count > 0 ? tasks[^1].Id : cursor;

        // The gaps as they are after this batch go into its commit, with the cursor.
        var before = index.Gaps.Serialize();
        index.Gaps.Found(late.Select(t => t.Id));
        index.Gaps.Passed(cursor, tasks.Select(t => t.Id), DateTime.UtcNow);
        try
        {
            await index.ApplyAsync(upserts, deletes, next, cancellationToken);
        }
        catch
        {
            index.Gaps.Restore(before);
            throw;
        }

        // Search answers cached while the index was behind go; and a change written by another
        // node or a command-line verb (the log is shared) reaches this node's caches here.
        await caches.TenantChangedAsync(tenant.Name, cancellationToken);
        return ids.Count;
    }

    /// <summary>How far below the cursor a rebuild looks for ids not committed yet.</summary>
    internal const int RebuildGapWindow = 1000;

    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var index = Current() ?? throw new SearchIndexUnavailableException("L'index vient d'être remplacé après une panne ; réessayez dans une minute.");

        // The cursor is read before the items: a change committed meanwhile is replayed, never lost.
        var cursor = await db.IndexingTasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;

        // On PostgreSQL an id below the cursor may belong to a transaction not committed yet: its
        // item is not read below, and the cursor is past it. Such ids (missing from the log now,
        // still before reading the items) are looked for again after the rebuild, like the gaps of a pass.
        var window = Math.Max(0, cursor - RebuildGapWindow);
        var present = await db.IndexingTasks.AsNoTracking()
            .Where(t => t.Id > window && t.Id <= cursor)
            .OrderBy(t => t.Id)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        // From the first id present: a log pruned below it has no gap to wait for.
        index.Gaps.Passed(present.Count > 0 ? Math.Max(window, present[0] - 1) : window, present, DateTime.UtcNow);
        var total = await db.ContentItems.CountAsync(x => x.Published && x.DeletedUtc == null, cancellationToken);
        var terms = await TermNamesAsync(cancellationToken);
        progress?.Report((0, total));

        // One part per core, each read, prepared and inverted on its own thread: Lucene's
        // inversion is most of a rebuild's work and runs on one thread per writer.
        var parts = Math.Clamp(Math.Min(Environment.ProcessorCount, total / _minPartSize), 1, MaxParts);
        var bounds = new List<long> { 0 };
        for (var k = 1; k < parts; k++)
        {
            var skip = (int)((long)total * k / parts);
            bounds.Add(await Published(db).OrderBy(x => x.Id).Skip(skip).Select(x => x.Id).FirstOrDefaultAsync(cancellationToken));
        }

        bounds.Add(long.MaxValue);
        var done = new int[1];
        var scopes = new List<AsyncServiceScope>();
        try
        {
            var streams = new List<IAsyncEnumerable<Document>>();
            for (var k = 0; k < parts; k++)
            {
                // A DbContext serves one thread: the other parts read through scopes of their own.
                var partDb = db;
                if (k > 0)
                {
                    var scope = scopeFactory.CreateScope(tenant.Settings);
                    scopes.Add(scope);
                    partDb = scope.ServiceProvider.GetRequiredService<RallyNovDbContext>();
                }

                streams.Add(ReadDocumentsAsync(partDb, bounds[k], bounds[k + 1], terms, done, total, progress, cancellationToken));
            }

            await index.ReplaceAllAsync(streams, cursor, cancellationToken);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        await caches.TenantChangedAsync(tenant.Name, cancellationToken);
        return index.DocumentCount;
    }

    public SearchIndexInfo Info()
    {
        try
        {
            var index = registry.Get(tenant);
            var documents = index.Broken ? 0 : index.DocumentCount;
            return new SearchIndexInfo(documents, index.Cursor, index.LastRebuildUtc, SearchIndexStates.Of(index), index.BrokenReason);
        }
        catch (SearchIndexUnavailableException ex)
        {
            return new SearchIndexInfo(0, 0, null, SearchIndexStates.Broken, ex.Message);
        }
    }

    /// <summary>The index to write to: a broken one is first replaced by a new empty one (null while too recent a replacement).</summary>
    private TenantSearchIndex? Current()
    {
        var index = registry.Get(tenant);
        return index.Broken ? registry.ReplaceBroken(tenant) : index;
    }

    private static IQueryable<ContentItem> Published(RallyNovDbContext source) =>
        source.ContentItems.AsNoTracking().Where(x => x.Published && x.DeletedUtc == null);

    /// <summary>The documents of the published items with ids in [from, to), in the database's order (rebuilds are repeatable).</summary>
    private async IAsyncEnumerable<Document> ReadDocumentsAsync(
        RallyNovDbContext source, long from, long to, IReadOnlyDictionary<string, string> terms, int[] done, int total,
        IProgress<(int Done, int Total)>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Keyset paging on the row id: constant cost per page, unlike OFFSET on a large table.
        var lastId = from - 1;
        while (true)
        {
            var page = await Published(source)
                .Where(x => x.Id > lastId && x.Id < to)
                .OrderBy(x => x.Id)
                .Take(RebuildPageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            lastId = page[^1].Id;
            foreach (var item in page)
            {
                if (ToDocument(item, terms) is { } doc)
                {
                    yield return doc;
                }
            }

            progress?.Report((Math.Min(Interlocked.Add(ref done[0], page.Count), total), total));
        }
    }

    private Document? ToDocument(ContentItem item, IReadOnlyDictionary<string, string> terms)
    {
        // Only what has a page of its own is searchable: a hit must always lead somewhere.
        var type = definitions.Find(item.ContentType);
        return type?.UrlFor(item.Slug) is null ? null : SearchDocumentFactory.Create(tenant.Name, item, type, terms);
    }

    private sealed record LoggedTask(long Id, string ContentItemId);

    private async Task<IReadOnlyDictionary<string, string>> TermNamesAsync(CancellationToken cancellationToken)
    {
        var vocabularies = await taxonomies.ListAsync(cancellationToken);
        return vocabularies.SelectMany(v => v.Terms.Select(t => (Key: $"{v.Name}/{t.Slug}", t.Name)))
            .ToDictionary(x => x.Key, x => x.Name, StringComparer.Ordinal);
    }
}
