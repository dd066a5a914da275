using System.Text.Json.Nodes;
using RallyNov.Core.Content;

namespace RallyNov.Modules.Tests.Support;

/// <summary>Unsaved content items for the pure logic tests (filters, grouping, calendar).</summary>
public static class Items
{
    public static ContentItem Make(string type, string id, string title, JsonObject content, DateTime? modifiedUtc = null) => new()
    {
        ContentItemId = id,
        ContentItemVersionId = "v-" + id,
        ContentType = type,
        DisplayText = title,
        Slug = id,
        Published = true,
        Latest = true,
        ModifiedUtc = modifiedUtc ?? new DateTime(2023, 9, 1, 8, 0, 0, DateTimeKind.Utc),
        Content = content,
    };
}
