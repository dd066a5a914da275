using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>
/// Finds the tenant of a request (host+prefix, host, prefix, default), moves the prefix into
/// PathBase and binds the tenant to the request scope. Disabled or not-yet-ready tenants, and
/// tenants closed because their database is missing or unreadable (<see cref="ITenantAvailability"/>),
/// get a French 503 page and never reach another tenant's data.
/// </summary>
internal sealed class TenantMiddleware(RequestDelegate next, ITenantStore store, ITenantScopeFactory scopes, ITenantUnavailablePage unavailable, ITenantAvailability availability)
{
    private const string HealthPath = "/health";

    private static readonly string[] UnavailablePageAssets = ["/assets", "/_content", "/favicon.ico"];

    public async Task InvokeAsync(HttpContext context, ITenantAccessor accessor)
    {
        // /health belongs to the host, not to a tenant: it must answer even when the portal is disabled.
        if (context.Request.Path.Equals(HealthPath, StringComparison.OrdinalIgnoreCase) && context.Request.PathBase.Value is null or "")
        {
            await next(context);
            return;
        }

        if (!store.Available)
        {
            await PlainTenantUnavailablePage.WriteDatabaseDownAsync(context, context.RequestAborted);
            return;
        }

        var match = TenantResolver.Resolve(store.All, context.Request.Host.Value, context.Request.Path.Value);
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

        if (tenant.State != TenantState.Running)
        {
            // The 503 page itself needs the tenant's stylesheet, theme files and logo; nothing else is served.
            if (tenant.State == TenantState.Disabled && await IsUnavailablePageAssetAsync(context, accessor, tenant))
            {
                await next(context);
                return;
            }

            await unavailable.WriteAsync(context, tenant, context.RequestAborted);
            return;
        }

        // A set-up tenant whose database is missing or unreadable: closed (503), never set up again on its own.
        if (availability.OutageOf(tenant.Name) is not null && await availability.CheckAsync(tenant, context.RequestAborted) is not null)
        {
            context.Response.Headers.CacheControl = "no-store";
            await unavailable.WriteAsync(context, tenant, context.RequestAborted);
            return;
        }

        accessor.Set(scopes.CreateContext(tenant, context.Request.PathBase.Value ?? ""));
        await next(context);
    }

    private async Task<bool> IsUnavailablePageAssetAsync(HttpContext context, ITenantAccessor accessor, TenantSettings tenant)
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return false;
        }

        var asset = UnavailablePageAssets.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
        if (!asset && path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase, out var rest))
        {
            try
            {
                accessor.Set(scopes.CreateContext(tenant, context.Request.PathBase.Value ?? ""));
                var identity = await context.RequestServices.GetRequiredService<Settings.ISiteIdentityService>().GetAsync(context.RequestAborted);
                asset = identity.LogoPath is { } logo && string.Equals(rest.Value, "/" + logo, StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return false; // a tenant whose data cannot be read shows the plain page
            }
        }

        if (asset && accessor.Current is null)
        {
            accessor.Set(scopes.CreateContext(tenant, context.Request.PathBase.Value ?? ""));
        }

        return asset;
    }
}

/// <summary>
/// The 503 page of a tenant that is not running (disabled, being set up, or whose data cannot be
/// read): one place that every caller uses — the tenant middleware, the tenants admin. The public
/// theme replaces the plain default with a page in the tenant's own look.
/// </summary>
public interface ITenantUnavailablePage
{
    /// <summary>Writes the whole 503 answer (status, Retry-After, page; no body for HEAD).</summary>
    Task WriteAsync(HttpContext context, TenantSettings tenant, CancellationToken cancellationToken);

    /// <summary>The French sentence explaining why the tenant is unavailable.</summary>
    static string MessageFor(TenantSettings tenant) => tenant.State switch
    {
        TenantState.Disabled => "Ce site est momentanément fermé par son administrateur. Merci de revenir plus tard.",
        TenantState.Uninitialized => "Ce site est en cours d'installation. Merci de revenir dans quelques instants.",
        _ => "Ce site est momentanément indisponible. Merci de réessayer dans quelques minutes.",
    };
}

/// <summary>A plain French 503 page, for hosts without the public theme and as its last resort.</summary>
public sealed class PlainTenantUnavailablePage : ITenantUnavailablePage
{
    public Task WriteAsync(HttpContext context, TenantSettings tenant, CancellationToken cancellationToken) => WritePlainAsync(context, tenant, cancellationToken);

    /// <summary>
    /// Before any tenant is known (the shared tenant list cannot be read: PostgreSQL unreachable since
    /// start-up): every address gets this page, with no tenant name to show.
    /// </summary>
    public static async Task WriteDatabaseDownAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            SetUnavailable(context, retryAfterSeconds: 30);
            return;
        }

        await WriteUnavailableAsync(
            context,
            retryAfterSeconds: 30,
            "Site indisponible",
            "Le site est momentanément indisponible",
            "Sa base de données ne répond pas pour l'instant. Le site revient de lui-même dès qu'elle répond : merci de réessayer dans quelques instants.",
            cancellationToken);
    }

    public static Task WritePlainAsync(HttpContext context, TenantSettings tenant, CancellationToken cancellationToken)
    {
        var name = WebUtility.HtmlEncode(tenant.DisplayName);
        return WriteUnavailableAsync(
            context, retryAfterSeconds: 300, "Site indisponible – " + name, name + " est indisponible", ITenantUnavailablePage.MessageFor(tenant), cancellationToken);
    }

    private static void SetUnavailable(HttpContext context, int retryAfterSeconds)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
    }

    /// <summary>The bare 503 page (no layout, no database): texts already HTML-safe.</summary>
    private static async Task WriteUnavailableAsync(HttpContext context, int retryAfterSeconds, string title, string heading, string message, CancellationToken cancellationToken)
    {
        SetUnavailable(context, retryAfterSeconds);
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
            <body><main><h1>{heading}</h1><p>{message}</p></main></body>
            </html>
            """, cancellationToken);
    }
}
