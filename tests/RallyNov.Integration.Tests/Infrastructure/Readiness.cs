using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RallyNov.Integration.Tests.Infrastructure;

/// <summary>
/// Like a load balancer, the tests send no request to a site that /health says is not ready
/// (its search indexes still building): each factory waits for /health 200 after start-up.
/// </summary>
public static class Readiness
{
    /// <summary>Polls /health until 200, <paramref name="timeout"/> at most (a deliberately broken site simply goes on).</summary>
    public static void WaitForHealth(IHost host, TimeSpan? timeout = null) =>
        Task.Run(async () =>
        {
            // The in-process test server, or Kestrel on a loopback port (tests of server limits).
            using var client = host.Services.GetRequiredService<IServer>() is TestServer test
                ? test.CreateClient()
                : new HttpClient { BaseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
            while (DateTime.UtcNow < deadline)
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                await Task.Delay(50);
            }
        }).GetAwaiter().GetResult();
}

/// <summary>
/// The in-process test server has no client address. A request carrying X-Test-Client-Address
/// comes from that address; one carrying X-Forwarded-For (and no test address) comes from a
/// proxy on loopback, so the site's forwarded-headers handling gives it the forwarded address.
/// Other requests keep no address (no rate limit applies to them).
/// </summary>
public sealed class TestClientAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }
            else if (context.Connection.RemoteIpAddress is null && context.Request.Headers.ContainsKey("X-Forwarded-For"))
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
            }

            return following(context);
        });
        next(app);
    };
}
