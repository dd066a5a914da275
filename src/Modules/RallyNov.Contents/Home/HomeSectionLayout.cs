using RallyNov.Core.Settings;

namespace RallyNov.Contents.Home;

/// <summary>
/// The order of the home page's sections: those the administrator listed ("homeSections"), in
/// that order, then those not listed yet (a module switched on later) by their own order, shown.
/// The home page and the back office arrange them the same way.
/// </summary>
public static class HomeSectionLayout
{
    public static IReadOnlyList<(IHomeSection Section, bool Hidden)> Arrange(IEnumerable<IHomeSection> offered, IReadOnlyList<HomeSectionChoice>? choices)
    {
        var byKey = offered.OrderBy(s => s.Order).GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var arranged = new List<(IHomeSection, bool)>();
        foreach (var choice in choices ?? [])
        {
            if (byKey.FirstOrDefault(s => string.Equals(s.Key, choice.Key, StringComparison.OrdinalIgnoreCase)) is { } section)
            {
                arranged.Add((section, choice.Hidden));
                byKey.Remove(section);
            }
        }

        arranged.AddRange(byKey.Select(s => (s, false)));
        return arranged;
    }
}
