using RallyNov.Contents.Display;
using RallyNov.Core.Content;

namespace RallyNov.Laureates.Models;

/// <summary>The laureates of one prize year.</summary>
public sealed record LaureateYear(int Year, IReadOnlyList<ContentItem> Laureates);

public sealed class LaureateDetailViewModel
{
    public required ContentItem Item { get; init; }

    public ContentItem? Initiative { get; init; }

    /// <summary>The other laureates of the same year.</summary>
    public required IReadOnlyList<LaureateCard> SameYear { get; init; }
}

public static class LaureateGrouping
{
    /// <summary>Newest prize first; inside a year, alphabetical.</summary>
    public static IReadOnlyList<LaureateYear> ByYear(IEnumerable<ContentItem> laureates) =>
        laureates
            .GroupBy(l => l.GetInt(LaureateFields.PrizeYear) ?? 0)
            .OrderByDescending(g => g.Key)
            .Select(g => new LaureateYear(g.Key, g.OrderBy(l => l.DisplayText, StringComparer.Create(FrenchFormat.Culture, ignoreCase: true)).ToList()))
            .ToList();
}
