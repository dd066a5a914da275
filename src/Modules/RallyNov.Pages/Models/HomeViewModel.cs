using RallyNov.Contents.Home;

namespace RallyNov.Pages.Models;

public sealed class HomeViewModel
{
    public required string SiteName { get; init; }

    /// <summary>Tenant-relative media path of the home illustration, or null.</summary>
    public string? HeroImage { get; init; }

    public string? Tagline { get; init; }

    /// <summary>The welcome text's paragraphs.</summary>
    public required IReadOnlyList<string> Intro { get; init; }

    /// <summary>The sections, in the order the site's administrator chose.</summary>
    public required IReadOnlyList<HomeSectionView> Sections { get; init; }
}

/// <param name="Url">Absolute path of the territory's home, outside the current tenant's prefix.</param>
public sealed record TerritoryLink(string Name, string Url, IReadOnlyList<string> Departements)
{
    /// <summary>Published items of the territory per section ("12 initiatives").</summary>
    public IReadOnlyList<TerritoryCount> Counts { get; init; } = [];

    /// <summary>Absolute path of the territory's home illustration, or null.</summary>
    public string? ImageUrl { get; init; }
}

/// <param name="Label">Lower-case plural section name ("initiatives").</param>
/// <param name="Path">The section's tenant-relative path, to link into the territory.</param>
public sealed record TerritoryCount(int Count, string Label, string Path)
{
    /// <summary>"1 initiative", "3 lauréats": the section names are French plurals in -s.</summary>
    public string Text => Count > 1 || !Label.EndsWith('s') ? Label : Label[..^1];
}
