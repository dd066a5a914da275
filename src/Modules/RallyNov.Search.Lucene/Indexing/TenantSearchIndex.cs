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
/// can never disagree after a crash. Every read goes through <see cref="Search{T}"/> or
/// <see cref="Acquire"/>: a failure there (a damaged file) marks the index <see cref="Broken"/>
/// and surfaces as <see cref="SearchIndexUnavailableException"/>; the registry then replaces it
/// by a new index built from the database, without ever reading the damaged files again.
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
        (Cursor, LastRebuildUtc, Built, var gaps) = ReadCommitData(writer);
        Gaps.Restore(gaps);
    }

    public string Path { get; }

    /// <summary>True once a failed rebuild closed the writer; the registry then reopens the index.</summary>
    public bool Faulted { get; private set; }

    /// <summary>True when the index holds a complete build (a commit of this schema with its cursor).</summary>
    public bool Built { get; private set; }

    /// <summary>Set when a read or write of the index failed: it answers nothing more and is replaced.</summary>
    public bool Broken => _broken is not null;

    /// <summary>What broke the index, for the logs and the admin page.</summary>
    public string? BrokenReason => _broken;

    /// <summary>Searches may use it: built, and not broken.</summary>
    public bool Ready => Built && !Broken;

    private volatile string? _broken;
    private long _lastVerification;

    /// <summary>Id of the last IndexingTasks row applied; 0 for a new index (which needs a full build).</summary>
    public long Cursor { get => Volatile.Read(ref _cursor); private set => Volatile.Write(ref _cursor, value); }

    /// <summary>Ids below the cursor missing from the log when it was read (see <see cref="LogGaps"/>).</summary>
    internal LogGaps Gaps { get; } = new();

    /// <summary>When the index was last rebuilt from the database, or null.</summary>
    public DateTime? LastRebuildUtc { get; private set; }

    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(
        new FrenchSearchAnalyzer(stem: true),
        new Dictionary<string, Analyzer>
        {
            [SearchFields.TitleExact] = new FrenchSearchAnalyzer(stem: false),
            [SearchFields.AllExact] = new FrenchSearchAnalyzer(stem: false),
        });

    /// <summary>
    /// Opens the index at a path after checking every file's checksum. A damaged index (truncated,
    /// deleted or foreign files: whatever exception) is moved away unread and a new, empty one
    /// starts (not built → rebuilt from the database). An index locked by another process is never
    /// touched.
    /// </summary>
    /// <param name="damaged">Receives why the old files were put away, when they were.</param>
    public static TenantSearchIndex Open(string path, out string? damaged)
    {
        damaged = null;
        System.IO.Directory.CreateDirectory(path);
        try
        {
            return OpenCore(path);
        }
        catch (Exception ex) when (ex is not (LockObtainFailedException or OperationCanceledException or OutOfMemoryException))
        {
            damaged = ex.GetType().Name + ": " + ex.Message;
            PutAway(path);
            return OpenCore(path);
        }
    }

    /// <summary>Moves an index folder aside (one rename, whatever its files hold) and deletes it; a new empty folder takes its place.</summary>
    public static void PutAway(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            var aside = path + ".damaged-" + Guid.NewGuid().ToString("N")[..8];
            System.IO.Directory.Move(path, aside);
            try
            {
                System.IO.Directory.Delete(aside, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still mapped by a reader on some systems: the folder goes at the next start.
            }
        }

        System.IO.Directory.CreateDirectory(path);
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
            RAMBufferSizeMB = RebuildBufferMegabytes,
        };
        IndexWriter? writer = null;
        try
        {
            writer = new IndexWriter(directory, config);
            if (DirectoryReader.IndexExists(directory))
            {
                // Every file of the commit is read once and its checksum compared: a truncated
                // or overwritten file is found here, not by a visitor's search. Lucene's own
                // (slower) check only for a commit with a file lacking a checksum footer.
                using var probe = DirectoryReader.Open(directory);
                if (!IndexChecksums.TryVerify(path, probe.IndexCommit))
                {
                    foreach (var leaf in probe.Leaves)
                    {
                        leaf.AtomicReader.CheckIntegrity();
                    }
                }
            }

            return new TenantSearchIndex(path, directory, writer);
        }
        catch
        {
            CloseQuietly(writer, directory);
            throw;
        }
    }

    /// <summary>Marks the index broken after a failed read or write; returns the exception callers get.</summary>
    public SearchIndexUnavailableException MarkBroken(Exception cause)
    {
        _broken ??= cause.GetType().Name + ": " + cause.Message;
        return new SearchIndexUnavailableException(_broken, cause);
    }

    /// <summary>
    /// Whether a failed read or write means damaged files: an I/O error (a truncated file reads
    /// past its end) does; anything else (a query too large, a bug) only when the checksums of
    /// the index files no longer match — checked at most once a minute, so that a request that
    /// fails by itself can never make the site rebuild its index again and again.
    /// </summary>
    private bool IsDamage(Exception ex)
    {
        if (ex is OperationCanceledException or OutOfMemoryException or SearchIndexUnavailableException)
        {
            return false;
        }

        if (ex is IOException)
        {
            return true;
        }

        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastVerification);
        if (last != 0 && now - last < 60_000 || Interlocked.CompareExchange(ref _lastVerification, now, last) != last)
        {
            return false;
        }

        try
        {
            var searcher = _searchers.Acquire();
            try
            {
                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    leaf.AtomicReader.CheckIntegrity();
                }
            }
            finally
            {
                _searchers.Release(searcher);
            }

            return false;
        }
        catch (Exception check) when (check is not OutOfMemoryException)
        {
            return true;
        }
    }

    /// <summary>Applies a batch of changes and moves the cursor, in one commit.</summary>
    public async Task ApplyAsync(IEnumerable<Document> upserts, IEnumerable<string> deletes, long cursor, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
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
        catch (Exception ex) when (IsDamage(ex))
        {
            throw MarkBroken(ex);
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
    public Task ReplaceAllAsync(IAsyncEnumerable<Document> documents, long cursor, CancellationToken cancellationToken) =>
        ReplaceAllAsync([documents], cursor, cancellationToken);

    /// <summary>
    /// <see cref="ReplaceAllAsync(IAsyncEnumerable{Document}, long, CancellationToken)"/> from consecutive parts of the documents:
    /// each part is inverted on its own thread, the first by this writer, the others into
    /// writers of their own beside the index whose segments are then appended in order — the
    /// documents keep the parts' order, so rebuilds are repeatable.
    /// </summary>
    public async Task ReplaceAllAsync(IReadOnlyList<IAsyncEnumerable<Document>> parts, long cursor, CancellationToken cancellationToken)
    {
        ThrowIfBroken();
        await _writeLock.WaitAsync(cancellationToken);
        var folders = Enumerable.Range(1, parts.Count - 1).Select(i => $"{Path}.part{i}").ToList();
        try
        {
            _writer.DeleteAll();
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var work = parts.Select((part, i) => Task.Run(async () =>
            {
                try
                {
                    if (i == 0)
                    {
                        await AddAllAsync(_writer, part, failed.Token);
                    }
                    else
                    {
                        await WritePartAsync(folders[i - 1], part, failed.Token);
                    }
                }
                catch
                {
                    await failed.CancelAsync(); // the other parts stop too
                    throw;
                }
            }, CancellationToken.None)).ToList();
            await Task.WhenAll(work);

            if (folders.Count > 0)
            {
                var directories = folders.Select(f => (LuceneDirectory)FSDirectory.Open(f)).ToArray();
                try
                {
                    _writer.AddIndexes(directories);
                }
                finally
                {
                    foreach (var directory in directories)
                    {
                        directory.Dispose();
                    }
                }
            }

            LastRebuildUtc = DateTime.UtcNow;
            CommitAt(cursor);
            Built = true;
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
            foreach (var folder in folders)
            {
                DeleteFolder(folder);
            }

            _writeLock.Release();
        }
    }

    private static async Task AddAllAsync(IndexWriter writer, IAsyncEnumerable<Document> documents, CancellationToken cancellationToken)
    {
        await foreach (var doc in documents.WithCancellation(cancellationToken))
        {
            writer.AddDocument(doc);
        }
    }

    /// <summary>One part of a rebuild into a new index of its own (a folder left by a crash is replaced).</summary>
    private static async Task WritePartAsync(string folder, IAsyncEnumerable<Document> documents, CancellationToken cancellationToken)
    {
        DeleteFolder(folder);
        using var directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(global::Lucene.Net.Util.LuceneVersion.LUCENE_48, CreateAnalyzer())
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = RebuildBufferMegabytes,
        };
        using var writer = new IndexWriter(directory, config);
        try
        {
            await AddAllAsync(writer, documents, cancellationToken);
            writer.Commit();
        }
        catch
        {
            writer.Rollback();
            throw;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Deleted by the next rebuild.
        }
    }

    /// <summary>Fewer, larger flushes during rebuilds.</summary>
    private const double RebuildBufferMegabytes = 64;

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

        // With the cursor that passed them: a restart looks for them again.
        if (Gaps.Serialize() is { Length: > 0 } gaps)
        {
            data[SearchFields.GapsKey] = gaps;
        }

        _writer.SetCommitData(data);
        _writer.Commit();

        // Searcher first, cursor second: whoever sees the new cursor also sees the new documents
        // (the list pages rely on it to decide whether the index is up to date).
        _searchers.MaybeRefreshBlocking();
        Cursor = cursor;
    }

    public int DocumentCount => Search(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Version of the reader searches see now: it changes whenever a change becomes visible.</summary>
    public long Version => Search(searcher => ((DirectoryReader)searcher.IndexReader).Version);

    /// <summary>A current searcher; give it back with <see cref="Release"/>. Reads on it go through <see cref="Guard{T}"/>.</summary>
    public IndexSearcher Acquire()
    {
        ThrowIfBroken();
        try
        {
            return _searchers.Acquire();
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw MarkBroken(ex);
        }
    }

    public void Release(IndexSearcher searcher)
    {
        try
        {
            _searchers.Release(searcher);
        }
        catch (Exception ex) when (ex is ObjectDisposedException)
        {
            // The index was replaced while this searcher was out; its reader goes with it.
        }
    }

    /// <summary>Runs a function on a current searcher and releases it.</summary>
    public T Search<T>(Func<IndexSearcher, T> action)
    {
        var searcher = Acquire();
        try
        {
            return Guard(() => action(searcher));
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>Runs a read of an acquired searcher: any failure marks the index broken.</summary>
    public T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsDamage(ex))
        {
            throw MarkBroken(ex);
        }
    }

    public void ThrowIfBroken()
    {
        if (_broken is { } reason)
        {
            throw new SearchIndexUnavailableException(reason, null);
        }
    }

    public void Dispose()
    {
        try
        {
            _searchers.Dispose();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }

        if (Broken)
        {
            // Closing normally would commit and merge, reading the damaged files again.
            CloseQuietly(_writer, _directory);
        }
        else
        {
            _writer.Dispose();
            _directory.Dispose();
        }

        _writeLock.Dispose();
    }

    private static void CloseQuietly(IndexWriter? writer, LuceneDirectory directory)
    {
        try
        {
            writer?.Rollback();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Damaged: nothing to save; the lock goes with the directory.
        }

        try
        {
            directory.Dispose();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
        }
    }

    private static (long Cursor, DateTime? Rebuilt, bool Built, string? Gaps) ReadCommitData(IndexWriter writer)
    {
        if (!DirectoryReader.IndexExists(writer.Directory))
        {
            return (0, null, false, null);
        }

        var commits = DirectoryReader.ListCommits(writer.Directory);
        var data = commits.Count == 0 ? null : commits[^1].UserData;
        if (data is null || !data.TryGetValue(SearchFields.SchemaKey, out var schema) || schema != SearchFields.SchemaVersion)
        {
            // Older fields: searching it would miss words, so it counts as empty and is rebuilt.
            return (0, null, false, null);
        }

        if (!data.TryGetValue(SearchFields.CursorKey, out var text) || !long.TryParse(text, CultureInfo.InvariantCulture, out var cursor))
        {
            return (0, null, false, null);
        }

        DateTime? rebuilt = data.TryGetValue(SearchFields.RebuiltKey, out var date)
            && DateTime.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        return (cursor, rebuilt, true, data.TryGetValue(SearchFields.GapsKey, out var gaps) ? gaps : null);
    }
}

/// <summary>The tenant's search index cannot answer now (damaged, being rebuilt): lists read the database, search says so.</summary>
public sealed class SearchIndexUnavailableException : Exception
{
    public SearchIndexUnavailableException()
    {
    }

    public SearchIndexUnavailableException(string message)
        : base(message)
    {
    }

    public SearchIndexUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
