namespace RallyNov.Settings.Admin;

/// <summary>A menu the back office edits: its URL segment, its settings key and its French name.</summary>
public sealed record MenuKind(string Slug, string SettingsKey, string Label)
{
    public static MenuKind Main { get; } = new("principal", "mainMenu", "Menu principal");

    public static MenuKind Footer { get; } = new("pied-de-page", "footerMenu", "Menu du pied de page");

    public static IReadOnlyList<MenuKind> All { get; } = [Main, Footer];

    public static MenuKind? Find(string? slug) => All.FirstOrDefault(m => m.Slug == slug);
}

/// <summary>The « Menus » screen: both menus with the state of each entry, and what can be added.</summary>
public sealed class MenusPage
{
    public required IReadOnlyList<MenuView> Menus { get; init; }

    /// <summary>Sections of the site's enabled modules.</summary>
    public required IReadOnlyList<SectionOption> Sections { get; init; }

    /// <summary>Published items with a page of their own, by type then title.</summary>
    public required IReadOnlyList<PageOption> Pages { get; init; }

    /// <summary>What the person typed in the form that failed, to show it again.</summary>
    public MenuFormState? Form { get; init; }
}

/// <param name="IsDefault">True while the menu is not set: it shows the site's sections (main) or standard pages (footer).</param>
public sealed record MenuView(MenuKind Kind, IReadOnlyList<MenuEntryView> Entries, bool IsDefault);

/// <param name="DomId">"principal-2": the row's id, the target of the redirect after a move.</param>
/// <param name="State">What a visitor gets, in French (« Visible », « Masquée automatiquement : … »).</param>
/// <param name="Shown">True when the public menu shows the entry.</param>
public sealed record MenuEntryView(
    int Index,
    string Key,
    string DomId,
    string Title,
    string KindLabel,
    string Target,
    string State,
    bool Shown,
    bool Hidden,
    string? Text,
    string? Url);

public sealed record SectionOption(string Key, string Label, bool HasContent);

public sealed record PageOption(string Id, string Title, string TypeLabel);

/// <param name="Form">"page", "section", "link" or "rename".</param>
public sealed record MenuFormState(string Menu, string Form, int? Index = null, string? Text = null, string? Url = null, string? Page = null, string? Section = null);
