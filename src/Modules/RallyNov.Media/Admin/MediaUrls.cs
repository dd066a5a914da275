using Microsoft.AspNetCore.Mvc;

namespace RallyNov.Media.Admin;

/// <summary>Same mapping as the Contents module's MediaUrl helper: ~/media/ + escaped segments, tenant prefix included.</summary>
public static class MediaUrls
{
    public static string Of(IUrlHelper url, string path, int? width = null) =>
        url.Content("~/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)))
        + (width is { } w ? "?w=" + w.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
}
