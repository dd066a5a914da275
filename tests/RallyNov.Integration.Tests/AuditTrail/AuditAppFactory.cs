using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Users;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.AuditTrail;

/// <summary>
/// The whole site on a fresh data folder, as <see cref="UsersAppFactory"/>, plus a way to choose the
/// client address: the test server has no socket, so a test header stands for the remote address
/// (what forwarded headers or Kestrel give in production).
/// </summary>
public sealed class AuditAppFactory : WebApplicationFactory<Program>
{
    public const string ClientIpHeader = "X-Test-Client-Ip";

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "rallynov-audit-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RallyNov:DataPath", DataPath);
        builder.UseSetting("RallyNov:Setup:AdminPassword", UsersAppFactory.AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientIpStartupFilter>());
    }

    /// <summary>A browser whose requests come from <paramref name="clientIp"/>.</summary>
    public TestBrowser Browser(string clientIp = "192.0.2.10")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ClientIpHeader, clientIp);
        return new TestBrowser(client);
    }

    /// <summary>Creates an account straight through the service, in one tenant's database.</summary>
    public async Task<string> CreateUserAsync(string tenant, string role)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = Scope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<IUserAdministration>()
            .CreateAsync(userName, userName + "@example.org", UsersAppFactory.UserPassword, role.Length == 0 ? [] : [role], CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return userName;
    }

    public AsyncServiceScope Scope(string tenant)
    {
        var settings = Services.GetRequiredService<ITenantStore>().Find(tenant) ?? throw new InvalidOperationException("No tenant " + tenant);
        return Services.GetRequiredService<ITenantScopeFactory>().CreateScope(settings);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataPath))
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold a pooled handle; the temp folder is cleaned by the OS.
            }
        }
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
