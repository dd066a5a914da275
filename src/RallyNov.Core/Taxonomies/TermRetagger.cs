using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Data;
using RallyNov.Core.Indexing;

namespace RallyNov.Core.Taxonomies;

/// <summary>
/// Finds and rewrites the term slugs stored in content: the taxonomy fields of every type that
/// draws from a vocabulary. Rows are read by pages of the row id, so a large site never loads every
/// item at once; the caller owns the transaction.
/// </summary>
internal sealed class TermRetagger(RallyNovDbContext db, IContentDefinitionManager definitions, TimeProvider clock)
{
    private const int PageSize = 500;

    /// <summary>Type name → the names of its fields that hold terms of <paramref name="vocabulary"/>.</summary>
    public Dictionary<string, List<string>> FieldsOf(string vocabulary) =>
        definitions.AllTypes
            .Select(t => (t.Name, Fields: t.Fields.Where(f => f.Kind == FieldKind.Taxonomy && f.Vocabulary == vocabulary).Select(f => f.Name).ToList()))
            .Where(t => t.Fields.Count > 0)
            .ToDictionary(t => t.Name, t => t.Fields, StringComparer.Ordinal);

    /// <summary>Items (latest or published version, bin excluded) per term slug.</summary>
    public async Task<Dictionary<string, int>> UsageAsync(string vocabulary, CancellationToken cancellationToken)
    {
        var fields = FieldsOf(vocabulary);
        var items = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var page in PagesAsync(fields.Keys, tracked: false, live: true, cancellationToken))
        {
            foreach (var row in page)
            {
                foreach (var slug in SlugsIn(row.Content, fields[row.ContentType]))
                {
                    if (!items.TryGetValue(slug, out var ids))
                    {
                        items[slug] = ids = new HashSet<string>(StringComparer.Ordinal);
                    }

                    ids.Add(row.ContentItemId);
                }
            }
        }

        return items.ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// Replaces <paramref name="slug"/> with <paramref name="replacement"/> (or removes it when null)
    /// in every version of every item, in place: history, drafts and the bin included, so no
    /// version brings the old slug back when restored. Published items get an IndexingTasks row.
    /// With <paramref name="replacement"/> equal to <paramref name="slug"/> nothing is rewritten and
    /// the published items using it are only queued for indexing (a new term name).
    /// </summary>
    /// <returns>The number of distinct items changed (or queued).</returns>
    public async Task<int> RetagAsync(string vocabulary, string slug, string? replacement, CancellationToken cancellationToken)
    {
        var fields = FieldsOf(vocabulary);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var published = new Dictionary<string, string>(StringComparer.Ordinal);
        var onlyIndex = replacement == slug;
        var now = clock.GetUtcNow().UtcDateTime;
        await foreach (var page in PagesAsync(fields.Keys, tracked: !onlyIndex, live: false, cancellationToken))
        {
            foreach (var row in page.Where(r => SlugsIn(r.Content, fields[r.ContentType]).Contains(slug)))
            {
                if (!onlyIndex)
                {
                    var content = (JsonObject)row.Content.DeepClone();
                    foreach (var field in fields[row.ContentType])
                    {
                        if (content[field] is JsonArray values)
                        {
                            content[field] = Replace(values, slug, replacement);
                        }
                    }

                    row.Content = content;
                }

                if (row.DeletedUtc is null && (row.Latest || row.Published))
                {
                    touched.Add(row.ContentItemId);
                }

                if (row.Published && row.DeletedUtc is null)
                {
                    published[row.ContentItemId] = row.ContentType;
                }
            }

            // One statement batch per page; the tracker is emptied so a large site never holds every row.
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        foreach (var (id, type) in published)
        {
            db.IndexingTasks.Add(new IndexingTask { ContentItemId = id, ContentType = type, Kind = IndexingTaskKind.Publish, CreatedUtc = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return touched.Count;
    }

    private static JsonArray Replace(JsonArray values, string slug, string? replacement)
    {
        var result = new List<string>();
        foreach (var value in values.Select(v => v is JsonValue j && j.TryGetValue<string>(out var s) ? s : null).OfType<string>())
        {
            var next = value == slug ? replacement : value;
            if (next is not null && !result.Contains(next, StringComparer.Ordinal))
            {
                result.Add(next);
            }
        }

        return [.. result.Select(s => (JsonNode)JsonValue.Create(s))];
    }

    private static HashSet<string> SlugsIn(JsonObject content, List<string> fields)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (content[field] is JsonArray values)
            {
                slugs.UnionWith(values.Select(v => v is JsonValue j && j.TryGetValue<string>(out var s) ? s : null).OfType<string>());
            }
        }

        return slugs;
    }

    /// <param name="live">Only the latest and published versions outside the bin (usage counts); otherwise every row.</param>
    private async IAsyncEnumerable<List<Content.ContentItem>> PagesAsync(
        IReadOnlyCollection<string> types, bool tracked, bool live, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (types.Count == 0)
        {
            yield break;
        }

        var names = types.ToList();
        var lastId = 0L;
        while (true)
        {
            var query = db.ContentItems.Where(x => names.Contains(x.ContentType) && x.Id > lastId);
            if (live)
            {
                query = query.Where(x => (x.Latest || x.Published) && x.DeletedUtc == null);
            }

            if (!tracked)
            {
                query = query.AsNoTracking();
            }

            var page = await query.OrderBy(x => x.Id).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            lastId = page[^1].Id;
            yield return page;
        }
    }
}
