using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class ConjunctionSearchTests
{
    private const string Departement = "f_departement";

    /// <param name="documents">
    /// 400: small segments, every term read from its postings. 12 000: two segments large enough
    /// for frequent terms to be decoded into bits (all terms decoded, or a rare lead with decoded
    /// others) and a small one read from postings.
    /// </param>
    [Theory]
    [InlineData("vélo", false, 400)]
    [InlineData("vélo jardin", false, 400)]
    [InlineData("atelier solidaire quartier", true, 400)]
    [InlineData("épicerie emploi", true, 400)]
    [InlineData("vélo", false, 12000)]
    [InlineData("vélo jardin", true, 12000)]
    [InlineData("tramway vélo", false, 12000)]
    [InlineData("atelier solidaire quartier", false, 12000)]
    public void Finds_counts_and_orders_like_lucenes_own_search(string words, bool filtered, int documents)
    {
        var analyzer = TenantSearchIndex.CreateAnalyzer();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { MaxBufferedDocs = documents > 1000 ? 5000 : 60 }))
        {
            // Several segments, deleted documents, repeated words and uneven lengths: every part of the loop.
            var random = new Random(7);
            string[] vocabulary = ["vélo", "atelier", "solidaire", "jardin", "épicerie", "quartier", "emploi", "Dole"];
            for (var i = 0; i < documents; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(2, 40)).Select(_ => vocabulary[random.Next(vocabulary.Length)]))
                    + (random.Next(40) == 0 ? " tramway" : "");
                writer.AddDocument(new Document
                {
                    new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
                    new TextField(SearchFields.Text, text, Field.Store.NO),
                    new SortedSetDocValuesField(Departement, new BytesRef("2" + random.Next(5))),
                });
                if (i % 9 == 0)
                {
                    writer.DeleteDocuments(new Term("id", (i / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader);
        var lookup = new TermLookup(reader, new DecodedPostingsCache(budget: 64L << 20));
        var match = new BooleanQuery();
        foreach (var term in Analyze.Terms(analyzer, SearchFields.Text, words))
        {
            match.Add(lookup.Query(SearchFields.Text, term), Occur.MUST);
        }

        var filters = filtered ? new Dictionary<string, HashSet<string>> { [Departement] = ["21", "23"] } : [];
        var fastFacets = new FacetCollector(null, [Departement], filters);
        var (best, total) = ConjunctionSearch.Run(searcher, Conjunction.Of(lookup, match)!, fastFacets, 15);

        var top = TopScoreDocCollector.Create(15, true);
        var luceneFacets = new FacetCollector(top, [Departement], filters);
        searcher.Search(match, luceneFacets);
        var expected = top.GetTopDocs();

        Assert.InRange(total, 2, documents - 1);
        Assert.Equal(expected.TotalHits, total);
        Assert.Equal(expected.ScoreDocs.Select(d => d.Doc), best.Select(d => d.Doc));
        Assert.Equal(luceneFacets.Counts[Departement].OrderBy(c => c.Key), fastFacets.Counts[Departement].OrderBy(c => c.Key));
    }

    [Fact]
    public void Only_plain_conjunctions_of_terms_take_the_loop()
    {
        using var directory = new RAMDirectory();
        new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, TenantSearchIndex.CreateAnalyzer())).Dispose();
        using var reader = DirectoryReader.Open(directory);
        var lookup = new TermLookup(reader);
        var plain = new BooleanQuery { { lookup.Query("text", "velo"), Occur.MUST }, { new DisjunctionMaxQuery(0.1f) { lookup.Query("text", "jardin") }, Occur.MUST } };
        var excluding = new BooleanQuery { { lookup.Query("text", "velo"), Occur.MUST }, { lookup.Query("text", "jardin"), Occur.MUST_NOT } };
        var phrase = new BooleanQuery { { new PhraseQuery { new Term("text", "velo"), new Term("text", "solidair") }, Occur.MUST } };

        Assert.Equal(["velo", "jardin"], Conjunction.Of(lookup, plain)!.Terms.Select(t => t.Text));
        Assert.Null(Conjunction.Of(lookup, excluding));
        Assert.Null(Conjunction.Of(lookup, phrase));
    }
}
