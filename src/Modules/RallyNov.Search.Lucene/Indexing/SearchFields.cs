namespace RallyNov.Search.Lucene.Indexing;

/// <summary>Field names of the search documents.</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Type = "type";
    public const string Title = "title";
    public const string TitleExact = "title_exact";

    /// <summary>Stored only (snippets): searched through <see cref="Text"/>.</summary>
    public const string Summary = "summary";

    /// <summary>Stored only (snippets): searched through <see cref="Text"/>.</summary>
    public const string Body = "body";

    /// <summary>Title, summary, body, other text fields and term names in one stemmed field: the field queries match on.</summary>
    public const string Text = "text";
    public const string AllExact = "all_exact";

    public const string Url = "url";
    public const string Tenant = "tenant";
    public const string Date = "date";
    public const string DateSort = "date_sort";

    /// <summary>Prefix of facet fields: "f_departement", "f_theme", "f_annee", "f_type".</summary>
    public const string FacetPrefix = "f_";

    public static string Facet(string name) => FacetPrefix + name;

    /// <summary>Numeric doc values of a number facet, to sort lists ("n_annee").</summary>
    public static string Number(string facet) => "n_" + facet;

    /// <summary>Sort key of the title (French collation, case ignored), to sort lists as the database did.</summary>
    public const string TitleSort = "title_sort";

    public const string CursorKey = "rallynov.cursor";
    public const string RebuiltKey = "rallynov.rebuiltUtc";

    /// <summary>Commit data: the log ids the cursor passed that were not committed yet (<see cref="Indexing.LogGaps"/>).</summary>
    public const string GapsKey = "rallynov.gaps";
    public const string SchemaKey = "rallynov.schema";

    /// <summary>
    /// Bumped whenever the fields change: an index written with another schema reads as cursor 0
    /// and is rebuilt from the database on its own. 2: summary + body + extra merged into "text"; 3: title_sort and n_* for lists;
    /// 4: the title in "text" and "all_exact" (the match query reads "text" alone); 5: "pairs" for phrases; 6: a pair spells out the stop words between its words;
    /// 7: no "pairs" (phrases read positions: the pairs doubled the rebuild of a realistic corpus);
    /// 8: "title_exact" and "all_exact" without positions (only looked up term by term).
    /// </summary>
    public const string SchemaVersion = "8";
}
