using RallyNov.Contents.Home;
using RallyNov.Core.Content;

namespace RallyNov.Pages.Models;

public sealed class HomeViewModel
{
    public required string SiteName { get; init; }

    public string? Tagline { get; init; }

    public required IReadOnlyList<ContentItem> Pages { get; init; }

    public required IReadOnlyList<HomeSectionView> Sections { get; init; }

    /// <summary>On the portal only: the territorial sites.</summary>
    public required IReadOnlyList<TerritoryLink> Territories { get; init; }
}

/// <param name="Url">Absolute path of the territory's home, outside the current tenant's prefix.</param>
public sealed record TerritoryLink(string Name, string Url, IReadOnlyList<string> Departements);
