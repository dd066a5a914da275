using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Syndication;

/// <summary>
/// /sitemap.xml (every published page of the tenant), /feed.xml (Atom, newest items of the
/// registered feed sources) and /robots.txt. All three read published versions only, through
/// the same reader as the public lists, so a draft can never leak through them.
/// </summary>
internal static class SyndicationEndpoints
{
    private const int FeedSize = 30;
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync);
        endpoints.MapGet("/feed.xml", FeedAsync);
        endpoints.MapGet("/robots.txt", Robots);
    }

    private static async Task<IResult> SitemapAsync(
        HttpContext http,
        [FromServices] IPublishedContentReader reader,
        [FromServices] IContentDefinitionManager definitions,
        [FromServices] ModuleCatalog catalog,
        [FromServices] IEnumerable<PublicListRoute> lists,
        [FromServices] TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var origin = Origin(http);
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Async = false }))
        {
            xml.WriteStartElement("urlset", SitemapNs);
            WriteUrl(xml, origin + "/", null);
            foreach (var list in lists.Where(l => catalog.IsEnabled(tenant.Settings, l.ModuleId)).OrderBy(l => l.Path, StringComparer.Ordinal))
            {
                WriteUrl(xml, origin + list.Path, null);
            }

            foreach (var type in definitions.TypesFor(tenant.Settings).Where(t => t.RoutePattern is not null))
            {
                foreach (var item in await reader.AllAsync(type.Name, cancellationToken))
                {
                    if (type.UrlFor(item.Slug) is { } path)
                    {
                        WriteUrl(xml, origin + path, item.ModifiedUtc);
                    }
                }
            }

            xml.WriteEndElement();
        }

        return Results.Text(Utf8(builder), "application/xml; charset=utf-8");
    }

    private static async Task<IResult> FeedAsync(
        HttpContext http,
        [FromServices] IPublishedContentReader reader,
        [FromServices] IContentDefinitionManager definitions,
        [FromServices] ModuleCatalog catalog,
        [FromServices] IEnumerable<FeedSource> sources,
        [FromServices] TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var origin = Origin(http);
        var entries = new List<(ContentItem Item, FeedSource Source, DateTime Date, string Url)>();
        foreach (var source in sources.Where(s => catalog.IsEnabled(tenant.Settings, s.ModuleId)))
        {
            var type = definitions.Find(source.ContentType);
            foreach (var item in await reader.AllAsync(source.ContentType, cancellationToken))
            {
                if (type?.UrlFor(item.Slug) is { } path)
                {
                    var date = (source.DateField is null ? null : item.GetDateTime(source.DateField)) ?? item.PublishedUtc ?? item.ModifiedUtc;
                    entries.Add((item, source, DateTime.SpecifyKind(date, DateTimeKind.Utc), origin + path));
                }
            }
        }

        var latest = entries.OrderByDescending(e => e.Date).ThenBy(e => e.Item.DisplayText, StringComparer.Ordinal).Take(FeedSize).ToList();
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true }))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, "fr");
            xml.WriteElementString("id", atom, origin + "/");
            xml.WriteElementString("title", atom, Clean(tenant.Settings.DisplayName));
            xml.WriteElementString("subtitle", atom, "Actualités et nouvelles initiatives");
            xml.WriteElementString("updated", atom, Rfc3339(latest.Count > 0 ? latest.Max(e => e.Item.ModifiedUtc) : DateTime.UnixEpoch));
            WriteLink(xml, atom, origin + "/feed.xml", "self");
            WriteLink(xml, atom, origin + "/", "alternate");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, Clean(tenant.Settings.DisplayName));
            xml.WriteEndElement();
            foreach (var (item, source, date, url) in latest)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, Clean(url));
                xml.WriteElementString("title", atom, Clean(item.DisplayText));
                WriteLink(xml, atom, url, "alternate");
                xml.WriteElementString("published", atom, Rfc3339(date));
                xml.WriteElementString("updated", atom, Rfc3339(DateTime.SpecifyKind(item.ModifiedUtc, DateTimeKind.Utc)));
                if (item.GetString(source.SummaryField) is { Length: > 0 } summary)
                {
                    xml.WriteElementString("summary", atom, Clean(summary));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Results.Text(Utf8(builder), "application/atom+xml; charset=utf-8");
    }

    /// <summary>
    /// Crawlers only read /robots.txt at the root of a host, so the one served there speaks for
    /// every running tenant reachable on that host: each one's back office and search pages are
    /// disallowed and each one's sitemap listed. A tenant under a prefix answers for itself.
    /// </summary>
    private static IResult Robots(HttpContext http, [FromServices] ITenantStore store, [FromServices] TenantContext tenant)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var prefixes = new List<string>();
        if (tenant.Prefix.Length > 0)
        {
            prefixes.Add(tenant.Prefix);
        }
        else
        {
            var host = http.Request.Host.Value;
            foreach (var other in store.All.Where(t => t.State == TenantState.Running))
            {
                var prefix = TenantResolver.NormalizePrefix(other.UrlPrefix);
                var match = TenantResolver.Resolve(store.All, host, prefix.Length == 0 ? "/" : "/" + prefix + "/");
                if (match is not null && string.Equals(match.Tenant.Name, other.Name, StringComparison.OrdinalIgnoreCase))
                {
                    prefixes.Add(match.Prefix);
                }
            }
        }

        var text = new StringBuilder("User-agent: *\nAllow: /\n");
        foreach (var prefix in prefixes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append("Disallow: ").Append(prefix).Append("/admin\n");
            text.Append("Disallow: ").Append(prefix).Append("/recherche\n");
            text.Append("Disallow: ").Append(prefix).Append("/api/search\n");
        }

        text.Append('\n');
        foreach (var prefix in prefixes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append("Sitemap: ").Append(origin).Append(prefix).Append("/sitemap.xml\n");
        }

        return Results.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static void WriteUrl(XmlWriter xml, string location, DateTime? modified)
    {
        xml.WriteStartElement("url", SitemapNs);
        xml.WriteElementString("loc", SitemapNs, Clean(location));
        if (modified is { } date)
        {
            xml.WriteElementString("lastmod", SitemapNs, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string ns, string href, string rel)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", Clean(href));
        xml.WriteEndElement();
    }

    /// <summary>
    /// Text as XML may hold it: a control character saved before the editor stripped them (or
    /// typed into a tenant name) must not make the whole feed fail.
    /// </summary>
    private static string Clean(string text) => Core.Text.XmlText.Strip(text);

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // StringBuilder output declares UTF-16; the response is UTF-8, so the declaration must say so.
    private static string Utf8(StringBuilder builder) =>
        builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
}
