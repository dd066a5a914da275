using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RallyNov.Core.Content;

namespace RallyNov.Contents.Display;

/// <summary>A link field value: { "url", "text" }.</summary>
public sealed record LinkValue(string Url, string? Text);

/// <summary>A media field value: { "path", "alt" }.</summary>
public sealed record MediaValue(string Path, string Alt);

/// <summary>
/// Typed reads of the field shapes documented in docs/architecture.md, so views and controllers
/// never parse JSON by hand. Every reader returns null (or empty) for a missing or malformed value.
/// </summary>
public static class ContentFieldExtensions
{
    /// <summary>Taxonomy and content picker fields: the list of keys.</summary>
    public static IReadOnlyList<string> GetStrings(this ContentItem item, string field) =>
        item.Content[field] is JsonArray array
            ? array.Select(v => v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    /// <summary>Boolean fields: true only when ticked (absent means no).</summary>
    public static bool GetBool(this ContentItem item, string field) =>
        item.Content[field] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static string? GetFirst(this ContentItem item, string field) =>
        item.GetStrings(field) is { Count: > 0 } values ? values[0] : null;

    // Numbers built in code hold an int or a long, numbers read from the store a JsonElement:
    // reading the JSON text works for both.
    public static decimal? GetNumber(this ContentItem item, string field) =>
        item.Content[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static int? GetInt(this ContentItem item, string field) =>
        item.GetNumber(field) is { } number && number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;

    /// <summary>DateTime fields, Europe/Paris local time; <paramref name="hasTime"/> is false for a date alone.</summary>
    public static DateTime? GetDateTime(this ContentItem item, string field, out bool hasTime)
    {
        hasTime = false;
        var text = item.GetString(field);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            hasTime = true;
            return dateTime;
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    public static DateTime? GetDateTime(this ContentItem item, string field) => item.GetDateTime(field, out _);

    public static LinkValue? GetLink(this ContentItem item, string field) =>
        item.Content[field] is JsonObject obj && obj["url"] is JsonValue url && url.TryGetValue<string>(out var href) && href.Length > 0
            ? new LinkValue(href, obj["text"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null)
            : null;

    public static MediaValue? GetMedia(this ContentItem item, string field) =>
        item.Content[field] is JsonObject obj && obj["path"] is JsonValue p && p.TryGetValue<string>(out var path) && path.Length > 0
            ? new MediaValue(path, obj["alt"] is JsonValue a && a.TryGetValue<string>(out var alt) ? alt : "")
            : null;
}
