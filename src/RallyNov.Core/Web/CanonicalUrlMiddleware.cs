using Microsoft.AspNetCore.Http;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>
/// One URL per page: a GET of a public page whose path ends with a slash or holds capitals is sent
/// (301) to its canonical form — lower case, no trailing slash, the tenant prefix as configured.
/// A tenant's home is "/prefix/", the form every link of the site uses. Files, the API and the back
/// office keep their own spelling (static asset names and API type names hold capitals).
/// </summary>
internal sealed class CanonicalUrlMiddleware(RequestDelegate next)
{
    private static readonly string[] Untouched = ["/_content", "/api", "/admin", "/media", "/assets"];

    public Task InvokeAsync(HttpContext context, ITenantAccessor accessor)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || accessor.Current is not { } tenant)
        {
            return next(context);
        }

        var path = context.Request.Path.Value ?? "";
        if (Untouched.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        var canonicalPrefix = tenant.Prefix.Length == 0 ? "" : "/" + TenantResolver.NormalizePrefix(tenant.Settings.UrlPrefix);
        var canonicalPath = path.Length == 0 ? "/" : path.Length > 1 ? path.TrimEnd('/').ToLowerInvariant() : path;
        if (canonicalPath.Length == 0)
        {
            canonicalPath = "/";
        }

        var prefix = context.Request.PathBase.Value ?? "";
        if (string.Equals(prefix, canonicalPrefix, StringComparison.Ordinal) && string.Equals(path, canonicalPath, StringComparison.Ordinal))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = canonicalPrefix + canonicalPath + context.Request.QueryString;
        return Task.CompletedTask;
    }
}
