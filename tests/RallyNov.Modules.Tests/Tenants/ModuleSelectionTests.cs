using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;
using RallyNov.Media;
using RallyNov.Modules.Tests.Support;
using RallyNov.Tenants;
using RallyNov.Tenants.Management;

namespace RallyNov.Modules.Tests.Tenants;

/// <summary>The modules of a site as its edit form offers and stores them.</summary>
public sealed class ModuleSelectionTests
{
    private static readonly ModuleCatalog Catalog = new([.. SiteTestHost.Modules().Where(m => m is not MediaModule and not TenantsModule), new MediaModule(), new TenantsModule()]);

    private static readonly TenantSettings Jura = new() { Name = "Jura", DisplayName = "Jura", UrlPrefix = "jura" };

    [Fact]
    public void A_ticked_module_brings_what_it_needs_and_says_so_in_french()
    {
        var (modules, notes) = ModuleSelection.Resolve(Catalog, Jura, ["RallyNov.Laureates", "RallyNov.Pages"]);

        Assert.Equal(["RallyNov.Pages", "RallyNov.Taxonomies", "RallyNov.Initiatives", "RallyNov.Laureates"], modules);
        Assert.Contains("Lauréats nécessite Initiatives : Initiatives a été activé aussi.", notes);
        Assert.Contains("Initiatives nécessite Taxonomies : Taxonomies a été activé aussi.", notes);
    }

    [Fact]
    public void Two_ticked_modules_needing_the_same_one_are_named_in_one_note()
    {
        var (_, notes) = ModuleSelection.Resolve(Catalog, Jura, ["RallyNov.Events", "RallyNov.Partners"]);

        string Name(string id) => Catalog.Find(id)!.DisplayName;
        var taxonomies = Name("RallyNov.Taxonomies");
        Assert.Equal([$"{Name("RallyNov.Events")} et {Name("RallyNov.Partners")} nécessitent {taxonomies} : {taxonomies} a été activé aussi."], notes);
    }

    [Fact]
    public void Everything_ticked_is_stored_as_all_modules_and_unknown_or_portal_only_ids_are_ignored()
    {
        var all = Catalog.Modules.Where(m => !m.AlwaysEnabled).Select(m => m.Id).Append("RallyNov.Inconnu").ToList();

        var (modules, notes) = ModuleSelection.Resolve(Catalog, Jura, all);

        Assert.Null(modules);
        Assert.Empty(notes);
        var (none, _) = ModuleSelection.Resolve(Catalog, Jura, ["RallyNov.Tenants"]);
        Assert.NotNull(none);
        Assert.Empty(none);
        Assert.DoesNotContain(TenantsModule.ModuleId, Catalog.EnabledFor(new TenantSettings { Name = "Jura", EnabledModules = none }));
    }

    [Fact]
    public void Choices_explain_dependencies_both_ways_and_hide_portal_only_modules_elsewhere()
    {
        var choices = ModuleSelection.Choices(Catalog, Jura);

        var laureates = choices.Single(c => c.Id == "RallyNov.Laureates");
        Assert.Equal(["RallyNov.Initiatives"], laureates.Requires);
        Assert.Contains("RallyNov.Laureates", choices.Single(c => c.Id == "RallyNov.Initiatives").RequiredBy);
        Assert.True(choices.Single(c => c.Id == "RallyNov.Contents").AlwaysEnabled);
        Assert.DoesNotContain(choices, c => c.Id == TenantsModule.ModuleId);
        Assert.Contains(ModuleSelection.Choices(Catalog, new TenantSettings { Name = TenantNames.Default }), c => c.Id == TenantsModule.ModuleId && c.AlwaysEnabled && c.Enabled);
    }
}
