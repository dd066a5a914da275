using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Content;
using RallyNov.Core.Tenants;

namespace RallyNov.Integration.Tests.Infrastructure;

/// <summary>
/// The whole site in-process on a fresh temp data folder (SQLite). Each test creates its own
/// factory, so tests never share data and can run in any order.
/// </summary>
public sealed class RallyNovFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Essai-Integration-2026!";

    private readonly bool _ownsDataPath;
    private readonly string? _adminPassword;

    /// <param name="dataPath">An existing data folder to reuse (restart tests); null for a new temp folder.</param>
    /// <param name="adminPassword">The configured admin password; null leaves it unset (generated on first start).</param>
    public RallyNovFactory(string? dataPath = null, string? adminPassword = AdminPassword)
    {
        _ownsDataPath = dataPath is null;
        DataPath = dataPath ?? NewDataPath();
        _adminPassword = adminPassword;
    }

    /// <summary>Absolute path of the data folder (what App_Data is in production).</summary>
    public string DataPath { get; }

    public static string NewDataPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "rallynov-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes a data folder; SQLite files may still be open on other OSes, so failures are ignored.</summary>
    public static void DeleteDataPath(string path)
    {
        TestDatabase.Drop(path);
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Runs code in a DI scope bound to a tenant, as background jobs and verbs do.</summary>
    public async Task<T> InTenantAsync<T>(string tenantName, Func<IServiceProvider, Task<T>> action)
    {
        var tenant = Services.GetRequiredService<ITenantStore>().Find(tenantName)
            ?? throw new InvalidOperationException($"No tenant {tenantName}.");
        await using var scope = Services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await action(scope.ServiceProvider);
    }

    /// <summary>Shortcut for content work in a tenant.</summary>
    public Task<T> WithContentAsync<T>(string tenantName, Func<IContentManager, Task<T>> action) =>
        InTenantAsync(tenantName, sp => action(sp.GetRequiredService<IContentManager>()));

    /// <summary>Replaces a tenant's settings through the store, as the tenant admin will.</summary>
    public async Task UpdateTenantAsync(string tenantName, Action<TenantSettings> change)
    {
        var store = Services.GetRequiredService<ITenantStore>();
        var tenant = (store.Find(tenantName) ?? throw new InvalidOperationException($"No tenant {tenantName}.")).Clone();
        change(tenant);
        await store.SaveAsync(tenant, CancellationToken.None);
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
        // Host settings are read before Program's own configuration, so the data path and the
        // password are known when AddRallyNov computes the data-protection folder.
        builder.UseSetting("RallyNov:DataPath", DataPath);
        foreach (var (key, value) in TestDatabase.SettingsFor(DataPath))
        {
            builder.UseSetting(key, value);
        }

        if (_adminPassword is not null)
        {
            builder.UseSetting("RallyNov:Setup:AdminPassword", _adminPassword);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>WebApplicationFactory.DisposeAsync ends here too, so the folder always goes.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataPath)
        {
            DeleteDataPath(DataPath);
        }
    }
}
