using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Tenants;
using RallyNov.Core.Web;

namespace RallyNov.Contents.Controllers;

/// <summary>
/// The 503 of a tenant that is not running, in the tenant's own look: the error view in the public
/// layout, read with the tenant's settings (name, logo, colours), without its menus (every link
/// would answer 503) but with the way to the portal. If even that cannot be drawn (its database is
/// unreadable), the plain page is sent.
/// </summary>
internal sealed class ThemedUnavailablePage(ITenantScopeFactory scopes, ILogger<ThemedUnavailablePage> logger) : ITenantUnavailablePage
{
    public async Task WriteAsync(HttpContext context, TenantSettings tenant, CancellationToken cancellationToken)
    {
        context.Response.Headers.RetryAfter = "300";
        try
        {
            var accessor = context.RequestServices.GetRequiredService<ITenantAccessor>();
            if (accessor.Current is null)
            {
                accessor.Set(scopes.CreateContext(tenant, context.Request.PathBase.Value ?? ""));
            }

            var routeData = new RouteData();
            routeData.Values["controller"] = "Error";
            routeData.Values["action"] = "Index";
            var actionContext = new ActionContext(context, routeData, new ActionDescriptor());
            var metadata = context.RequestServices.GetRequiredService<IModelMetadataProvider>();
            var viewData = new ViewDataDictionary<int>(metadata, new ModelStateDictionary())
            {
                Model = StatusCodes.Status503ServiceUnavailable,
                ["Unavailable"] = true,
                ["Message"] = ITenantUnavailablePage.MessageFor(tenant),
            };

            // Rendered into memory first: a failure halfway must not leave half a page on the wire.
            var body = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await new ViewResult { ViewName = "Error", ViewData = viewData, StatusCode = StatusCodes.Status503ServiceUnavailable }.ExecuteResultAsync(actionContext);
            }
            finally
            {
                context.Response.Body = body;
            }

            buffer.Position = 0;
            context.Response.ContentLength = buffer.Length;
            await buffer.CopyToAsync(body, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            logger.LogWarning(ex, "The 503 page of tenant {Tenant} could not be drawn in its look; plain page sent.", tenant.Name);
            context.Response.Clear();
            await PlainTenantUnavailablePage.WritePlainAsync(context, tenant, cancellationToken);
        }
    }
}
