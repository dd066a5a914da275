using System.Globalization;
using System.Text.Json.Nodes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Text;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// Builds the search document of a published item from its type definition: the title, then the
/// summary, the body, other text fields and term names together in "text" (summary and body are
/// also stored for snippets); fields declared with <c>.Facet(name)</c> become filterable, countable facets.
/// </summary>
internal static class SearchDocumentFactory
{
    /// <summary>
    /// The unstemmed fields are only looked up term by term (words, typos, suggestions), never by
    /// phrase: no positions, a smaller index and a cheaper rebuild.
    /// </summary>
    private static readonly FieldType ExactType = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    public static Document Create(string tenant, ContentItem item, ContentTypeDefinition type, IReadOnlyDictionary<string, string> termNames)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, item.ContentItemId, Field.Store.YES),
            new StringField(SearchFields.Type, item.ContentType, Field.Store.YES),
            new StoredField(SearchFields.Tenant, tenant),
            new SortedSetDocValuesField(SearchFields.Facet("type"), new BytesRef(item.ContentType)),
            new StoredField(SearchFields.Date, (item.PublishedUtc ?? item.ModifiedUtc).Ticks),
            new NumericDocValuesField(SearchFields.DateSort, (item.PublishedUtc ?? item.ModifiedUtc).Ticks),
            new SortedDocValuesField(SearchFields.TitleSort, TitleSortKey(item.DisplayText)),
        };

        if (type.UrlFor(item.Slug) is { } url)
        {
            doc.Add(new StoredField(SearchFields.Url, url));
        }

        var summary = Text(item.Content["Summary"], FieldKind.Text);
        var bodyField = type.Fields.FirstOrDefault(f => f.Name == "Body");
        var body = bodyField is null ? "" : Text(item.Content[bodyField.Name], bodyField.Kind);
        doc.Add(new StoredField(SearchFields.Summary, summary));
        doc.Add(new StoredField(SearchFields.Body, body));

        var extra = new List<string>();
        foreach (var field in type.Fields)
        {
            var value = item.Content[field.Name];
            if (value is null)
            {
                continue;
            }

            if (field.Name is not ("Title" or "Summary" or "Body" or "Slug") && field.Kind is FieldKind.Text or FieldKind.RichText or FieldKind.Markdown)
            {
                extra.Add(Text(value, field.Kind));
            }

            if (field.Kind == FieldKind.Taxonomy && value is JsonArray terms)
            {
                extra.AddRange(terms.Select(t => termNames.GetValueOrDefault($"{field.Vocabulary}/{t}") ?? ""));
            }

            if (field.Facet is { } facet)
            {
                if (field.Kind == FieldKind.Number && value is JsonValue number && number.TryGetValue<double>(out var n))
                {
                    doc.Add(new DoubleDocValuesField(SearchFields.Number(facet), n));
                }

                foreach (var facetValue in FacetValues(field, value))
                {
                    doc.Add(new StringField(SearchFields.Facet(facet), facetValue, Field.Store.YES));
                    doc.Add(new SortedSetDocValuesField(SearchFields.Facet(facet), new BytesRef(facetValue)));
                }
            }
        }

        var extraText = string.Join(' ', extra.Where(e => e.Length > 0));
        // One field with every word of the item, the title included: the query finds documents
        // on it alone, then ranks the best with the title and exact fields. The title and the
        // summary go in twice so their words still weigh more than the body's (tf is sqrt(freq))
        // among the documents that reach the ranking; the analyzer's position gap keeps phrases
        // from spanning two parts.
        doc.Add(new TextField(SearchFields.Title, item.DisplayText, Field.Store.YES));
        doc.Add(new Field(SearchFields.TitleExact, item.DisplayText, ExactType));
        foreach (var part in (string[])[item.DisplayText, item.DisplayText, summary, summary, body, extraText])
        {
            doc.Add(new TextField(SearchFields.Text, part, Field.Store.NO));
        }

        foreach (var part in (string[])[item.DisplayText, summary, body, extraText])
        {
            doc.Add(new Field(SearchFields.AllExact, part, ExactType));
        }

        return doc;
    }

    /// <summary>
    /// The French collation key of a title, case ignored: its bytes sort like
    /// <c>StringComparer.Create(fr-FR, ignoreCase: true)</c>, the order of the lists read from the database.
    /// </summary>
    private static BytesRef TitleSortKey(string title)
    {
        var key = Contents.Display.FrenchFormat.Culture.CompareInfo.GetSortKey(title, System.Globalization.CompareOptions.IgnoreCase).KeyData;
        return new BytesRef(key.Length > 1000 ? key[..1000] : key);
    }

    private static string Text(JsonNode? value, FieldKind kind)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        return kind switch
        {
            FieldKind.RichText => HtmlCleaner.ToPlainText(text),
            FieldKind.Markdown => HtmlCleaner.ToPlainText(MarkdownRenderer.ToHtml(text)),
            _ => text,
        };
    }

    private static IEnumerable<string> FacetValues(ContentFieldDefinition field, JsonNode value)
    {
        switch (field.Kind)
        {
            case FieldKind.Taxonomy or FieldKind.ContentPicker when value is JsonArray array:
                foreach (var element in array)
                {
                    if (element?.GetValue<string>() is { Length: > 0 } key)
                    {
                        yield return key;
                    }
                }

                break;
            case FieldKind.DateTime when value.GetValue<string>() is { Length: >= 4 } date:
                yield return date[..4]; // the year
                break;
            case FieldKind.Number:
                yield return value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture);
                break;
            case FieldKind.Boolean:
                yield return value.GetValue<bool>() ? "oui" : "non";
                break;
            default:
                if (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0)
                {
                    yield return s;
                }

                break;
        }
    }
}
