using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class DecodedPostingsCacheTests
{
    /// <summary>
    /// Frequent terms of a large segment are decoded (bits and frequencies equal to the postings),
    /// rare ones and small segments are not, and the memory stays within the budget: the least
    /// recently read terms are dropped, and decoded again when asked.
    /// </summary>
    [Fact]
    public void Decodes_frequent_terms_within_its_budget()
    {
        using var directory = new RAMDirectory();
        string[] words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, TenantSearchIndex.CreateAnalyzer()) { MaxBufferedDocs = 5000 }))
        {
            var random = new Random(5);
            for (var i = 0; i < 5000; i++)
            {
                var text = string.Join(' ', words.Where(_ => random.Next(2) == 0)) + (i % 100 == 0 ? " rare rare" : "");
                writer.AddDocument(new Document { new TextField(SearchFields.Text, text, Field.Store.NO) });
            }

            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var leaf = Assert.Single(reader.Leaves);
        var entrySize = ((leaf.AtomicReader.MaxDoc + 63) / 64 * 8) + leaf.AtomicReader.MaxDoc;
        var cache = new DecodedPostingsCache(budget: 6 * entrySize); // room for six terms
        var lookup = new TermLookup(reader, cache);
        var analyzer = TenantSearchIndex.CreateAnalyzer();
        Term Term(string word) => new(SearchFields.Text, Analyze.Terms(analyzer, SearchFields.Text, word).Single());
        DensePostings? Decoded(string word) => lookup.Decoded(leaf, Term(word), lookup.DocFreq(leaf, Term(word)));

        Assert.Null(Decoded("rare"));
        var alpha = Decoded("alpha");
        Assert.NotNull(alpha);
        var docs = lookup.Docs(leaf, Term("alpha"))!;
        var count = 0;
        for (var doc = docs.NextDoc(); doc != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc(), count++)
        {
            Assert.NotEqual(0UL, alpha.Bits[doc >> 6] & (1UL << doc));
            Assert.Equal(docs.Freq, alpha.Freqs[doc]);
        }

        Assert.Equal(count, alpha.Bits.Sum(w => System.Numerics.BitOperations.PopCount(w)));
        Assert.Same(alpha, Decoded("alpha"));

        // Six terms fill the budget; "alpha" is read again, then a seventh term goes over: the
        // least recently read are dropped down to half the budget, "alpha" and "foxtrot" stay.
        var first = words[..6].Select(Decoded).ToList();
        Assert.Same(alpha, Decoded("alpha"));
        Assert.NotNull(Decoded("golf"));
        Assert.InRange(cache.CachedBytes, entrySize, cache.Budget / 2);
        Assert.Same(alpha, Decoded("alpha"));
        Assert.Same(first[5], Decoded("foxtrot"));
        Assert.NotSame(first[1], Decoded("bravo"));
        foreach (var word in words)
        {
            Assert.NotNull(Decoded(word));
            Assert.InRange(cache.CachedBytes, entrySize, cache.Budget);
        }

        Assert.Null(new TermLookup(reader, new DecodedPostingsCache(budget: 0)).Decoded(leaf, Term("alpha"), count));
    }
}
