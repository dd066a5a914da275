using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Content;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The <see cref="ListView"/>s of each index reader, kept while the reader lives (a publish
/// makes a new reader, hence new views: a view can never show an older state than its reader).
/// A small type's view is built inside the request (milliseconds); a large one's (100 000 items:
/// a few hundred milliseconds) in the background, and until it is there the request takes
/// the Lucene pass on the same, current reader — exact, only slower.
/// </summary>
internal sealed class PublishedListViews(ILogger<PublishedListViews> logger)
{
    /// <summary>Types with at most this many documents have their view built by the request that needs it.</summary>
    public int InlineLimit { get; init; } = 5_000;

    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, Lazy<ListView>>> _readers = new();

    /// <summary>Null while the view is being built (the caller then runs the query on Lucene).</summary>
    public ListView? Get(IndexSearcher searcher, PublishedListQuery query)
    {
        var reader = searcher.IndexReader;
        var views = _readers.GetValue(reader, _ => new ConcurrentDictionary<string, Lazy<ListView>>(StringComparer.Ordinal));
        var key = query.ContentType + '\u001f' + query.SortByNumberDescending;
        if (views.TryGetValue(key, out var known))
        {
            return known.IsValueCreated ? known.Value : null;
        }

        var lazy = new Lazy<ListView>(() => ListView.Build(searcher, query.ContentType, query.SortByNumberDescending));
        if (reader.DocFreq(new Term(SearchFields.Type, query.ContentType)) <= InlineLimit)
        {
            return views.GetOrAdd(key, lazy).Value;
        }

        if (!views.TryAdd(key, lazy))
        {
            return null;
        }

        // The reader stays open for the build even if a newer one replaces it meanwhile.
        reader.IncRef();
        _ = Task.Run(() =>
        {
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var view = lazy.Value;
                logger.LogInformation("List view of {Type} built: {Count} items in {Milliseconds:0} ms.", query.ContentType, view.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex)
            {
                views.TryRemove(key, out _);
                logger.LogWarning(ex, "List view of {Type} not built; lists keep querying the index.", query.ContentType);
            }
            finally
            {
                reader.DecRef();
            }
        });
        return null;
    }
}
