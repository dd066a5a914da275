namespace RallyNov.Search.Lucene;

/// <summary>
/// TEMPORARY (issue 16, A/B measurements): the module's own optimisations switched off by name
/// with RALLYNOV_SEARCH_OFF=decoded,lookupquery,... — removed once each is kept or dropped.
/// </summary>
internal static class Ablation
{
    private static readonly HashSet<string> Off =
        (Environment.GetEnvironmentVariable("RALLYNOV_SEARCH_OFF") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public static readonly bool Decoded = !Off.Contains("decoded");
    public static readonly bool LookupQuery = !Off.Contains("lookupquery");
    public static readonly bool TermLookup = !Off.Contains("termlookup");
    public static readonly bool Conjunction = !Off.Contains("conjunction");
    public static readonly bool Mapped = !Off.Contains("mapped");
    public static readonly bool Pairs = !Off.Contains("pairs");
    public static readonly bool PairsIndex = !Off.Contains("pairsindex");
    public static readonly bool Snippets = !Off.Contains("snippets");
    public static readonly bool LowerCase = !Off.Contains("lowercase");
    public static readonly bool Fuzzy = !Off.Contains("fuzzy");
    public static readonly bool StoredHit = !Off.Contains("storedhit");
    public static readonly bool Rescore = !Off.Contains("rescore");
    public static readonly bool Ordinals = !Off.Contains("ordinals");

    public static string Describe() => Off.Count == 0 ? "all on" : "off: " + string.Join(',', Off.Order(StringComparer.Ordinal));
}
