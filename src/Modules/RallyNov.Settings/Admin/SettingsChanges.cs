using System.Text.Json.Nodes;
using RallyNov.Core.Settings;

namespace RallyNov.Settings.Admin;

/// <summary>
/// The audit trail's account of a change to the "site" settings: « Couleur principale : « #00609c »
/// → « #7b1e3a » ». The group holds no secret, so values are written (long texts shortened).
/// </summary>
internal static class SettingsChanges
{
    private const int MaxValue = 160;

    private static readonly (string Key, string Label)[] Labels =
    [
        ("siteName", "Nom du site"), ("tagline", "Slogan"), ("logo", "Logo"), ("primaryColor", "Couleur principale"),
        ("accentColor", "Couleur d'accent"), ("contactEmail", "E-mail de contact"), ("contactAddress", "Adresse postale"),
        ("footerText", "Texte du pied de page"), ("socialLinks", "Liens vers les réseaux"), ("mainMenu", "Menu principal"),
        ("footerMenu", "Menu du pied de page"), ("homeIntro", "Texte d'accueil"), ("homeSections", "Sections de l'accueil"),
        ("heroImage", "Illustration de l'accueil"),
    ];

    /// <summary>One « label : old → new » per changed key, or null when nothing changed.</summary>
    public static string? Describe(JsonObject before, JsonObject after)
    {
        var keys = Labels.Select(l => l.Key)
            .Concat(before.Select(p => p.Key)).Concat(after.Select(p => p.Key))
            .Distinct(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var key in keys)
        {
            if (JsonNode.DeepEquals(before[key], after[key]))
            {
                continue;
            }

            var label = Labels.FirstOrDefault(l => l.Key == key).Label ?? key;
            lines.Add($"{label} : {Show(key, before[key])} → {Show(key, after[key])}");
        }

        return lines.Count == 0 ? null : string.Join(" ; ", lines);
    }

    private static string Show(string key, JsonNode? value) => value switch
    {
        null => "(vide)",
        JsonValue v when v.TryGetValue<string>(out var text) => Quote(text),
        JsonArray array when key is "mainMenu" or "footerMenu" => Quote(string.Join(", ", SiteMenuEntry.Parse(array).Select(Describe))),
        JsonArray array when key == "socialLinks" => Quote(string.Join(", ", array.OfType<JsonObject>().Select(l => $"{l["network"]} {l["url"]}"))),
        JsonArray array when key == "homeSections" => Quote(string.Join(", ", array.OfType<JsonObject>().Select(s => s["hidden"]?.GetValue<bool>() == true ? $"{s["section"]} (masquée)" : $"{s["section"]}"))),
        _ => Quote(value.ToJsonString()),
    };

    private static string Describe(SiteMenuEntry entry)
    {
        var what = entry.Type switch
        {
            SiteMenuEntry.SectionType => "rubrique " + entry.Section,
            SiteMenuEntry.PageType => "page " + entry.Page,
            _ => "lien " + entry.Url,
        };
        if (entry.Text is not null)
        {
            what += $" « {entry.Text} »";
        }

        return entry.Hidden == true ? what + " (masquée)" : what;
    }

    private static string Quote(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return "« " + (oneLine.Length > MaxValue ? oneLine[..(MaxValue - 1)] + "…" : oneLine) + " »";
    }
}
