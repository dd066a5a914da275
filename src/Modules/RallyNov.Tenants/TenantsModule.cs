using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Tenants.CommandLine;
using RallyNov.Tenants.Management;
using RallyNov.Tenants.Packages;
using RallyNov.Tenants.Setup;
using RallyNov.Tenants.Statistics;

namespace RallyNov.Tenants;

/// <summary>
/// Managing the network's sites from the portal: list, create and set up at once, edit addresses
/// and modules, disable, remove, export and import — and the same from the command line. Only on
/// the portal, where only its administrators hold « Gérer les sites ».
/// </summary>
public sealed class TenantsModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Tenants";

    public override string Id => ModuleId;

    public override string DisplayName => "Gestion des sites";

    // Switching it off on the portal would leave nobody able to switch it on again from the browser.
    public override bool AlwaysEnabled => true;

    public override bool DefaultTenantOnly => true;

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<TenantManager>();
        services.AddSingleton<ITenantManager>(sp => sp.GetRequiredService<TenantManager>());
        services.AddSingleton<TenantRequestValidator>();
        services.AddSingleton<TenantAudit>();
        services.AddSingleton<ITenantPackages, TenantPackages>();
        services.AddSingleton<TenantSetupJobs>();
        services.AddSingleton<ITenantStatistics, TenantStatistics>();
        services.AddSingleton<ICommandLineVerb, TenantsVerb>();
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu) =>
        menu.Add("Sites", "/admin/tenants", position: 97, permission: Permissions.ManageTenants);
}
