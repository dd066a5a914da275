using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Contents;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;
using RallyNov.Pages;
using RallyNov.Pages.Controllers;

namespace RallyNov.Modules.Tests.Pages;

/// <summary>The module's contract with the host: id, dependencies, menu and routes.</summary>
public sealed class PagesModuleTests
{
    [Fact]
    public void Module_depends_on_contents_and_can_be_switched_off()
    {
        var module = new PagesModule();

        Assert.Equal("RallyNov.Pages", module.Id);
        Assert.Equal([ContentsModule.ModuleId], module.Dependencies);
        Assert.False(module.AlwaysEnabled);
    }

    [Fact]
    public void Enabling_pages_alone_brings_contents_with_it()
    {
        var catalog = new ModuleCatalog([new PagesModule(), new ContentsModule()]);
        var tenant = new TenantSettings { Name = "Bourgogne", DisplayName = "B", UrlPrefix = "bourgogne", EnabledModules = [PagesModule.ModuleId] };

        Assert.Equal([ContentsModule.ModuleId, PagesModule.ModuleId], catalog.Modules.Select(m => m.Id));
        Assert.True(catalog.IsEnabled(tenant, ContentsModule.ModuleId));
        Assert.True(catalog.IsEnabled(tenant, PagesModule.ModuleId));
    }

    [Fact]
    public void Admin_menu_entry_is_hidden_where_the_module_is_off()
    {
        var catalog = new ModuleCatalog([new PagesModule(), new ContentsModule()]);
        var on = new TenantSettings { Name = "Default", DisplayName = "Portail" };
        var off = new TenantSettings { Name = "Bourgogne", DisplayName = "B", UrlPrefix = "bourgogne", EnabledModules = [ContentsModule.ModuleId] };

        var entry = Assert.Single(catalog.AdminMenuFor(on), i => i.ModuleId == PagesModule.ModuleId && i.Text == "Pages");
        Assert.Equal("/admin/contents?type=Page", entry.Url);
        Assert.DoesNotContain(catalog.AdminMenuFor(off), i => i.ModuleId == PagesModule.ModuleId);
    }

    [Fact]
    public void Detail_route_is_the_route_pattern_of_the_page_type()
    {
        var builder = new ContentDefinitionBuilder();
        new PagesModule().DefineContent(builder);
        var pattern = builder.Types.Single(t => t.Name == PagesModule.PageType).RoutePattern;

        Assert.Equal(pattern, RouteOf(typeof(PageController), nameof(PageController.Detail)));
        Assert.Equal("/", RouteOf(typeof(HomeController), nameof(HomeController.Index)));
    }

    [Fact]
    public void Public_actions_only_answer_get()
    {
        var actions = new[] { typeof(PageController), typeof(HomeController) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));

        Assert.All(actions, a => Assert.NotNull(a.GetCustomAttribute<HttpGetAttribute>()));
    }

    private static string? RouteOf(Type controller, string action) =>
        controller.GetMethod(action)!.GetCustomAttribute<HttpGetAttribute>()!.Template;
}
