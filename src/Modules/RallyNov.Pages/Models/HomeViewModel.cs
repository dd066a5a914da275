using RallyNov.Core.Content;

namespace RallyNov.Pages.Models;

public sealed class HomeViewModel
{
    public required string SiteName { get; init; }

    public string? Tagline { get; init; }

    public required IReadOnlyList<ContentItem> Pages { get; init; }
}
