using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using RallyNov.Search.Lucene.Indexing;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Modules.Tests.Search;

public sealed class FacetCollectorTests
{
    private const string Year = "f_annee";   // one value or none per document
    private const string Theme = "f_theme";  // none, one or several values per document

    /// <summary>
    /// Counts and filters over several segments, with a field that has at most one value per
    /// document (read through a flat array) and one with several (read through offsets), checked
    /// against counts made directly from the documents' values.
    /// </summary>
    [Theory]
    [InlineData(null, null)]
    [InlineData("2021", null)]
    [InlineData(null, "emploi")]
    [InlineData("2020", "sante")]
    public void Counts_and_filters_single_and_multi_valued_facets(string? year, string? theme)
    {
        var random = new Random(11);
        string[] themes = ["emploi", "sante", "mobilite", "culture"];
        var documents = Enumerable.Range(0, 300).Select(_ => (
            Year: random.Next(4) == 0 ? null : (2019 + random.Next(4)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Themes: themes.Where(_ => random.Next(3) == 0).ToArray())).ToList();

        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, TenantSearchIndex.CreateAnalyzer()) { MaxBufferedDocs = 70 }))
        {
            foreach (var (docYear, docThemes) in documents)
            {
                var document = new Document { new StringField("id", "x", Field.Store.NO) };
                if (docYear is not null)
                {
                    document.Add(new SortedSetDocValuesField(Year, new BytesRef(docYear)));
                }

                foreach (var docTheme in docThemes)
                {
                    document.Add(new SortedSetDocValuesField(Theme, new BytesRef(docTheme)));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1);
        var filters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (year is not null)
        {
            filters[Year] = [year];
        }

        if (theme is not null)
        {
            filters[Theme] = [theme];
        }

        var top = TopScoreDocCollector.Create(1000, true);
        var facets = new FacetCollector(top, [Year, Theme], filters);
        new IndexSearcher(reader).Search(new MatchAllDocsQuery(), facets);

        // Each facet applies the other facet's filter, not its own (multi-select).
        bool YearOk((string? Year, string[] Themes) d) => year is null || d.Year == year;
        bool ThemeOk((string? Year, string[] Themes) d) => theme is null || d.Themes.Contains(theme);
        var expectedYears = documents.Where(ThemeOk).Where(d => d.Year is not null).GroupBy(d => d.Year!).ToDictionary(g => g.Key, g => g.Count());
        var expectedThemes = documents.Where(YearOk).SelectMany(d => d.Themes).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedYears.OrderBy(p => p.Key), facets.Counts[Year].OrderBy(p => p.Key));
        Assert.Equal(expectedThemes.OrderBy(p => p.Key), facets.Counts[Theme].OrderBy(p => p.Key));
        Assert.Equal(documents.Count(d => YearOk(d) && ThemeOk(d)), top.TotalHits);
    }
}
