using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Web;

/// <summary>
/// Answers 400 to a request whose Host is neither a tenant's host name, nor one of
/// RallyNov:PublicHosts, nor a loopback name: a forged Host is never echoed into robots.txt, the
/// sitemap, the feed or a redirect. The list follows tenants.json, so a tenant given a host name
/// in the back office is reachable at once. /health is left alone (probes call it by address).
/// </summary>
internal sealed class HostValidationMiddleware(RequestDelegate next, ITenantStore store, IOptionsMonitor<RallyNovOptions> options, ILogger<HostValidationMiddleware> logger)
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsAllowed(context.Request.Host) || context.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        logger.LogWarning("Request for unknown host refused ({Length} characters).", context.Request.Host.Value?.Length ?? 0);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync("""
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Adresse inconnue</title></head>
            <body><main><h1>Adresse inconnue</h1><p>Ce serveur ne sert aucun site à cette adresse. Vérifiez l'adresse saisie.</p></main></body>
            </html>
            """, context.RequestAborted);
    }

    private bool IsAllowed(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        if (Loopback.Contains(host.Host, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var publicHosts = options.CurrentValue.PublicHosts;
        if (publicHosts.Contains("*", StringComparer.Ordinal))
        {
            return true;
        }

        // Same rules as tenant resolution: no port = any port, "*.example.org" = its sub-domains.
        var requested = TenantResolver.NormalizeHost(host.Value);
        return publicHosts.Any(pattern => TenantResolver.HostMatches(pattern, requested))
            || store.All.Any(t => t.Hosts.Any(pattern => TenantResolver.HostMatches(pattern, requested)));
    }
}
