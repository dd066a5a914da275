using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Users;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Infrastructure;

/// <summary>
/// The whole site on a fresh temporary data folder, three tenants set up from their recipes, each
/// with its administrator; shared by the tests of one collection (one start-up for all), each test
/// making its own users and content. Subclasses add the settings their feature needs.
/// </summary>
public abstract class SharedSiteFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Passw0rd-Tests";
    public const string UserPassword = "User-Passw0rd-Tests";

    protected SharedSiteFactory(string folderPrefix)
    {
        DataPath = Path.Combine(Path.GetTempPath(), folderPrefix + "-" + Guid.NewGuid().ToString("N"));
    }

    public string DataPath { get; }

    /// <summary>A cookie-keeping browser that follows no redirect, so tests can look at each answer.</summary>
    public virtual TestBrowser Browser() => new(Client());

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Creates an account straight through the service, in one tenant's database.</summary>
    public async Task<string> CreateUserAsync(string tenant, string role, string? password = null)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = Scope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<IUserAdministration>()
            .CreateAsync(userName, userName + "@example.org", password ?? UserPassword, role.Length == 0 ? [] : [role], CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return userName;
    }

    public AsyncServiceScope Scope(string tenant)
    {
        var settings = Services.GetRequiredService<ITenantStore>().Find(tenant) ?? throw new InvalidOperationException("No tenant " + tenant);
        return Services.GetRequiredService<ITenantScopeFactory>().CreateScope(settings);
    }

    /// <summary>Set to false to look at the site before its search indexes are built.</summary>
    public bool WaitForReadiness { get; init; } = true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForReadiness)
        {
            Readiness.WaitForHealth(host);
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddressStartupFilter>());
        builder.UseSetting("RallyNov:DataPath", DataPath);
        foreach (var (key, value) in TestDatabase.SettingsFor(DataPath))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("RallyNov:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TestDatabase.Drop(DataPath);
        }

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
}
