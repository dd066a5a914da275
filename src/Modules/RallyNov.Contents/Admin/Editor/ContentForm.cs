using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Contents.Admin.Editor;

/// <summary>
/// The names a content field takes in the editor form, and the translation between posted form
/// values and the JSON document. The JSON that comes out is raw (strings as typed): the content
/// manager's validator normalizes and checks it, so the rules live in one place.
/// </summary>
public static class ContentForm
{
    /// <summary>Prefix of every field input, so field names never collide with the form's own inputs.</summary>
    public const string Prefix = "f.";

    public static string NameOf(ContentFieldDefinition field, string? part = null) =>
        part is null ? Prefix + field.Name : Prefix + field.Name + "." + part;

    /// <summary>HTML id of a field's (first) input; its error message is "{id}-error".</summary>
    public static string IdOf(ContentFieldDefinition field, string? part = null) =>
        part is null ? "f-" + field.Name : "f-" + field.Name + "-" + part;

    public static string ErrorIdOf(ContentFieldDefinition field) => IdOf(field) + "-error";

    /// <summary>Builds the document from the posted form; empty inputs are left out.</summary>
    public static JsonObject Read(ContentTypeDefinition type, IFormCollection form)
    {
        var content = new JsonObject();
        foreach (var field in type.Fields)
        {
            var value = ReadField(field, form);
            if (value is not null)
            {
                content[field.Name] = value;
            }
        }

        return content;
    }

    private static JsonNode? ReadField(ContentFieldDefinition field, IFormCollection form)
    {
        string? One(string? part = null) => form.TryGetValue(NameOf(field, part), out var values) ? values.LastOrDefault(v => !string.IsNullOrEmpty(v)) : null;

        switch (field.Kind)
        {
            case FieldKind.Boolean:
                // A checkbox posts nothing when unticked; "true" when ticked.
                return form[NameOf(field)].Contains("true") ? JsonValue.Create(true) : null;
            case FieldKind.Link:
            {
                var url = One("url");
                var text = One("text");
                return url is null && text is null ? null : Pair("url", url, "text", text);
            }

            case FieldKind.Media:
            {
                var path = One("path");
                var alt = One("alt");
                return path is null && alt is null ? null : Pair("path", path, "alt", alt);
            }

            case FieldKind.Taxonomy:
            case FieldKind.ContentPicker:
            {
                var values = form[NameOf(field)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode)JsonValue.Create(v!)).ToArray();
                return values.Length == 0 ? null : new JsonArray(values);
            }

            default:
                var single = One();
                return string.IsNullOrWhiteSpace(single) ? null : JsonValue.Create(single);
        }
    }

    private static JsonObject Pair(string key1, string? value1, string key2, string? value2)
    {
        var result = new JsonObject();
        if (value1 is not null)
        {
            result[key1] = value1;
        }

        if (value2 is not null)
        {
            result[key2] = value2;
        }

        return result;
    }

    /// <summary>A stored or posted value as the text an input shows (numbers in invariant culture).</summary>
    public static string Text(JsonNode? value, string? part = null)
    {
        var node = part is null ? value : value is JsonObject obj ? obj[part] : null;
        return node switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonSerializer.Deserialize<decimal>(v).ToString(CultureInfo.InvariantCulture),
            JsonValue v => v.ToJsonString(),
            _ => "",
        };
    }

    /// <summary>The values of a list field (term slugs, item ids).</summary>
    public static IReadOnlyList<string> Values(JsonNode? value) => value switch
    {
        JsonArray array => array.Select(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : "").Where(s => s.Length > 0).ToList(),
        JsonValue s when s.GetValueKind() == JsonValueKind.String => [s.GetValue<string>()],
        _ => [],
    };

    public static bool IsTrue(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
