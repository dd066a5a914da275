using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>What the "TenantUnavailable" view shows: the site's name and why it is closed, in French.</summary>
public sealed record TenantUnavailableModel(string DisplayName, TenantState State, string Message);

/// <summary>
/// The 503 answer of a disabled (or not yet set up) tenant: the view "TenantUnavailable" in the
/// tenant's own public layout when a module provides it, the built-in page otherwise or when the
/// layout cannot render. Always French, always Retry-After, never cached, never the tenant's data.
/// </summary>
internal static class TenantUnavailablePage
{
    public const string ViewName = "TenantUnavailable";

    public static async Task WriteAsync(HttpContext context, TenantSettings tenant)
    {
        var disabled = tenant.State == TenantState.Disabled;
        var model = new TenantUnavailableModel(
            tenant.DisplayName,
            tenant.State,
            disabled
                ? "Ce site est momentanément fermé par son administrateur. Merci de revenir plus tard."
                : "Ce site est en cours d'installation. Merci de revenir dans quelques instants.");
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = disabled ? "300" : "30";
        context.Response.Headers.CacheControl = "no-store";

        if (await TryRenderViewAsync(context, model))
        {
            return;
        }

        var name = WebUtility.HtmlEncode(model.DisplayName);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Site indisponible – {name}</title></head>
            <body><main><h1>{name} est indisponible</h1><p>{WebUtility.HtmlEncode(model.Message)}</p></main></body>
            </html>
            """, context.RequestAborted);
    }

    private static async Task<bool> TryRenderViewAsync(HttpContext context, TenantUnavailableModel model)
    {
        var services = context.RequestServices;
        if (services.GetService<ICompositeViewEngine>() is not { } engine)
        {
            return false;
        }

        var actionContext = new ActionContext(context, new RouteData(), new ActionDescriptor());
        if (!engine.FindView(actionContext, ViewName, isMainPage: true).Success)
        {
            return false;
        }

        try
        {
            var result = new ViewResult
            {
                ViewName = ViewName,
                StatusCode = StatusCodes.Status503ServiceUnavailable,
                ViewData = new ViewDataDictionary<TenantUnavailableModel>(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary()) { Model = model },
            };
            await result.ExecuteResultAsync(actionContext);
            return true;
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            // The layout may read the tenant's settings; a tenant whose database is not there yet
            // still gets its French page, without the look.
            services.GetService<ILoggerFactory>()?.CreateLogger(typeof(TenantUnavailablePage)).LogWarning(ex, "The unavailable page of tenant {Tenant} could not use its layout.", model.DisplayName);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = model.State == TenantState.Disabled ? "300" : "30";
            context.Response.Headers.CacheControl = "no-store";
            return false;
        }
    }
}
