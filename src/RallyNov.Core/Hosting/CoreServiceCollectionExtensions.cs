using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RallyNov.Core.Auditing;
using RallyNov.Core.Caching;
using RallyNov.Core.Cluster;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Data;
using RallyNov.Core.Email;
using RallyNov.Core.Indexing;
using RallyNov.Core.Media;
using RallyNov.Core.Modules;
using RallyNov.Core.Recipes;
using RallyNov.Core.Settings;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the framework and the given modules in the one application container.
    /// Everything with state is resolved through the scope's tenant.
    /// </summary>
    public static IServiceCollection AddRallyNovCore(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IModule> modules)
    {
        services.AddOptions<RallyNovOptions>().Bind(configuration.GetSection(RallyNovOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        var catalog = new ModuleCatalog(modules);
        services.AddSingleton(catalog);
        foreach (var module in catalog.Modules)
        {
            services.AddSingleton(module);
            module.ConfigureServices(services);
        }

        // E-mail (RallyNov:Smtp): nothing is sent until a server is configured.
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.TryAddSingleton<MailKitEmailSender>();
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<MailKitEmailSender>());
        services.AddHostedService<EmailQueueService>();

        // Redis when configured: the change bus between nodes (docs/operations.md, « Plusieurs nœuds »).
        services.AddRallyNovCluster(configuration);

        // PostgreSQL: the tenant list is shared by every node (a table); SQLite: tenants.json.
        if (IsPostgres(configuration))
        {
            services.AddSingleton<ITenantStore, Tenants.Shared.PostgresTenantStore>();
        }
        else
        {
            services.AddSingleton<ITenantStore, JsonTenantStore>();
        }

        services.AddSingleton<ITenantDatabase, TenantDatabase>();
        services.AddSingleton<ITenantScopeFactory, TenantScopeFactory>();
        services.AddSingleton<TenantMigrator>();
        services.AddSingleton<ITenantAvailability, TenantAvailability>();
        services.AddScoped<ITenantAccessor, TenantAccessor>();
        services.AddScoped<ITenantLinks, TenantLinks>();
        services.TryAddSingleton<Web.ITenantUnavailablePage, Web.PlainTenantUnavailablePage>();
        services.AddScoped(sp => sp.GetRequiredService<ITenantAccessor>().Required);
        services.AddScoped(sp => sp.GetRequiredService<ITenantDatabase>().CreateContext(sp.GetRequiredService<ITenantAccessor>().Required.Settings));

        services.AddSingleton<IContentDefinitionManager, ContentDefinitionManager>();
        services.AddScoped<IContentManager, ContentManager>();
        services.AddScoped<IBulkContentWriter, BulkContentWriter>();
        services.AddScoped<IContentWorkflow, ContentWorkflow>();
        services.AddScoped<ITaxonomyService, TaxonomyService>();
        services.AddScoped<ISiteSettingsService, SiteSettingsService>();
        services.AddScoped<ISiteIdentityService, SiteIdentityService>();
        services.AddRallyNovCaching(configuration);
        services.AddRallyNovIndexingSignal();
        services.AddSingleton<ISvgSanitizer, SvgSanitizer>();
        services.AddScoped<TermRetagger>();
        services.AddScoped<ITaxonomyEditor, TaxonomyEditor>();

        services.AddScoped<IRecipeExecutor, RecipeExecutor>();
        services.AddScoped<IRecipeExporter, RecipeExporter>();
        services.AddRecipeStep<SettingsStep>();
        services.AddRecipeStep<TaxonomiesStep>();
        services.AddRecipeStep<ContentStep>();
        services.AddRecipeStep<IncludeStep>();
        services.AddScoped<RecipeAttachments>();

        // The audit module replaces the no-op trail; without it the Core records nothing.
        services.AddHttpContextAccessor();
        services.TryAddScoped<IAuditTrail, NullAuditTrail>();
        services.TryAddScoped<IAuditEventFactory, AuditEventFactory>();

        services.AddSingleton<TenantSetupService>();
        services.AddHostedService<TenantStartupHostedService>();

        // Live tenant changes: the store raises them, the dispatcher hands them to the handlers in
        // the background, the watcher makes the store look for another process's changes.
        services.AddSingleton<ITenantChangeHandler, TenantLifecycleChangeHandler>();
        services.AddHostedService<TenantChangeDispatcher>();
        services.AddHostedService<TenantStoreWatcher>();

        // Native memory freed by the JIT, SQLite and OpenSSL goes back to the system (Linux/glibc).
        services.AddSingleton<NativeMemoryTrimmer>();
        services.AddHostedService(sp => sp.GetRequiredService<NativeMemoryTrimmer>());
        return services;
    }

    private static bool IsPostgres(IConfiguration configuration) =>
        (configuration.GetSection(RallyNovOptions.Section).Get<RallyNovOptions>()?.Database.Provider ?? DatabaseProviders.Sqlite) is { } provider
        && (string.Equals(provider, DatabaseProviders.Postgres, StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase));

    /// <summary>Registers a recipe step handler (and its export side when it has one).</summary>
    public static IServiceCollection AddRecipeStep<TStep>(this IServiceCollection services)
        where TStep : class, IRecipeStepHandler
    {
        services.AddScoped<TStep>();
        services.AddScoped<IRecipeStepHandler>(sp => sp.GetRequiredService<TStep>());
        if (typeof(IRecipeExportStep).IsAssignableFrom(typeof(TStep)))
        {
            services.AddScoped(sp => (IRecipeExportStep)sp.GetRequiredService<TStep>());
        }

        return services;
    }
}
