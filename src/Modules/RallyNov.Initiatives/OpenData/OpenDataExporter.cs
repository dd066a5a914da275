using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Display;
using RallyNov.Core.Content;
using RallyNov.Core.Modules;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Initiatives.Impact;
using RallyNov.Taxonomies;

namespace RallyNov.Initiatives.OpenData;

/// <summary>
/// The rows of the open data files: the published initiatives of the current site, or, on the
/// regional portal, of every running site. Only public fields: nothing a visitor cannot read on
/// the initiative's page.
/// </summary>
public sealed class OpenDataExporter(TenantContext tenant, ITenantStore tenants, ITenantScopeFactory scopes, ModuleCatalog catalog)
{
    public bool RegionWide => tenant.Name == TenantNames.Default;

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RowsAsync(CancellationToken cancellationToken)
    {
        var sites = RegionWide
            ? tenants.All.Where(t => t.State == TenantState.Running && catalog.IsEnabled(t, InitiativesModule.ModuleId)).OrderBy(t => t.Name == TenantNames.Default ? 0 : 1).ThenBy(t => t.Name, StringComparer.Ordinal).ToList()
            : [tenant.Settings];
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var site in sites)
        {
            await using var scope = scopes.CreateScope(site);
            rows.AddRange(await SiteRowsAsync(scope.ServiceProvider, site, cancellationToken));
        }

        return rows;
    }

    private static async Task<IEnumerable<IReadOnlyDictionary<string, string>>> SiteRowsAsync(IServiceProvider services, TenantSettings site, CancellationToken cancellationToken)
    {
        var contents = services.GetRequiredService<IContentManager>();
        var links = services.GetRequiredService<ITenantLinks>();
        var taxonomies = services.GetRequiredService<ITaxonomyService>();
        var themes = await NamesAsync(taxonomies, Vocabularies.Themes, cancellationToken);
        var kinds = await NamesAsync(taxonomies, Vocabularies.StructureKinds, cancellationToken);
        var items = await contents.AllPublishedAsync(InitiativeFields.Type, cancellationToken);
        return items.OrderBy(i => i.DisplayText, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).Select(item =>
        {
            var impact = ImpactFigures.Of(item);
            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["identifiant"] = item.ContentItemId,
                ["titre"] = item.DisplayText,
                ["structure"] = item.GetString(InitiativeFields.StructureName) ?? "",
                ["type_structure"] = string.Join(OpenDataColumns.ListSeparator, item.GetStrings(InitiativeFields.StructureKind).Select(k => kinds.GetValueOrDefault(k, k))),
                ["commune"] = item.GetString(InitiativeFields.City) ?? "",
                ["code_departement"] = string.Join(OpenDataColumns.ListSeparator, item.GetStrings(InitiativeFields.Departement)),
                ["themes"] = string.Join(OpenDataColumns.ListSeparator, item.GetStrings(InitiativeFields.Themes).Select(t => themes.GetValueOrDefault(t, t))),
                ["annee"] = item.GetInt(InitiativeFields.YearIdentified)?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["url"] = links.Absolute("/initiatives/" + item.Slug),
                ["resume"] = item.GetString(InitiativeFields.Summary) ?? "",
                ["emplois"] = Integer(impact.Jobs),
                ["personnes_touchees"] = Integer(impact.People),
                ["benevoles"] = Integer(impact.Volunteers),
                ["partenaires"] = Integer(impact.Partners),
                ["annee_mesure_impact"] = Integer(item.GetInt(InitiativeFields.ImpactYear)),
                ["site"] = site.DisplayName,
                ["derniere_modification"] = (item.PublishedUtc ?? item.ModifiedUtc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            };
        });
    }

    private static string Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static async Task<Dictionary<string, string>> NamesAsync(ITaxonomyService taxonomies, string vocabulary, CancellationToken cancellationToken) =>
        (await taxonomies.GetAsync(vocabulary, cancellationToken))?.Terms.ToDictionary(t => t.Slug, t => t.Name, StringComparer.Ordinal) ?? [];
}
