using Microsoft.Extensions.DependencyInjection;

namespace RallyNov.Core.Settings;

/// <summary>
/// A public section of the site contributed by a module ("/initiatives"), offered to the menus.
/// The Core knows no module: each one registers its sections with
/// <c>services.AddSiteSection(new SiteSection(...))</c>; a section of a module switched off in a
/// tenant, or whose content types have no published item there, is left out of its menus.
/// </summary>
/// <param name="Key">Stable name used in the menus' settings ("initiatives").</param>
/// <param name="Path">Tenant-relative path of the section's list page ("/initiatives").</param>
/// <param name="Label">Menu text in French ("Initiatives").</param>
/// <param name="ContentTypes">Types whose published items make the section worth showing; empty = always shown.</param>
/// <param name="Order">Position in the default main menu, lower first.</param>
public sealed record SiteSection(string Key, string ModuleId, string Path, string Label, IReadOnlyList<string> ContentTypes, int Order);

public static class SiteSectionServiceCollectionExtensions
{
    public static IServiceCollection AddSiteSection(this IServiceCollection services, SiteSection section) => services.AddSingleton(section);
}
