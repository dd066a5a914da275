using Lucene.Net.Documents;
using Lucene.Net.Index;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Modules.Tests.Search;

/// <summary>
/// A byte flipped inside an index file (a disk error, a bad copy) changes no length and breaks no
/// structure Lucene reads at opening: only the files' checksums find it. The index must then be put
/// away and rebuilt, never opened and searched.
/// </summary>
public sealed class IndexChecksumTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "rallynov-checksum-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_byte_flipped_in_the_stored_data_is_found_at_opening_and_the_index_starts_over()
    {
        await WriteIndexAsync();
        var file = Directory.GetFiles(_path).OrderByDescending(f => new FileInfo(f).Length).First();

        // The middle of the largest file lies in the stored documents (2 kB of text each), which
        // opening a reader never reads.
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            var value = stream.ReadByte();
            stream.Position = stream.Length / 2;
            stream.WriteByte((byte)(value ^ 0x10));
        }

        using var index = TenantSearchIndex.Open(_path, out var damaged);

        Assert.NotNull(damaged);
        Assert.Contains("checksum", damaged, StringComparison.OrdinalIgnoreCase);
        Assert.False(index.Built); // a new, empty index: the indexer rebuilds it from the database
    }

    [Fact]
    public async Task An_intact_index_opens_with_its_documents()
    {
        await WriteIndexAsync();

        using var index = TenantSearchIndex.Open(_path, out var damaged);

        Assert.Null(damaged);
        Assert.True(index.Built);
        Assert.Equal(300, index.Search(searcher => searcher.IndexReader.NumDocs));
    }

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    private async Task WriteIndexAsync()
    {
        var random = new Random(16);
        using var index = TenantSearchIndex.Open(_path, out _);
        var documents = new List<Document>();
        for (var i = 0; i < 300; i++)
        {
            var text = new string([.. Enumerable.Range(0, 2_000).Select(_ => (char)('a' + random.Next(26)))]);
            documents.Add(new Document
            {
                new StringField(SearchFields.Id, "item-" + i, Field.Store.YES),
                new StoredField("blob", text),
            });
        }

        await index.ReplaceAllAsync(ToAsync(documents), cursor: 1, CancellationToken.None);
    }

    private static async IAsyncEnumerable<Document> ToAsync(IEnumerable<Document> documents)
    {
        foreach (var document in documents)
        {
            yield return document;
        }

        await Task.CompletedTask;
    }
}
