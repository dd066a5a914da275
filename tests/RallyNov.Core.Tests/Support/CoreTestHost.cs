using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Tests.Support;

/// <summary>
/// A real container over a temporary App_Data folder: tenants.json, one SQLite file per tenant.
/// One instance per test; Dispose removes the folder.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CoreTestHost()
    {
        Root = Path.Combine(Path.GetTempPath(), "rallynov-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RallyNov:DataPath"] = Path.Combine(Root, "App_Data") })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(Root));
        services.AddRallyNovCore(configuration, [new TestModule()]);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public string Root { get; }

    public IServiceProvider Services => _services;

    public ITenantStore Store => _services.GetRequiredService<ITenantStore>();

    /// <summary>Saves a running tenant served under /{prefix} and creates its database.</summary>
    public async Task<TenantSettings> CreateTenantAsync(string name, string? prefix = null)
    {
        var tenant = new TenantSettings
        {
            Name = name,
            DisplayName = "Site " + name,
            UrlPrefix = prefix ?? name.ToLowerInvariant(),
            State = TenantState.Running,
        };
        await Store.SaveAsync(tenant, CancellationToken.None);
        await _services.GetRequiredService<ITenantDatabase>().MigrateAsync(tenant, CancellationToken.None);
        return tenant;
    }

    public AsyncServiceScope CreateScope(TenantSettings tenant) =>
        _services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);

    /// <summary>Runs code in a fresh scope of the tenant (a new DbContext, nothing cached).</summary>
    public async Task<T> InTenantAsync<T>(TenantSettings tenant, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = CreateScope(tenant);
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();

        // Pooled connections keep the database files open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test that used it.
        }
    }
}
