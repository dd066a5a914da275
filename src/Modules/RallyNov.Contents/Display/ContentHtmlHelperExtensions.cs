using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;

namespace RallyNov.Contents.Display;

public static class ContentHtmlHelperExtensions
{
    /// <summary>Renders an item with its "{Type}.{display}" view (theme first, then module).</summary>
    public static Task<IHtmlContent> DisplayContentAsync(this IHtmlHelper html, ContentItem item, string display = "Summary")
    {
        var locator = html.ViewContext.HttpContext.RequestServices.GetRequiredService<ContentViewLocator>();
        return html.PartialAsync(locator.Locate(item.ContentType, display), item);
    }
}
