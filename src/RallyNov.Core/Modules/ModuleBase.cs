using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Core.Modules;

/// <summary>Convenience base so a module only overrides what it uses.</summary>
public abstract class ModuleBase : IModule
{
    public virtual string Id => GetType().Assembly.GetName().Name!;

    public abstract string DisplayName { get; }

    public virtual IReadOnlyList<string> Dependencies => [];

    public virtual bool AlwaysEnabled => false;

    public virtual bool DefaultTenantOnly => false;

    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public virtual void DefineContent(ContentDefinitionBuilder builder)
    {
    }

    public virtual void BuildAdminMenu(AdminMenuBuilder menu)
    {
    }
}
