namespace RallyNov.Theme;

/// <summary>Small text helpers of the layout.</summary>
public static class ThemeText
{
    /// <summary>What the network does, when the site has no tagline or footer text of its own.</summary>
    public const string DefaultAbout = "rally'nov repère, récompense et fait connaître l'innovation sociale en Bourgogne-Franche-Comté.";

    /// <summary>
    /// The page's meta description: its own (an item's summary), else the site's tagline, else
    /// <see cref="DefaultAbout"/>. Never empty: search engines and link previews show it, and a site
    /// whose administrator cleared the tagline must not lose it on every page.
    /// </summary>
    public static string Description(string? page, string? tagline) =>
        !string.IsNullOrWhiteSpace(page) ? page : !string.IsNullOrWhiteSpace(tagline) ? tagline : DefaultAbout;

    /// <summary>
    /// "rally'nov Bourgogne" → ("rally'nov", "Bourgogne"): the network's name and the territory are
    /// set in two weights in the header. A name without a space stays whole.
    /// </summary>
    public static (string Network, string Place) SplitName(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space <= 0 ? (name, "") : (name[..space], name[(space + 1)..]);
    }
}
