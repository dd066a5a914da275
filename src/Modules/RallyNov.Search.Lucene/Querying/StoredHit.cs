using Lucene.Net.Index;
using Lucene.Net.Search;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// The stored fields a hit shows, read straight into strings: no Document with a Field and a
/// FieldType per value, and the facet values and other stored fields are skipped. Reading
/// stops once every field is found. A missing field reads as "".
/// </summary>
internal sealed class StoredHit : StoredFieldVisitor
{
    private static readonly string[] Fields =
        [SearchFields.Id, SearchFields.Type, SearchFields.Title, SearchFields.Url, SearchFields.Tenant, SearchFields.Summary, SearchFields.Body];

    private readonly string?[] _values = new string?[Fields.Length];
    private int _found;

    private StoredHit(float score) => Score = score;

    public float Score { get; }

    public string Id => _values[0] ?? "";

    public string Type => _values[1] ?? "";

    public string Title => _values[2] ?? "";

    public string Url => _values[3] ?? "";

    public string Tenant => _values[4] ?? "";

    public string Summary => _values[5] ?? "";

    public string Body => _values[6] ?? "";

    public static StoredHit Read(IndexSearcher searcher, ScoreDoc hit)
    {
        var stored = new StoredHit(float.IsNaN(hit.Score) ? 0 : hit.Score);
        if (!Ablation.StoredHit)
        {
            var document = searcher.Doc(hit.Doc);
            for (var i = 0; i < Fields.Length; i++)
            {
                stored._values[i] = document.Get(Fields[i]);
            }

            return stored;
        }

        searcher.IndexReader.Document(hit.Doc, stored);
        return stored;
    }

    public override Status NeedsField(FieldInfo fieldInfo) =>
        _found == Fields.Length ? Status.STOP : Array.IndexOf(Fields, fieldInfo.Name) >= 0 ? Status.YES : Status.NO;

    public override void StringField(FieldInfo fieldInfo, string value)
    {
        // A multi-valued field shows its first value, as Document.Get does.
        var index = Array.IndexOf(Fields, fieldInfo.Name);
        if (index >= 0 && _values[index] is null)
        {
            _values[index] = value;
            _found++;
        }
    }
}
