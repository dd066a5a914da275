using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using RallyNov.Search.Lucene.Analysis;
using RallyNov.Search.Lucene.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// One tenant's Lucene index: a single writer, a near-real-time searcher manager, and the
/// IndexingTasks cursor saved in the commit itself, so the index and its position in the log
/// can never disagree after a crash.
/// </summary>
internal sealed class TenantSearchIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _cursor;

    private TenantSearchIndex(string path, LuceneDirectory directory, IndexWriter writer)
    {
        Path = path;
        _directory = directory;
        _writer = writer;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        (Cursor, LastRebuildUtc) = ReadCommitData(writer);
    }

    public string Path { get; }

    /// <summary>True once a failed rebuild closed the writer; the registry then reopens the index.</summary>
    public bool Faulted { get; private set; }

    /// <summary>Id of the last IndexingTasks row applied; 0 for a new index (which needs a full build).</summary>
    public long Cursor { get => Volatile.Read(ref _cursor); private set => Volatile.Write(ref _cursor, value); }

    /// <summary>When the index was last rebuilt from the database, or null.</summary>
    public DateTime? LastRebuildUtc { get; private set; }

    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(
        new FrenchSearchAnalyzer(stem: true),
        new Dictionary<string, Analyzer>
        {
            [SearchFields.TitleExact] = new FrenchSearchAnalyzer(stem: false),
            [SearchFields.AllExact] = new FrenchSearchAnalyzer(stem: false),
        });

    /// <summary>Opens the index at a path; a corrupt index is wiped and starts empty (cursor 0 → rebuilt from the database).</summary>
    public static TenantSearchIndex Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        try
        {
            return OpenCore(path);
        }
        catch (Exception ex) when (ex is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or EndOfStreamException or IOException)
        {
            System.IO.Directory.Delete(path, recursive: true);
            System.IO.Directory.CreateDirectory(path);
            return OpenCore(path);
        }
    }

    private static TenantSearchIndex OpenCore(string path)
    {
        // Memory-mapped: facet counting reads doc values many times faster than through NIO; our
        // own mapped directory, because Lucene.NET's MMapDirectory's per-clone bookkeeping cost more than the searches.
        var directory = new MappedDirectory(new DirectoryInfo(path));
        if (IndexWriter.IsLocked(directory))
        {
            // A process that died while writing leaves its lock; only this process writes here.
            IndexWriter.Unlock(directory);
        }

        var config = new IndexWriterConfig(global::Lucene.Net.Util.LuceneVersion.LUCENE_48, CreateAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64, // fewer, larger flushes during rebuilds
        };
        var writer = new IndexWriter(directory, config);
        if (DirectoryReader.IndexExists(directory))
        {
            // Reading a segment proves the files are sane before we serve from them.
            using var probe = DirectoryReader.Open(directory);
            _ = probe.NumDocs;
        }

        return new TenantSearchIndex(path, directory, writer);
    }

    /// <summary>Applies a batch of changes and moves the cursor, in one commit.</summary>
    public async Task ApplyAsync(IEnumerable<Document> upserts, IEnumerable<string> deletes, long cursor, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            foreach (var id in deletes)
            {
                _writer.DeleteDocuments(new Term(SearchFields.Id, id));
            }

            foreach (var doc in upserts)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, doc.Get(SearchFields.Id)), doc);
            }

            CommitAt(cursor);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Replaces every document with the streamed ones. Nothing is committed before the end, so
    /// searches keep using the old documents meanwhile, and a crash mid-way leaves the old index intact.
    /// </summary>
    public async Task ReplaceAllAsync(IAsyncEnumerable<Document> documents, long cursor, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer.DeleteAll();
            await foreach (var doc in documents.WithCancellation(cancellationToken))
            {
                _writer.AddDocument(doc);
            }

            LastRebuildUtc = DateTime.UtcNow;
            CommitAt(cursor);
        }
        catch
        {
            // Back to the last commit: the old documents keep serving. Lucene closes a rolled-back
            // writer, so the registry opens this index afresh on next use.
            _writer.Rollback();
            Faulted = true;
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void CommitAt(long cursor)
    {
        var data = new Dictionary<string, string>
        {
            [SearchFields.CursorKey] = cursor.ToString(CultureInfo.InvariantCulture),
            [SearchFields.SchemaKey] = SearchFields.SchemaVersion,
        };
        if (LastRebuildUtc is { } rebuilt)
        {
            data[SearchFields.RebuiltKey] = rebuilt.ToString("O", CultureInfo.InvariantCulture);
        }

        _writer.SetCommitData(data);
        _writer.Commit();

        // Searcher first, cursor second: whoever sees the new cursor also sees the new documents
        // (the list pages rely on it to decide whether the index is up to date).
        _searchers.MaybeRefreshBlocking();
        Cursor = cursor;
    }

    public int DocumentCount
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Version of the reader searches see now: it changes whenever a change becomes visible.</summary>
    public long Version => Search(searcher => ((DirectoryReader)searcher.IndexReader).Version);

    /// <summary>A current searcher; give it back with <see cref="Release"/>.</summary>
    public IndexSearcher Acquire() => _searchers.Acquire();

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    /// <summary>Runs a function on a current searcher and releases it.</summary>
    public T Search<T>(Func<IndexSearcher, T> action)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _writeLock.Dispose();
    }

    private static (long Cursor, DateTime? Rebuilt) ReadCommitData(IndexWriter writer)
    {
        if (!DirectoryReader.IndexExists(writer.Directory))
        {
            return (0, null);
        }

        var commits = DirectoryReader.ListCommits(writer.Directory);
        var data = commits.Count == 0 ? null : commits[^1].UserData;
        if (data is null || !data.TryGetValue(SearchFields.SchemaKey, out var schema) || schema != SearchFields.SchemaVersion)
        {
            // Older fields: searching it would miss words, so it counts as empty and is rebuilt.
            return (0, null);
        }

        var cursor = data.TryGetValue(SearchFields.CursorKey, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : 0;
        DateTime? rebuilt = data.TryGetValue(SearchFields.RebuiltKey, out var date)
            && DateTime.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        return (cursor, rebuilt);
    }
}
