namespace RallyNov.Theme;

/// <summary>Small text helpers of the layout.</summary>
public static class ThemeText
{
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
