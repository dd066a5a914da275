using Microsoft.AspNetCore.Mvc;

namespace RallyNov.Contents.Display;

public static class MediaUrlExtensions
{
    /// <summary>
    /// Public URL of a media path of the current tenant. The media module serves the tenant's
    /// Media folder under /media; keeping the mapping here means views never hard-code it.
    /// </summary>
    public static string MediaUrl(this IUrlHelper url, MediaValue media) =>
        url.Content("~/media/" + string.Join('/', media.Path.Split('/').Select(Uri.EscapeDataString)));
}
