using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using RallyNov.Core.Caching;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Api;

/// <summary>
/// The public, read-only JSON API of every content type: /api/content/{type}?page=N and
/// /api/content/{type}/{slug}. One implementation driven by the type definitions, so a field
/// added in a module appears here without touching this file. Only published versions are
/// ever read: a draft has no public existence.
/// </summary>
internal static class ContentApiEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Keep French letters readable; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/content");
        group.MapGet("/{contentType}", ListAsync);
        group.MapGet("/{contentType}/{slug}", DetailAsync);
    }

    private static async Task<IResult> ListAsync(
        string contentType,
        [FromQuery] int? page,
        [FromQuery] int? pageSize,
        [FromServices] IContentManager contents,
        [FromServices] IContentDefinitionManager definitions,
        [FromServices] ModuleCatalog catalog,
        [FromServices] TenantContext tenant,
        [FromServices] ISiteDataCache cache,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var type = Resolve(contentType, definitions, catalog, tenant);
        if (type is null)
        {
            return NotFound($"Le type de contenu « {contentType} » n'existe pas sur ce site.");
        }

        // The order is kept per site version (moved by every committed change, so never older than the
        // last publish): a page is a slice of it and loads only its own items. Sorting and counting the
        // whole type per request left the API without an answer at 100 000 items.
        var order = await cache.GetOrCreateAsync(
            tenant.Settings, "api-order:" + type.Name, ct => contents.PublishedIdsInTitleOrderAsync(type.Name, ct), cancellationToken);
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var number = Math.Max(1, page ?? 1);
        var slice = (long)(number - 1) * size >= order.Count ? [] : order.Skip((number - 1) * size).Take(size).ToArray();
        var loaded = await contents.GetManyAsync(slice, VersionOptions.Published, cancellationToken);
        var result = new PagedResult<ContentItem>(
            slice.Where(loaded.ContainsKey).Select(id => loaded[id]).Where(i => i.DeletedUtc is null).ToList(), order.Count, number, size);

        var items = new JsonArray(result.Items.Select(i => (JsonNode)ContentJson.Item(type, i, http.Request.PathBase)).ToArray());
        var body = new JsonObject
        {
            ["contentType"] = type.Name,
            ["displayName"] = type.DisplayName,
            ["page"] = result.Page,
            ["pageSize"] = result.PageSize,
            ["total"] = result.Total,
            ["pageCount"] = result.PageCount,
            ["fields"] = ContentJson.Fields(type),
            ["items"] = items,
        };
        return Results.Json(body, JsonOptions);
    }

    private static async Task<IResult> DetailAsync(
        string contentType,
        string slug,
        [FromServices] IContentManager contents,
        [FromServices] IContentDefinitionManager definitions,
        [FromServices] ModuleCatalog catalog,
        [FromServices] TenantContext tenant,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var type = Resolve(contentType, definitions, catalog, tenant);
        if (type is null)
        {
            return NotFound($"Le type de contenu « {contentType} » n'existe pas sur ce site.");
        }

        var item = await contents.GetBySlugAsync(slug.ToLowerInvariant(), VersionOptions.Published, cancellationToken);
        if (item is null || !string.Equals(item.ContentType, type.Name, StringComparison.Ordinal) || !item.Published || item.DeletedUtc is not null)
        {
            return NotFound($"Aucun contenu publié « {slug} » de type {type.Name}.");
        }

        return Results.Json(ContentJson.Item(type, item, http.Request.PathBase), JsonOptions);
    }

    private static ContentTypeDefinition? Resolve(string name, IContentDefinitionManager definitions, ModuleCatalog catalog, TenantContext tenant) =>
        definitions.Find(name) is { } type && catalog.IsEnabled(tenant.Settings, type.ModuleId) ? type : null;

    private static IResult NotFound(string message) =>
        Results.Json(new JsonObject { ["status"] = 404, ["error"] = message }, JsonOptions, statusCode: StatusCodes.Status404NotFound);
}
