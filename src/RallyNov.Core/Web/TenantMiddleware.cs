using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>
/// Finds the tenant of a request (host+prefix, host, prefix, default), moves the prefix into
/// PathBase and binds the tenant to the request scope. Disabled or not-yet-ready tenants get a
/// French 503 page in their own look and never reach another tenant's data.
/// </summary>
internal sealed class TenantMiddleware
{
    private const string HealthPath = "/health";

    private readonly RequestDelegate _next;
    private readonly ITenantStore _store;
    private readonly ITenantScopeFactory _scopes;

    // The theme's files (/_content/...) hold no tenant data; a closed site still needs them for its 503 page.
    private readonly RequestDelegate _sharedAssetsOrUnavailable;

    public TenantMiddleware(
        RequestDelegate next,
        ITenantStore store,
        ITenantScopeFactory scopes,
        IWebHostEnvironment environment,
        IOptions<StaticFileOptions> staticFiles,
        ILoggerFactory loggerFactory)
    {
        _next = next;
        _store = store;
        _scopes = scopes;
        _sharedAssetsOrUnavailable = new StaticFileMiddleware(WriteUnavailableAsync, environment, staticFiles, loggerFactory).Invoke;
    }

    public async Task InvokeAsync(HttpContext context, ITenantAccessor accessor)
    {
        // /health belongs to the host, not to a tenant: it must answer even when the portal is disabled.
        if (context.Request.Path.Equals(HealthPath, StringComparison.OrdinalIgnoreCase) && context.Request.PathBase.Value is null or "")
        {
            await _next(context);
            return;
        }

        var match = TenantResolver.Resolve(_store.All, context.Request.Host.Value, context.Request.Path.Value);
        if (match is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var tenant = match.Tenant;
        if (match.Prefix.Length > 0)
        {
            // Keep the prefix as the visitor typed it in PathBase; links generated from it stay valid.
            context.Request.Path.StartsWithSegments(match.Prefix, StringComparison.OrdinalIgnoreCase, out var matched, out var remaining);
            context.Request.PathBase = context.Request.PathBase.Add(matched);
            context.Request.Path = remaining;
        }

        accessor.Set(_scopes.CreateContext(tenant, context.Request.PathBase.Value ?? ""));
        if (tenant.State != TenantState.Running)
        {
            var shared = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            await (shared && context.Request.Path.StartsWithSegments("/_content", StringComparison.Ordinal)
                ? _sharedAssetsOrUnavailable(context)
                : WriteUnavailableAsync(context));
            return;
        }

        await _next(context);
    }

    private static Task WriteUnavailableAsync(HttpContext context)
    {
        var accessor = (ITenantAccessor)context.RequestServices.GetService(typeof(ITenantAccessor))!;
        return TenantUnavailablePage.WriteAsync(context, accessor.Required.Settings);
    }
}
