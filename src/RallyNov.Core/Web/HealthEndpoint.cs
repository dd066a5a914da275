using Microsoft.AspNetCore.Http;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>
/// GET /health on the host: the state of each tenant, whether its database answers, and the
/// modules' readiness (search index built). 200 only when every running tenant can serve.
/// </summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        ITenantStore store,
        ITenantDatabase database,
        ITenantAvailability availability,
        IEnumerable<ITenantHealthCheck> checks,
        CancellationToken cancellationToken)
    {
        // Only the host answers: /bourgogne/health would expose every tenant from inside one of them.
        if (context.Request.PathBase.HasValue)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        if (!store.Available)
        {
            // Started while PostgreSQL was away: no tenant is known yet; the node retries by itself.
            return Results.Json(
                new
                {
                    status = "Degraded",
                    database = "unreachable",
                    message = "La base de données PostgreSQL ne répond pas : les sites répondent 503 jusqu'à ce qu'elle réponde.",
                    tenants = Array.Empty<object>(),
                },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var tenants = new List<Dictionary<string, object?>>();
        // No site at all (a database just reached, its sites not written yet) serves nothing.
        var healthy = store.All.Count > 0;
        foreach (var tenant in store.All)
        {
            var entry = new Dictionary<string, object?> { ["name"] = tenant.Name, ["state"] = tenant.State.ToString() };
            tenants.Add(entry);
            if (tenant.State == TenantState.Disabled)
            {
                entry["database"] = "skipped";
                continue;
            }

            var outage = availability.OutageOf(tenant.Name) is not null
                ? await availability.CheckAsync(tenant, cancellationToken)
                : await database.CheckAsync(tenant, cancellationToken);
            entry["database"] = outage?.Code ?? "ok";
            if (tenant.State != TenantState.Running)
            {
                continue;
            }

            if (outage is not null)
            {
                // What /health finds, visitors get too: the tenant closes (503) until it answers again.
                availability.Report(tenant, outage);
                entry["message"] = outage.Message;
                healthy = false;
                continue;
            }

            foreach (var check in checks)
            {
                if (await check.CheckAsync(tenant, cancellationToken) is { } result)
                {
                    entry[check.Name] = result.Status;
                    healthy &= result.Ready;
                    foreach (var (key, value) in result.Details ?? new Dictionary<string, object?>())
                    {
                        entry[key] = value;
                    }
                }
            }
        }

        var body = new { status = healthy ? "Healthy" : "Unhealthy", tenants };
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
