using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Contents.Display;

public static class ContentUrlExtensions
{
    /// <summary>The public URL of an item in the current tenant (prefix included), or null when its type has no page.</summary>
    public static string? ContentItemUrl(this IUrlHelper url, ContentItem item)
    {
        var definitions = url.ActionContext.HttpContext.RequestServices.GetRequiredService<IContentDefinitionManager>();
        var path = definitions.Find(item.ContentType)?.UrlFor(item.Slug);
        return path is null ? null : url.Content("~" + path);
    }

    /// <summary>Same as above from card data kept without the item (type and slug).</summary>
    public static string? ContentItemUrl(this IUrlHelper url, string contentType, string? slug)
    {
        var definitions = url.ActionContext.HttpContext.RequestServices.GetRequiredService<IContentDefinitionManager>();
        var path = definitions.Find(contentType)?.UrlFor(slug);
        return path is null ? null : url.Content("~" + path);
    }
}
