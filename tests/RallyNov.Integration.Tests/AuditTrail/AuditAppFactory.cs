using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.AuditTrail;

/// <summary>
/// The whole site on a fresh data folder, as <see cref="UsersAppFactory"/>, plus a way to choose the
/// client address: the test server has no socket, so a test header stands for the remote address
/// (what forwarded headers or Kestrel give in production).
/// </summary>
public sealed class AuditAppFactory() : SharedSiteFactory("rallynov-audit")
{
    public const string ClientIpHeader = "X-Test-Client-Ip";

    public override TestBrowser Browser() => Browser("192.0.2.10");

    /// <summary>A browser whose requests come from <paramref name="clientIp"/>.</summary>
    public TestBrowser Browser(string clientIp)
    {
        var client = Client();
        client.DefaultRequestHeaders.Add(ClientIpHeader, clientIp);
        return new TestBrowser(client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Every browser here has a client address, so the per-address limits would count the
        // whole collection's sign-ins as one visitor's; the limits have their own tests.
        builder.UseSetting("RallyNov:RateLimits:Enabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientIpStartupFilter>());
    }

    private sealed class ClientIpStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientIpHeader, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class AuditAppGroup : ICollectionFixture<AuditAppFactory>
{
    public const string Name = "Audit app";
}
