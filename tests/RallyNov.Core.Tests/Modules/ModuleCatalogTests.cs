using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Tests.Modules;

public sealed class ModuleCatalogTests
{
    [Fact]
    public void Modules_are_ordered_dependencies_first()
    {
        var catalog = new ModuleCatalog(
        [
            new FakeModule("Events", "Taxonomies", "Contents"),
            new FakeModule("Taxonomies", "Contents"),
            new FakeModule("Pages"),
            new FakeModule("Contents"),
        ]);

        var order = catalog.Modules.Select(m => m.Id).ToList();

        Assert.Equal(4, order.Count);
        Assert.True(order.IndexOf("Contents") < order.IndexOf("Taxonomies"));
        Assert.True(order.IndexOf("Taxonomies") < order.IndexOf("Events"));
        Assert.Equal(["Contents", "Taxonomies", "Events", "Pages"], order);
    }

    [Fact]
    public void A_dependency_cycle_is_refused_and_named()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog(
        [
            new FakeModule("A", "B"),
            new FakeModule("B", "C"),
            new FakeModule("C", "A"),
        ]));

        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_depending_on_itself_is_a_cycle()
    {
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new FakeModule("A", "A")]));
    }

    [Fact]
    public void A_missing_dependency_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new FakeModule("Events", "Absent")]));

        Assert.Contains("Absent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_registered_twice_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new FakeModule("Pages"), new FakeModule("pages")]));
    }

    [Fact]
    public void Without_a_list_a_tenant_gets_every_module()
    {
        var catalog = Catalog();

        var enabled = catalog.EnabledFor(new TenantSettings { Name = "Nord", EnabledModules = null });

        Assert.Equal(catalog.Modules.Select(m => m.Id).Order(), enabled.Order());
    }

    [Fact]
    public void A_list_enables_its_modules_their_dependencies_and_always_enabled_ones()
    {
        var catalog = Catalog();

        var enabled = catalog.EnabledFor(new TenantSettings { Name = "Nord", EnabledModules = ["events", "Inconnu"] });

        Assert.Equal(["Contents", "Events", "Taxonomies", "Users"], enabled.Order());
        Assert.True(catalog.IsEnabled(new TenantSettings { EnabledModules = ["Events"] }, "taxonomies"));
        Assert.False(catalog.IsEnabled(new TenantSettings { EnabledModules = ["Events"] }, "Pages"));
    }

    [Fact]
    public void An_empty_list_still_enables_always_enabled_modules()
    {
        var enabled = Catalog().EnabledFor(new TenantSettings { EnabledModules = [] });

        Assert.Equal(["Contents", "Users"], enabled.Order());
    }

    [Fact]
    public void Admin_menu_shows_only_entries_of_enabled_modules_by_position()
    {
        var catalog = Catalog();

        var menu = catalog.AdminMenuFor(new TenantSettings { EnabledModules = ["Taxonomies"] });

        Assert.Equal(["Contenus", "Listes", "Utilisateurs"], menu.Select(i => i.Text));
        Assert.Equal(["Contents", "Taxonomies", "Users"], menu.Select(i => i.ModuleId));
        Assert.DoesNotContain(menu, i => i.Text is "Agenda" or "Pages");

        var full = catalog.AdminMenuFor(new TenantSettings { EnabledModules = null });
        Assert.Equal(["Contenus", "Agenda", "Listes", "Pages", "Utilisateurs"], full.Select(i => i.Text));
    }

    [Fact]
    public void Modules_are_found_by_id_case_insensitively()
    {
        var catalog = Catalog();

        Assert.Equal("Events", catalog.Find("EVENTS")?.Id);
        Assert.Null(catalog.Find("Absent"));
    }

    [Fact]
    public void A_portal_only_module_is_on_for_the_default_tenant_only_whatever_the_lists_say()
    {
        var catalog = new ModuleCatalog(
        [
            new FakeModule("Contents") { AlwaysOn = true },
            new FakeModule("Sites", "Contents") { AlwaysOn = true, PortalOnly = true, Menu = ("Sites", 97) },
        ]);

        Assert.Contains("Sites", catalog.EnabledFor(new TenantSettings { Name = "Default" }));
        Assert.Contains("Sites", catalog.EnabledFor(new TenantSettings { Name = "Default", EnabledModules = [] }));
        Assert.DoesNotContain("Sites", catalog.EnabledFor(new TenantSettings { Name = "Jura" }));
        Assert.DoesNotContain("Sites", catalog.EnabledFor(new TenantSettings { Name = "Jura", EnabledModules = ["Sites"] }));
        Assert.Empty(catalog.AdminMenuFor(new TenantSettings { Name = "Jura" }));
        Assert.Equal(["Sites"], catalog.AdminMenuFor(new TenantSettings { Name = "Default" }).Select(i => i.Text));
    }

    private static ModuleCatalog Catalog() => new(
    [
        new FakeModule("Events", "Taxonomies") { Menu = ("Agenda", 20) },
        new FakeModule("Pages") { Menu = ("Pages", 30) },
        new FakeModule("Taxonomies", "Contents") { Menu = ("Listes", 20) },
        new FakeModule("Contents") { AlwaysOn = true, Menu = ("Contenus", 10) },
        new FakeModule("Users") { AlwaysOn = true, Menu = ("Utilisateurs", 90) },
    ]);

    private sealed class FakeModule(string id, params string[] dependencies) : ModuleBase
    {
        public override string Id => id;

        public override string DisplayName => "Module " + id;

        public override IReadOnlyList<string> Dependencies => dependencies;

        public override bool AlwaysEnabled => AlwaysOn;

        public bool AlwaysOn { get; init; }

        public override bool DefaultTenantOnly => PortalOnly;

        public bool PortalOnly { get; init; }

        public (string Text, int Position)? Menu { get; init; }

        public override void BuildAdminMenu(AdminMenuBuilder menu)
        {
            if (Menu is { } entry)
            {
                menu.Add(entry.Text, "/admin/" + id.ToLowerInvariant(), entry.Position);
            }
        }
    }
}
