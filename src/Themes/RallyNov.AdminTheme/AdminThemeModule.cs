using RallyNov.Core.Modules;

namespace RallyNov.AdminTheme;

/// <summary>
/// The back-office look: the layout of every view in the "Admin" area
/// (Areas/Admin/Views/_ViewStart.cshtml → Shared/_AdminLayout.cshtml), its menu and its styles.
/// </summary>
public sealed class AdminThemeModule : ModuleBase
{
    public const string ModuleId = "RallyNov.AdminTheme";

    public override string Id => ModuleId;

    public override string DisplayName => "Thème du back-office";

    public override bool AlwaysEnabled => true;
}
