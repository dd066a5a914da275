using Microsoft.AspNetCore.Http;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>
/// Runs after routing: an endpoint owned by a module that the tenant has switched off behaves as
/// if it did not exist (404, with the tenant's error page).
/// </summary>
internal sealed class ModuleGateMiddleware(RequestDelegate next, ModuleCatalog catalog)
{
    public Task InvokeAsync(HttpContext context, ITenantAccessor accessor)
    {
        var endpoint = context.GetEndpoint();
        var module = endpoint?.Metadata.GetMetadata<ModuleEndpointMetadata>();
        if (module is not null && accessor.Current is { } tenant && !catalog.IsEnabled(tenant.Settings, module.ModuleId))
        {
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
