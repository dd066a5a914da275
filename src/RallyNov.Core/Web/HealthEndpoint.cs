using Microsoft.AspNetCore.Http;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>GET /health on the host: the state of each tenant and whether its database answers.</summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, ITenantStore store, ITenantDatabase database, CancellationToken cancellationToken)
    {
        // Only the host answers: /bourgogne/health would expose every tenant from inside one of them.
        if (context.Request.PathBase.HasValue)
        {
            return Results.NotFound();
        }

        var tenants = new List<object>();
        var healthy = true;
        foreach (var tenant in store.All)
        {
            var reachable = tenant.State != TenantState.Disabled && await database.CanConnectAsync(tenant, cancellationToken);
            if (tenant.State == TenantState.Running && !reachable)
            {
                healthy = false;
            }

            tenants.Add(new
            {
                name = tenant.Name,
                state = tenant.State.ToString(),
                database = tenant.State == TenantState.Disabled ? "skipped" : reachable ? "ok" : "unreachable",
            });
        }

        var body = new { status = healthy ? "Healthy" : "Unhealthy", tenants };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
