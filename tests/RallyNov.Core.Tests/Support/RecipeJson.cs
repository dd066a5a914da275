using System.Text.Json.Nodes;

namespace RallyNov.Core.Tests.Support;

/// <summary>Small builders for recipe JSON, so each test shows only what it is about.</summary>
public static class RecipeJson
{
    public static JsonObject Recipe(params JsonObject[] steps) => new() { ["name"] = "test", ["steps"] = new JsonArray(steps) };

    public static JsonObject SettingsStep(string siteName) =>
        new() { ["name"] = "settings", ["site"] = new JsonObject { ["siteName"] = siteName, ["tagline"] = "L'innovation sociale en BFC" } };

    public static JsonObject ThemesStep(params string[] slugs) => new()
    {
        ["name"] = "taxonomies",
        ["vocabularies"] = new JsonArray(new JsonObject
        {
            ["name"] = "themes",
            ["displayName"] = "Thèmes",
            ["terms"] = new JsonArray(slugs.Select(s => (JsonNode)new JsonObject
            {
                ["slug"] = s,
                ["name"] = "Thème " + s,
                ["data"] = new JsonObject { ["code"] = s.Length },
            }).ToArray()),
        }),
    };

    public static JsonObject ContentStep(params JsonObject[] items) => new() { ["name"] = "content", ["items"] = new JsonArray(items) };

    public static JsonObject Item(string id, string title, JsonObject? fields = null, bool published = true, string type = "Article")
    {
        var content = fields ?? [];
        content["Title"] = title;
        return new JsonObject
        {
            ["contentItemId"] = id,
            ["contentType"] = type,
            ["published"] = published,
            ["owner"] = "admin",
            ["createdUtc"] = "2023-06-01T08:00:00Z",
            ["content"] = content,
        };
    }

    public static JsonArray Ids(params string[] ids) => new(ids.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());
}
