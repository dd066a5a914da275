using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RallyNov.Core.Data;

/// <summary>Stores a <see cref="JsonObject"/> property as JSON text, with deep comparison for change tracking.</summary>
internal static class JsonConversions
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PropertyBuilder<JsonObject> HasJsonConversion(this PropertyBuilder<JsonObject> property)
    {
        var comparer = new ValueComparer<JsonObject>(
            (a, b) => JsonNode.DeepEquals(a, b),
            v => v.ToJsonString(Options).GetHashCode(StringComparison.Ordinal),
            v => (JsonObject)v.DeepClone());
        property.HasConversion(v => v.ToJsonString(Options), s => Parse(s), comparer);
        return property;
    }

    private static JsonObject Parse(string text) => JsonNode.Parse(text) as JsonObject ?? [];
}
