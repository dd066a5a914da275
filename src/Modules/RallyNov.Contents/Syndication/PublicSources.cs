namespace RallyNov.Contents.Syndication;

/// <summary>
/// A public list page of a module (e.g. "/initiatives"), registered by that module so the
/// sitemap lists it only where the module is enabled.
/// </summary>
public sealed record PublicListRoute(string ModuleId, string Path);

/// <summary>
/// A content type whose new items go into the tenant's Atom feed (/feed.xml).
/// </summary>
/// <param name="DateField">A date field to use as the entry's date when filled (e.g. a news item's date).</param>
public sealed record FeedSource(string ModuleId, string ContentType, string SummaryField, string? DateField = null);
