using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Text;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Modules.Tests.Search;

/// <summary>
/// The search document of an item: the index must hold exactly what the analyzer makes of its
/// texts given as plain field values, the unstemmed fields without positions.
/// </summary>
public sealed class SearchDocumentFactoryTests
{
    private static readonly Dictionary<string, string> TermNames = new(StringComparer.Ordinal) { ["departements/21"] = "Côte-d'Or" };

    public static TheoryData<string, string, string> Texts => new()
    {
        // Elisions, capitals, accents, a ligature, stop words at both ends of every part.
        { "L'Épicerie solidaire de Dole", "Une épicerie où l'on paie selon ses moyens, et les bénévoles y sont", "<p>Le cœur du projet : des <b>ateliers</b> de cuisine pour les familles.</p><p>Jusqu'à trente personnes chaque semaine de quatre jours et</p>" },
        // An empty summary between the title and the body.
        { "Vélos partagés", "", "<p>De la réparation de vélos au prêt, pour tous.</p>" },
        // A title of stop words only and an empty body.
        { "Et de la", "Le garage solidaire répare les voitures des personnes en insertion.", "" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_index_holds_what_the_analyzer_makes_of_each_text(string title, string summary, string bodyHtml)
    {
        var item = new ContentItem { ContentItemId = "x1", ContentType = SearchTestModule.TypeName, DisplayText = title, Slug = "x1" };
        item.Content["Title"] = title;
        item.Content["Summary"] = summary;
        item.Content["Body"] = bodyHtml;
        item.Content["Departement"] = new JsonArray("21");

        using var actual = Index(SearchDocumentFactory.Create("Alpha", item, TestType(), TermNames));
        using var expected = Index(Reference(title, summary, HtmlCleaner.ToPlainText(bodyHtml), "Côte-d'Or"));

        foreach (var field in new[] { SearchFields.Title, SearchFields.Text })
        {
            Assert.Equal(Postings(expected, field, positions: true), Postings(actual, field, positions: true));
            Assert.Equal(Norm(expected, field), Norm(actual, field));
        }

        foreach (var field in new[] { SearchFields.TitleExact, SearchFields.AllExact })
        {
            Assert.Equal(Postings(expected, field, positions: false), Postings(actual, field, positions: false));
            Assert.Equal(Norm(expected, field), Norm(actual, field));
            // Only looked up term by term: no positions stored.
            Assert.Equal(IndexOptions.DOCS_AND_FREQS, MultiFields.GetMergedFieldInfos(actual).FieldInfo(field)!.IndexOptions);
        }

        // The stored title is still there for the hits.
        Assert.Equal(title, actual.Document(0).Get(SearchFields.Title));
    }

    [Fact]
    public void A_phrase_matches_within_a_part_and_never_across_two()
    {
        var item = new ContentItem { ContentItemId = "x2", ContentType = SearchTestModule.TypeName, DisplayText = "Repair café", Slug = "x2" };
        item.Content["Summary"] = "Un atelier de quartier";
        item.Content["Body"] = "<p>Semaine de quatre jours</p>";
        using var reader = Index(SearchDocumentFactory.Create("Alpha", item, TestType(), TermNames));
        var searcher = new IndexSearcher(reader);

        Assert.Equal(1, searcher.Search(Phrase(("semain", 0), ("quatr", 2), ("jour", 3)), 1).TotalHits);
        Assert.Equal(0, searcher.Search(Phrase(("cafe", 0), ("atelier", 2)), 1).TotalHits); // end of the title, start of the summary
    }

    private static PhraseQuery Phrase(params (string Term, int Position)[] terms)
    {
        var query = new PhraseQuery();
        foreach (var (term, position) in terms)
        {
            query.Add(new Term(SearchFields.Text, term), position);
        }

        return query;
    }

    private static ContentTypeDefinition TestType()
    {
        var builder = new ContentDefinitionBuilder();
        new SearchTestModule().DefineContent(builder);
        return builder.Types.Single();
    }

    /// <summary>The four searched fields as plain values, analysed by the writer's analyzer.</summary>
    private static Document Reference(string title, string summary, string body, string extra)
    {
        var doc = new Document
        {
            new TextField(SearchFields.Title, title, Field.Store.YES),
            new TextField(SearchFields.TitleExact, title, Field.Store.NO),
        };
        foreach (var part in new[] { title, title, summary, summary, body, extra })
        {
            doc.Add(new TextField(SearchFields.Text, part, Field.Store.NO));
        }

        doc.Add(new TextField(SearchFields.AllExact, string.Join(' ', title, summary, body, extra), Field.Store.NO));
        return doc;
    }

    private static DirectoryReader Index(Document doc)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, TenantSearchIndex.CreateAnalyzer())))
        {
            writer.AddDocument(doc);
        }

        return DirectoryReader.Open(directory);
    }

    /// <summary>Every term of a field with its frequency and, when asked, its positions.</summary>
    private static List<string> Postings(IndexReader reader, string field, bool positions)
    {
        var result = new List<string>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return result; // no token at all (a title of stop words)
        }

        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            var term = iterator.Term.Utf8ToString();
            if (positions)
            {
                var postings = iterator.DocsAndPositions(null, null)!;
                postings.NextDoc();
                var at = Enumerable.Range(0, postings.Freq).Select(_ => postings.NextPosition());
                result.Add($"{term}:{postings.Freq}@{string.Join(',', at)}");
            }
            else
            {
                var docs = iterator.Docs(null, null);
                docs.NextDoc();
                result.Add($"{term}:{docs.Freq}");
            }
        }

        return result;
    }

    private static long? Norm(IndexReader reader, string field) =>
        MultiDocValues.GetNormValues(reader, field)?.Get(0);
}
