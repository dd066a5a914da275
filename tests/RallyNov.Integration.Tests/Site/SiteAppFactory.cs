using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// The whole host on a temporary data folder: the three tenants of appsettings.json are set up
/// from the shipped recipes at first start, exactly as `dotnet run` does. Shared by the tests of
/// a class (setting up three tenants costs seconds); tests that write use their own content.
/// </summary>
public sealed class SiteAppFactory : WebApplicationFactory<Program>
{
    public SiteAppFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "rallynov-site-it", Guid.NewGuid().ToString("N"));
    }

    public string DataPath { get; }

    /// <summary>URL prefixes of the three sample tenants ("" is the portal).</summary>
    public static readonly string[] Prefixes = ["", "/bourgogne", "/franche-comte"];

    public AsyncServiceScope TenantScope(string tenantName)
    {
        var store = Services.GetRequiredService<ITenantStore>();
        var tenant = store.Find(tenantName) ?? throw new InvalidOperationException("No tenant " + tenantName);
        return Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
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
        builder.UseEnvironment("Development");
        builder.UseSetting("RallyNov:DataPath", DataPath);
        foreach (var (key, value) in TestDatabase.SettingsFor(DataPath))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("RallyNov:Setup:AdminPassword", "Site-tests-0nly!");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        TestDatabase.Drop(DataPath);
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }
}
