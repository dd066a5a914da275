namespace RallyNov.Search.Lucene;

/// <summary>
/// TEMPORARY (issue 16, A/B measurements): the module's remaining optimisations switched off by
/// name with RALLYNOV_SEARCH_OFF=mapped,rescore,ordinals — removed once each is kept or dropped.
/// </summary>
internal static class Ablation
{
    private static readonly HashSet<string> Off =
        (Environment.GetEnvironmentVariable("RALLYNOV_SEARCH_OFF") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public static readonly bool Mapped = !Off.Contains("mapped");
    public static readonly bool Rescore = !Off.Contains("rescore");
    public static readonly bool Ordinals = !Off.Contains("ordinals");

    public static string Describe() => Off.Count == 0 ? "all on" : "off: " + string.Join(',', Off.Order(StringComparer.Ordinal));
}
