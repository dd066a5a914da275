using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Core.Modules;

/// <summary>
/// The contract every module implements once, in its entry class. The host lists modules
/// explicitly in Program.cs; the catalog orders them by dependency.
/// </summary>
public interface IModule
{
    /// <summary>Stable identifier, used in tenant settings (e.g. "RallyNov.Pages").</summary>
    string Id { get; }

    /// <summary>French name shown to administrators.</summary>
    string DisplayName { get; }

    /// <summary>Identifiers of the modules this one needs; they are enabled with it.</summary>
    IReadOnlyList<string> Dependencies { get; }

    /// <summary>True for modules a tenant cannot switch off (content admin, users).</summary>
    bool AlwaysEnabled { get; }

    /// <summary>
    /// True for modules that only make sense on the default tenant (the portal), such as tenant
    /// management: never enabled anywhere else, whatever a tenant's list says.
    /// </summary>
    bool DefaultTenantOnly => false;

    void ConfigureServices(IServiceCollection services);

    /// <summary>
    /// Maps minimal-API endpoints. The builder is a group already tagged with this module's id,
    /// so the endpoints answer 404 in tenants where the module is disabled.
    /// </summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    void DefineContent(ContentDefinitionBuilder builder);

    void BuildAdminMenu(AdminMenuBuilder menu);
}
