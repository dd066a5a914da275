using System.Net;
using Microsoft.AspNetCore.Hosting;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// The site shared by the fault-and-abuse tests that need no restart: low rate limits (each test
/// uses its own client addresses), a public host name and a known proxy besides loopback.
/// </summary>
public sealed class HardeningSiteFactory() : SharedSiteFactory("rallynov-hardening")
{
    /// <summary>The site starts from <see cref="SiteTemplate"/>, whose administrator has the integration tests' password.</summary>
    public new const string AdminPassword = RallyNovFactory.AdminPassword;

    public const int SignInLimit = 10;
    public const int SearchLimit = 6;
    public const string PublicHost = "www.rallynov.test";
    public const string KnownProxy = "10.0.0.5";

    /// <summary>A browser whose requests come from <paramref name="address"/> (no address: an in-process client, never rate-limited).</summary>
    public TestBrowser BrowserFrom(string? address, string? host = null)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("http://" + (host ?? "localhost") + "/"),
        });
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(TestClientAddressStartupFilter.Header, address);
        }

        return new TestBrowser(client);
    }

    /// <summary>Runs code in a scope of the tenant, as background work does.</summary>
    public async Task<T> InTenant<T>(string tenant, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope(tenant);
        return await action(scope.ServiceProvider);
    }

    /// <summary>The administrator of a tenant, signed in through the login form.</summary>
    public async Task<TestBrowser> AdministratorAsync(string prefix = "/bourgogne")
    {
        var browser = Browser();
        using var login = await browser.LoginAsync(prefix, "admin", AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A copy of the set-up site rather than three more set-ups from their recipes (seconds of CPU each).
        Task.Run(() => SiteTemplate.CopyToAsync(DataPath)).GetAwaiter().GetResult();
        base.ConfigureWebHost(builder);
        builder.UseSetting("RallyNov:RateLimits:SignIn:PermitLimit", SignInLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RallyNov:RateLimits:Search:PermitLimit", SearchLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RallyNov:PublicHosts:0", PublicHost);
        builder.UseSetting("RallyNov:ReverseProxy:KnownProxies:0", KnownProxy);
    }
}

[CollectionDefinition(Name)]
public sealed class HardeningSiteGroup : ICollectionFixture<HardeningSiteFactory>
{
    public const string Name = "Hardening site";
}
