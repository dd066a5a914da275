using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using RallyNov.AuditTrail;
using RallyNov.Contents;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Pages;

namespace RallyNov.Modules.Tests.AuditTrail;

/// <summary>
/// The Core with the pages and audit modules over a temporary data folder: a real SQLite database
/// per tenant, migrated as a tenant start does (core schema, then module migrations). No web
/// server, so the recorded author is the system. One instance per test.
/// </summary>
public sealed class AuditTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AuditTestHost(int? retentionDays = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "rallynov-audit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var settings = new Dictionary<string, string?> { ["RallyNov:DataPath"] = Path.Combine(Root, "App_Data") };
        if (retentionDays is { } days)
        {
            settings["RallyNov:Audit:RetentionDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new Environment(Root));
        services.AddRallyNovCore(configuration, [new ContentsModule(), new PagesModule(), new AuditTrailModule()]);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public string Root { get; }

    public async Task<TenantSettings> CreateTenantAsync(string name)
    {
        var tenant = new TenantSettings { Name = name, DisplayName = "Site " + name, UrlPrefix = name.ToLowerInvariant(), State = TenantState.Running };
        await _services.GetRequiredService<ITenantStore>().SaveAsync(tenant, CancellationToken.None);
        await _services.GetRequiredService<ITenantDatabase>().MigrateAsync(tenant, CancellationToken.None);
        await InTenantAsync(tenant, async sp =>
        {
            var context = sp.GetRequiredService<TenantContext>();
            foreach (var migration in sp.GetServices<ITenantMigration>())
            {
                await migration.MigrateAsync(context, CancellationToken.None);
            }
        });
        return tenant;
    }

    public async Task InTenantAsync(TenantSettings tenant, Func<IServiceProvider, Task> action)
    {
        await using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        await action(scope.ServiceProvider);
    }

    public async Task<T> InTenantAsync<T>(TenantSettings tenant, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools(); // pooled connections keep the files open
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test that used it.
        }
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "RallyNov.Modules.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
