using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class LookupTermQueryTests
{
    /// <summary>
    /// Terms looked up once per request, read from decoded bits where frequent, must find and score
    /// exactly as Lucene's TermQuery: in a conjunction of disjunctions (the ranking query's shape,
    /// which skips), in a disjunction (which steps), over large segments, a small one and deletions.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Scores_exactly_like_lucenes_term_query(bool conjunction)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, TenantSearchIndex.CreateAnalyzer()) { MaxBufferedDocs = 5000 }))
        {
            var random = new Random(3);
            string[] vocabulary = ["vélo", "atelier", "solidaire", "jardin", "épicerie", "quartier"];
            string Words(int max) => string.Join(' ', Enumerable.Range(0, random.Next(1, max)).Select(_ => vocabulary[random.Next(vocabulary.Length)]))
                + (random.Next(30) == 0 ? " tramway" : "");
            for (var i = 0; i < 12000; i++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
                    new TextField(SearchFields.Title, Words(4), Field.Store.NO),
                    new TextField(SearchFields.Text, Words(40), Field.Store.NO),
                });
                if (i % 7 == 0)
                {
                    writer.DeleteDocuments(new Term("id", (i / 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Contains(reader.Leaves, l => l.AtomicReader.MaxDoc >= DecodedPostingsCache.MinSegmentDocs);
        Assert.Contains(reader.Leaves, l => l.AtomicReader.MaxDoc < DecodedPostingsCache.MinSegmentDocs);
        var searcher = new IndexSearcher(reader);
        var decoded = new DecodedPostingsCache(budget: 64L << 20);
        var lookup = new TermLookup(reader, decoded);
        Query Build(Func<string, string, TermQuery> term)
        {
            var query = new BooleanQuery();
            foreach (var word in new[] { "velo", "jardin", "tramway" })
            {
                var title = term(SearchFields.Title, word);
                title.Boost = 4f;
                query.Add(new DisjunctionMaxQuery(0.1f) { title, term(SearchFields.Text, word) }, conjunction ? Occur.MUST : Occur.SHOULD);
            }

            return query;
        }

        var expected = searcher.Search(Build((field, word) => new TermQuery(new Term(field, word))), 20000);
        var actual = searcher.Search(Build(lookup.Query), 20000);

        Assert.InRange(expected.TotalHits, 10, 11999);
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
        Assert.True(decoded.CachedBytes > 0, "les termes fréquents des grands segments sont décodés");
    }
}
