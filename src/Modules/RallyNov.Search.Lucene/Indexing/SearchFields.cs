namespace RallyNov.Search.Lucene.Indexing;

/// <summary>Field names of the search documents.</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Type = "type";
    public const string Title = "title";
    public const string TitleExact = "title_exact";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Extra = "extra";
    public const string AllExact = "all_exact";
    public const string Url = "url";
    public const string Tenant = "tenant";
    public const string Date = "date";
    public const string DateSort = "date_sort";

    /// <summary>Prefix of facet fields: "f_departement", "f_theme", "f_annee", "f_type".</summary>
    public const string FacetPrefix = "f_";

    public static string Facet(string name) => FacetPrefix + name;

    public const string CursorKey = "rallynov.cursor";
    public const string RebuiltKey = "rallynov.rebuiltUtc";
}
