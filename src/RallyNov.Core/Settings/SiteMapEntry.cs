using Microsoft.Extensions.DependencyInjection;

namespace RallyNov.Core.Settings;

/// <summary>
/// A public service page a module offers outside the menus' sections (« Rechercher », « Proposer
/// une initiative », « Données ouvertes »), listed by the generated « Plan du site » while the module
/// is on in the tenant. Registered with <c>services.AddSiteMapEntry(new SiteMapEntry(...))</c>.
/// </summary>
/// <param name="Path">Tenant-relative path ("/recherche").</param>
/// <param name="Order">Position in the list, lower first.</param>
public sealed record SiteMapEntry(string ModuleId, string Path, string Label, int Order);

public static class SiteMapEntryServiceCollectionExtensions
{
    public static IServiceCollection AddSiteMapEntry(this IServiceCollection services, SiteMapEntry entry) => services.AddSingleton(entry);
}
