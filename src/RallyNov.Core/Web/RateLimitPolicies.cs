using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Web;

/// <summary>
/// Named rate-limiting policies, per client address, that modules attach to their routes
/// (<c>[EnableRateLimiting(RateLimitPolicies.SignIn)]</c> on an action,
/// <c>.RequireRateLimiting(RateLimitPolicies.Search)</c> on an endpoint). Limits come from
/// RallyNov:RateLimits. A refused request gets 429 with Retry-After and the tenant's French page
/// (JSON under /api).
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = "rallynov-sign-in";

    public const string PasswordReset = "rallynov-password-reset";

    public const string Search = "rallynov-search";

    public const string PublicForm = "rallynov-public-form";

    /// <summary>What a refused visitor reads (the page, or the "error" of a JSON answer).</summary>
    public const string Message = "Trop de requêtes depuis votre adresse en peu de temps. Merci de patienter un instant avant de réessayer.";

    internal static IServiceCollection AddRallyNovRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RallyNovOptions>>((limiter, configured) =>
        {
            var limits = configured.Value.RateLimits;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            Add(limiter, SignIn, limits, limits.SignIn);
            Add(limiter, PasswordReset, limits, limits.PasswordReset);
            Add(limiter, Search, limits, limits.Search);
            Add(limiter, PublicForm, limits, limits.PublicForm);
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static void Add(RateLimiterOptions limiter, string name, RateLimitOptions limits, RateLimitRule rule) =>
        limiter.AddPolicy(name, context =>
        {
            // No address: an in-process call (tests) or a Unix socket without a proxy in front.
            var client = ClientKey(context.Connection.RemoteIpAddress);
            if (!limits.Enabled || client is null || rule.PermitLimit <= 0)
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var window = TimeSpan.FromSeconds(Math.Max(1, rule.WindowSeconds));
            return RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = rule.PermitLimit,
                Window = window,
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });

    /// <summary>The client's address; IPv6 clients by their /64, which one subscriber usually holds whole.</summary>
    public static string? ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitPolicies))
            .LogWarning("Rate limit reached on {Path} by {Client}.", http.Request.Path, ClientKey(http.Connection.RemoteIpAddress));
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return new ValueTask(http.Response.WriteAsJsonAsync(new { error = Message }, cancellationToken));
        }

        // No body: the status code pages render the tenant's French 429 page.
        return ValueTask.CompletedTask;
    }
}
