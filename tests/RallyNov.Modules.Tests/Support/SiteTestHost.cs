using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using RallyNov.Contents;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Recipes;
using RallyNov.Media;
using RallyNov.Core.Tenants;
using RallyNov.Events;
using RallyNov.Initiatives;
using RallyNov.Laureates;
using RallyNov.Pages;
using RallyNov.Partners;
using RallyNov.Taxonomies;

namespace RallyNov.Modules.Tests.Support;

/// <summary>
/// The Core with the site's modules over a temporary data folder: a real SQLite database per
/// tenant, no web server. One instance per test; disposing removes the folder.
/// </summary>
public sealed class SiteTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="modules">The modules to run; null for the site's content modules.</param>
    /// <param name="settings">Extra configuration ("RallyNov:Audit:RetentionDays"...).</param>
    public SiteTestHost(IReadOnlyList<IModule>? modules = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "rallynov-site-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["RallyNov:DataPath"] = Path.Combine(Root, "App_Data") };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new Environment(Root));
        services.AddRallyNovCore(configuration, modules ?? Modules());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public string Root { get; }

    public IServiceProvider Services => _services;

    /// <summary>The modules of the host, as Program.cs lists them (the theme has no content).</summary>
    public static IReadOnlyList<IModule> Modules() =>
    [
        new ContentsModule(),
        new PagesModule(),
        new TaxonomiesModule(),
        new InitiativesModule(),
        new LaureatesModule(),
        new EventsModule(),
        new PartnersModule(),
        new MediaModule(), // the recipes' "media" step
    ];

    /// <summary>The recipes shipped with the host, copied next to the test assembly.</summary>
    public static string RecipePath(string name) => Path.Combine(AppContext.BaseDirectory, "Recipes", name);

    public async Task<TenantSettings> CreateTenantAsync(string name, string prefix)
    {
        var tenant = new TenantSettings { Name = name, DisplayName = "Site " + name, UrlPrefix = prefix, State = TenantState.Running };
        await _services.GetRequiredService<ITenantStore>().SaveAsync(tenant, CancellationToken.None);
        await _services.GetRequiredService<ITenantDatabase>().MigrateAsync(tenant, CancellationToken.None);

        // Then the modules' own tables (users, audit trail, media), as a tenant start does.
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

    /// <summary>A fresh tenant with one of the shipped recipes applied.</summary>
    public async Task<TenantSettings> CreateTenantFromRecipeAsync(string name, string recipe)
    {
        var tenant = await CreateTenantAsync(name, name.ToLowerInvariant());
        await InTenantAsync(tenant, sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteFileAsync(RecipePath(recipe), CancellationToken.None));
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
