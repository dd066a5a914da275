using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Modules;
using RallyNov.Theme.Assets;

namespace RallyNov.Theme;

/// <summary>
/// The public look: layout, styles and overrides of content views
/// (Views/Shared/Content/{Type}.{Display}.cshtml win over the modules' own views).
/// </summary>
public sealed class ThemeModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Theme";

    public override string Id => ModuleId;

    public override string DisplayName => "Thème public rally'nov";

    public override bool AlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ThemeStylesheet>();

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => ThemeEndpoints.Map(endpoints);
}
