using System.Text.Json.Nodes;

namespace RallyNov.Core.Settings;

/// <summary>
/// One entry of a menu as the "site" settings store it (docs/site.md): a module's section, a
/// published page, or an external link, optionally renamed or hidden. The identity service
/// resolves entries into links; the back office edits them.
/// </summary>
/// <param name="Hidden">true hides the entry; false shows a section even without published content; null: the default.</param>
public sealed record SiteMenuEntry(string Type, string? Section = null, string? Page = null, string? Url = null, string? Text = null, bool? Hidden = null)
{
    public const string SectionType = "section";
    public const string PageType = "page";
    public const string LinkType = "link";

    /// <summary>What the entry points at ("section:initiatives", "page:{id}", "link:https://…"): tells two entries apart.</summary>
    public string Key => Type + ":" + (Type switch { SectionType => Section, PageType => Page, _ => Url });

    /// <summary>The entries of a stored menu, in order; anything that is not an object is skipped.</summary>
    public static IReadOnlyList<SiteMenuEntry> Parse(JsonArray? entries) =>
        (entries ?? []).OfType<JsonObject>().Select(Parse).ToList();

    public static SiteMenuEntry Parse(JsonObject entry)
    {
        var type = Read(entry, "type") ?? (entry["section"] is not null ? SectionType : entry["page"] is not null ? PageType : LinkType);
        var hidden = entry["hidden"] is JsonValue h && h.TryGetValue<bool>(out var flag) ? flag : (bool?)null;
        return new SiteMenuEntry(type, Read(entry, "section"), Read(entry, "page"), Read(entry, "url"), Read(entry, "text"), hidden);
    }

    public static JsonArray ToJson(IEnumerable<SiteMenuEntry> entries) => [.. entries.Select(e => (JsonNode)e.ToJson())];

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        Add(json, "section", Type == SectionType ? Section : null);
        Add(json, "page", Type == PageType ? Page : null);
        Add(json, "url", Type == LinkType ? Url : null);
        Add(json, "text", Text);
        if (Hidden is { } hidden)
        {
            json["hidden"] = hidden;
        }

        return json;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[name] = value;
        }
    }

    private static string? Read(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

/// <summary>A home page section as the "site" settings order it ("homeSections"); sections not listed follow, by their own order.</summary>
public sealed record HomeSectionChoice(string Key, bool Hidden);
