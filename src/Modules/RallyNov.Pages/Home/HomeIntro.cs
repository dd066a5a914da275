using RallyNov.Core.Settings;

namespace RallyNov.Pages.Home;

/// <summary>The home page's welcome text: the administrator's own (settings "homeIntro"), or the network's presentation.</summary>
public static class HomeIntro
{
    public const string Default = SiteIdentity.DefaultHomeIntro;

    /// <summary>Paragraphs separated by a blank line; line breaks inside a paragraph are kept as spaces.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        (string.IsNullOrWhiteSpace(text) ? Default : text)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(p => p.Length > 0)
            .ToList();
}
