using RallyNov.Contents.Home;
using RallyNov.Core.Modules;
using RallyNov.Core.Settings;
using RallyNov.Core.Tenants;

namespace RallyNov.Pages.Home;

/// <summary>
/// The sections of the home page: those of the modules enabled in the tenant, in the order and
/// with the choices the site's administrator made in the back office (« Page d'accueil »).
/// </summary>
public sealed class HomePageBuilder(TenantContext tenant, ModuleCatalog catalog, IEnumerable<IHomeSection> sections, ISiteIdentityService identities)
{
    /// <summary>Hidden sections are skipped; the others decide themselves whether they have something to show.</summary>
    public async Task<IReadOnlyList<HomeSectionView>> SectionsAsync(CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(cancellationToken);
        var offered = sections.Where(s => catalog.IsEnabled(tenant.Settings, s.ModuleId) && s.IsOffered(tenant.Settings));
        var views = new List<HomeSectionView>();
        foreach (var (section, hidden) in HomeSectionLayout.Arrange(offered, identity.HomeSections))
        {
            if (!hidden && await section.BuildAsync(cancellationToken) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }
}
