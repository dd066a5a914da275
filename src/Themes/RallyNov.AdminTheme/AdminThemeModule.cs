using Microsoft.Extensions.DependencyInjection;
using RallyNov.AdminTheme.Help;
using RallyNov.Core.Modules;

namespace RallyNov.AdminTheme;

/// <summary>
/// The back-office look: the layout of every view in the "Admin" area
/// (Areas/Admin/Views/_ViewStart.cshtml → Shared/_AdminLayout.cshtml), its menu and its styles, and the
/// « Aide » page that shows the editor guide (docs/guide-editeur.md, embedded at build time).
/// </summary>
public sealed class AdminThemeModule : ModuleBase
{
    public const string ModuleId = "RallyNov.AdminTheme";

    public override string Id => ModuleId;

    public override string DisplayName => "Thème du back-office";

    public override bool AlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEditorGuide, EditorGuide>();
}
