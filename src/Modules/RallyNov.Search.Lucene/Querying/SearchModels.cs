namespace RallyNov.Search.Lucene.Querying;

/// <summary>What a visitor asked: text plus filters, as they come from /recherche or /api/search.</summary>
public sealed record SearchRequest
{
    public string? Query { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Facet filters by facet name ("departement" → ["21"]).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public int Page { get; init; } = 1;

    public int Size { get; init; } = 10;

    /// <summary>Portal only: search every running tenant at once ("toutes les régions").</summary>
    public bool AllTenants { get; init; }
}

/// <param name="Url">Path from the host root, tenant prefix included (e.g. "/bourgogne/initiatives/x").</param>
public sealed record SearchHit(string Id, string Type, string Title, string? Url, string Snippet, float Score, string Tenant);

public sealed record FacetValue(string Value, string Label, int Count);

/// <param name="Unavailable">
/// The index cannot answer now (damaged and being rebuilt, or not built yet): no hits, and the
/// page says so instead of "aucun résultat".
/// </param>
public sealed record SearchResponse(
    string Query,
    int Total,
    int Page,
    int Size,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? DidYouMean,
    bool Unavailable = false)
{
    /// <summary>What visitors read when search cannot answer.</summary>
    public const string UnavailableMessage =
        "La recherche est momentanément indisponible : son index est en cours de reconstruction. Réessayez dans quelques minutes ; les listes du site restent consultables.";
}
