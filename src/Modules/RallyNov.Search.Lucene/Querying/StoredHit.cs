using Lucene.Net.Search;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>The stored fields a hit shows (only those are loaded); a missing field reads as "".</summary>
internal sealed class StoredHit
{
    private static readonly HashSet<string> Fields =
        [SearchFields.Id, SearchFields.Type, SearchFields.Title, SearchFields.Url, SearchFields.Tenant, SearchFields.Summary, SearchFields.Body];

    private readonly global::Lucene.Net.Documents.Document _document;

    private StoredHit(global::Lucene.Net.Documents.Document document, float score) => (_document, Score) = (document, score);

    public float Score { get; }

    public string Id => Get(SearchFields.Id);

    public string Type => Get(SearchFields.Type);

    public string Title => Get(SearchFields.Title);

    public string Url => Get(SearchFields.Url);

    public string Tenant => Get(SearchFields.Tenant);

    public string Summary => Get(SearchFields.Summary);

    public string Body => Get(SearchFields.Body);

    public static StoredHit Read(IndexSearcher searcher, ScoreDoc hit) =>
        new(searcher.IndexReader.Document(hit.Doc, Fields), float.IsNaN(hit.Score) ? 0 : hit.Score);

    private string Get(string field) => _document.Get(field) ?? "";
}
