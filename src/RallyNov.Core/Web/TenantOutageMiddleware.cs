using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>
/// Turns a request that failed because the tenant's database is missing, corrupt or out of reach
/// into the tenant's 503 page (not a 500), and closes the tenant until its database answers again:
/// the other tenants keep serving, /health names it. Runs inside the exception handler, so the
/// error page (which would read the same database) is never tried.
/// </summary>
internal sealed class TenantOutageMiddleware(RequestDelegate next, ITenantDatabase database, ITenantAvailability availability, ITenantUnavailablePage unavailable, ILogger<TenantOutageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, ITenantAccessor accessor)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (accessor.Current is { } tenant && !context.Response.HasStarted && database.Classify(ex) is { } outage)
        {
            logger.LogError(ex, "Request {Path} of tenant {Tenant} failed on its database.", context.Request.Path, tenant.Name);
            availability.Report(tenant.Settings, outage);
            context.Response.Clear();
            context.Response.Headers.CacheControl = "no-store";
            await unavailable.WriteAsync(context, tenant.Settings, context.RequestAborted);
        }
    }
}
