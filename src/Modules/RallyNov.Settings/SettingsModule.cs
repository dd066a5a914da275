using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Settings.Admin;

namespace RallyNov.Settings;

/// <summary>
/// « Réglages du site », in every tenant: the identity (name, logo, colours, contact, social
/// links), the main and footer menus and the home page, edited by the site's administrator and
/// shown on the public site at the next request. The Core stores them ("site" settings) and the
/// theme reads them (ISiteIdentityService); this module is the screens in between.
/// </summary>
public sealed class SettingsModule : ModuleBase
{
    public const string ModuleId = "RallyNov.Settings";

    public override string Id => ModuleId;

    public override string DisplayName => "Réglages du site";

    public override bool AlwaysEnabled => true;

    public override IReadOnlyList<string> Dependencies => [ContentsModule.ModuleId];

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ISiteLogoStore, MediaLibraryLogoStore>();
        services.AddScoped<SiteIdentityEditor>();
        services.AddScoped<SiteMenuEditor>();
        services.AddScoped<HomeSettingsEditor>();
    }

    public override void BuildAdminMenu(AdminMenuBuilder menu) =>
        menu.Add("Réglages du site", "/admin/settings", position: 84, permission: Permissions.ManageSettings);
}
