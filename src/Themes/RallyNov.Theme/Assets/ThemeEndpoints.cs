using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RallyNov.Core.Settings;

namespace RallyNov.Theme.Assets;

/// <summary>The tenant's stylesheet and the icon browsers ask for at /favicon.ico.</summary>
internal static class ThemeEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/site-{hash}.css", StylesheetAsync);
        endpoints.MapGet("/favicon.ico", FaviconAsync);
    }

    private static async Task<IResult> StylesheetAsync(HttpContext http, string hash, ISiteIdentityService identities, ThemeStylesheet stylesheet)
    {
        var (current, css) = stylesheet.For(await identities.GetAsync(http.RequestAborted));

        // An old hash (a page cached before the colours changed) still gets the current styles, briefly cached.
        http.Response.Headers.CacheControl = hash == current ? "public, max-age=31536000, immutable" : "public, max-age=60";
        return Results.Bytes(css, "text/css; charset=utf-8");
    }

    private static async Task<IResult> FaviconAsync(HttpContext http, ISiteIdentityService identities)
    {
        var identity = await identities.GetAsync(http.RequestAborted);
        var target = identity.LogoPath is { } logo
            ? http.Request.PathBase + "/media/" + logo + "?w=160"
            : http.Request.PathBase + "/_content/RallyNov.Theme/img/icon.svg";
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Redirect(target, permanent: false);
    }
}
