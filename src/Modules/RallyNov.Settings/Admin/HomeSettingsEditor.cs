using System.Text.Json.Nodes;
using RallyNov.Contents.Home;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Core.Tenants;

namespace RallyNov.Settings.Admin;

/// <summary>The « Page d'accueil » form: the welcome text, and the sections in order with a box to show each.</summary>
public sealed class HomeForm
{
    public string? Intro { get; set; }

    /// <summary>Every section's key, in the order shown.</summary>
    public List<string> Order { get; set; } = [];

    /// <summary>The keys of the ticked sections.</summary>
    public List<string> Shown { get; set; } = [];
}

/// <param name="HasContent">False when the section would show nothing today (no key figures yet...): it stays out of the page.</param>
public sealed record HomeSectionRow(string Key, string Label, bool Shown, bool HasContent)
{
    public string DomId => "home-" + Key;
}

public sealed record HomePage(string Intro, IReadOnlyList<HomeSectionRow> Sections);

/// <summary>
/// Reads and writes the home page's settings ("homeIntro", "homeSections"), offering the sections of
/// the modules enabled in this site, arranged as the public home page arranges them.
/// </summary>
public sealed class HomeSettingsEditor(ISiteSettingsService settings, IEnumerable<IHomeSection> sections, ModuleCatalog catalog, TenantContext tenant)
{
    public const int MaxIntro = 1500;

    public async Task<HomePage> LoadAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(SiteIdentityRules.SettingsGroup, cancellationToken);
        var rows = new List<HomeSectionRow>();
        foreach (var (section, hidden) in HomeSectionLayout.Arrange(Offered(), Choices(site)))
        {
            rows.Add(new HomeSectionRow(section.Key, section.Label, !hidden, await section.BuildAsync(cancellationToken) is not null));
        }

        var intro = site["homeIntro"] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : SiteIdentity.DefaultHomeIntro;
        return new HomePage(intro, rows);
    }

    /// <summary>The page as the person left it (typed text, ticks, order), for a form shown again.</summary>
    public async Task<HomePage> FromFormAsync(HomeForm form, CancellationToken cancellationToken)
    {
        var stored = await LoadAsync(cancellationToken);
        var rows = Ordered(form, stored.Sections).Select(r => r with { Shown = form.Shown.Contains(r.Key, StringComparer.Ordinal) }).ToList();
        return new HomePage(form.Intro ?? "", rows);
    }

    /// <summary>Applies a move ("key:up" / "key:down") to the form's order; returns the new position, or null.</summary>
    public static int? Move(HomeForm form, string? move)
    {
        var parts = (move ?? "").Split(':', 2);
        var index = form.Order.IndexOf(parts[0]);
        if (parts.Length != 2 || index < 0)
        {
            return null;
        }

        var target = parts[1] == "up" ? index - 1 : index + 1;
        if (target < 0 || target >= form.Order.Count)
        {
            return index;
        }

        (form.Order[index], form.Order[target]) = (form.Order[target], form.Order[index]);
        return target;
    }

    public static string? Validate(HomeForm form) =>
        (form.Intro?.Trim().Length ?? 0) > MaxIntro
            ? $"{MaxIntro} caractères au plus pour le texte d'accueil : il en compte {form.Intro!.Trim().Length}. Les visiteurs lisent le début ; le reste a sa place dans une page « À propos »."
            : null;

    /// <summary>Saves the form; returns the changes recorded, or null when nothing changed.</summary>
    public async Task<string?> SaveAsync(HomeForm form, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(SiteIdentityRules.SettingsGroup, cancellationToken);
        var before = (JsonObject)site.DeepClone();
        var intro = form.Intro?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
        if (intro.Length == 0 || intro == SiteIdentity.DefaultHomeIntro)
        {
            site.Remove("homeIntro");
        }
        else
        {
            site["homeIntro"] = intro;
        }

        var stored = (await LoadAsync(cancellationToken)).Sections;
        site["homeSections"] = new JsonArray([.. Ordered(form, stored).Select(r => (JsonNode)new JsonObject
        {
            ["section"] = r.Key,
            ["hidden"] = !form.Shown.Contains(r.Key, StringComparer.Ordinal),
        })]);

        var changes = SettingsChanges.Describe(before, site);
        if (changes is not null)
        {
            await settings.SaveAsync(SiteIdentityRules.SettingsGroup, site, changes, cancellationToken);
        }

        return changes;
    }

    /// <summary>The sections in the form's order; any section the form did not name (added meanwhile) follows.</summary>
    private static List<HomeSectionRow> Ordered(HomeForm form, IReadOnlyList<HomeSectionRow> stored)
    {
        var rows = form.Order.Distinct(StringComparer.Ordinal).Select(k => stored.FirstOrDefault(r => r.Key == k)).OfType<HomeSectionRow>().ToList();
        rows.AddRange(stored.Where(r => !rows.Contains(r)));
        return rows;
    }

    private IEnumerable<IHomeSection> Offered() =>
        sections.Where(s => catalog.IsEnabled(tenant.Settings, s.ModuleId) && s.IsOffered(tenant.Settings));

    private static IReadOnlyList<HomeSectionChoice>? Choices(JsonObject site) =>
        site["homeSections"] is JsonArray array
            ? array.OfType<JsonObject>()
                .Select(e => (Key: e["section"] is JsonValue v && v.TryGetValue<string>(out var k) ? k : null, Hidden: e["hidden"] is JsonValue h && h.TryGetValue<bool>(out var b) && b))
                .Where(e => e.Key is not null)
                .Select(e => new HomeSectionChoice(e.Key!, e.Hidden))
                .ToList()
            : null;
}
