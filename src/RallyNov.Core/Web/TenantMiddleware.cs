using System.Net;
using Microsoft.AspNetCore.Http;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>
/// Finds the tenant of a request (host+prefix, host, prefix, default), moves the prefix into
/// PathBase and binds the tenant to the request scope. Disabled or not-yet-ready tenants get a
/// French 503 page and never reach another tenant's data.
/// </summary>
internal sealed class TenantMiddleware(RequestDelegate next, ITenantStore store, ITenantScopeFactory scopes, ITenantAvailability availability)
{
    private const string HealthPath = "/health";

    public async Task InvokeAsync(HttpContext context, ITenantAccessor accessor)
    {
        // /health belongs to the host, not to a tenant: it must answer even when the portal is disabled.
        if (context.Request.Path.Equals(HealthPath, StringComparison.OrdinalIgnoreCase) && context.Request.PathBase.Value is null or "")
        {
            await next(context);
            return;
        }

        var match = TenantResolver.Resolve(store.All, context.Request.Host.Value, context.Request.Path.Value);
        if (match is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var tenant = match.Tenant;
        if (tenant.State != TenantState.Running)
        {
            await WriteUnavailableAsync(context, tenant);
            return;
        }

        // A set-up tenant whose database is missing or unreadable: closed, never reset on its own.
        if (availability.OutageOf(tenant.Name) is not null && await availability.CheckAsync(tenant, context.RequestAborted) is not null)
        {
            await WriteUnavailableAsync(context, tenant, incident: true);
            return;
        }

        if (match.Prefix.Length > 0)
        {
            // Keep the prefix as the visitor typed it in PathBase; links generated from it stay valid.
            context.Request.Path.StartsWithSegments(match.Prefix, StringComparison.OrdinalIgnoreCase, out var matched, out var remaining);
            context.Request.PathBase = context.Request.PathBase.Add(matched);
            context.Request.Path = remaining;
        }

        accessor.Set(scopes.CreateContext(tenant, context.Request.PathBase.Value ?? ""));
        await next(context);
    }

    /// <summary>
    /// The one place a tenant's 503 page is written: disabled, being set up, or closed after an
    /// incident on its database (<paramref name="incident"/>). It reads nothing from the tenant's
    /// database, which may be the thing that is broken.
    /// </summary>
    internal static async Task WriteUnavailableAsync(HttpContext context, TenantSettings tenant, bool incident = false)
    {
        var message = incident
            ? "Ce site est momentanément indisponible à la suite d'un incident technique. L'équipe qui l'héberge a été prévenue ; merci de revenir plus tard."
            : tenant.State == TenantState.Disabled
            ? "Ce site est momentanément fermé par son administrateur. Merci de revenir plus tard."
            : "Ce site est en cours d'installation. Merci de revenir dans quelques instants.";
        var name = WebUtility.HtmlEncode(tenant.DisplayName);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = incident ? "120" : "300";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Site indisponible – {name}</title></head>
            <body><main><h1>{name} est indisponible</h1><p>{message}</p></main></body>
            </html>
            """, context.RequestAborted);
    }
}
