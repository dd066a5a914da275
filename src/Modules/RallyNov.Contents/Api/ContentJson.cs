using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Contents.Api;

/// <summary>The API's JSON shape of an item: metadata plus every field of its definition (null when empty).</summary>
public static class ContentJson
{
    public static JsonObject Item(ContentTypeDefinition type, ContentItem item, PathString pathBase)
    {
        var fields = new JsonObject();
        foreach (var field in type.Fields)
        {
            fields[field.Name] = item.Content[field.Name]?.DeepClone();
        }

        var path = type.UrlFor(item.Slug);
        return new JsonObject
        {
            ["id"] = item.ContentItemId,
            ["contentType"] = item.ContentType,
            ["title"] = item.DisplayText,
            ["slug"] = item.Slug,
            ["url"] = path is null ? null : pathBase.Add(path).Value,
            ["publishedUtc"] = item.PublishedUtc is { } published ? Utc(published) : null,
            ["modifiedUtc"] = Utc(item.ModifiedUtc),
            ["fields"] = fields,
        };
    }

    // The store keeps UTC without a kind; say so in the text, or clients read local time.
    private static string Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The definition itself, so API clients know each field's kind without reading the code.</summary>
    public static JsonArray Fields(ContentTypeDefinition type) =>
        new(type.Fields.Select(f =>
        {
            var json = new JsonObject { ["name"] = f.Name, ["displayName"] = f.DisplayName, ["kind"] = f.Kind.ToString() };
            if (f.Vocabulary is not null)
            {
                json["vocabulary"] = f.Vocabulary;
            }

            if (f.Multiple)
            {
                json["multiple"] = true;
            }

            return (JsonNode)json;
        }).ToArray());
}
