using RallyNov.AdminTheme.Components;
using RallyNov.Core.Modules;

namespace RallyNov.Modules.Tests.AdminTheme;

public sealed class AdminMenuTests
{
    private static readonly AdminMenuItem Dashboard = new("m", "Tableau de bord", "/admin", 0, null);
    private static readonly AdminMenuItem AllContent = new("m", "Tous les contenus", "/admin/contents", 10, null);
    private static readonly AdminMenuItem Pages = new("m", "Pages", "/admin/contents?type=Page", 20, null);
    private static readonly AdminMenuItem Users = new("m", "Utilisateurs", "/admin/users", 90, null);
    private static readonly AdminMenuItem[] Menu = [Dashboard, AllContent, Pages, Users];

    [Theory]
    [InlineData("/admin", "", "Tableau de bord")]
    [InlineData("/admin/contents", "", "Tous les contenus")]
    [InlineData("/admin/contents", "?type=Page&status=draft", "Pages")]
    [InlineData("/admin/contents", "?type=Event", "Tous les contenus")]
    [InlineData("/admin/users/new", "", "Utilisateurs")]
    public void The_current_page_marks_one_entry(string path, string query, string expected)
    {
        Assert.Equal(expected, AdminMenuViewComponent.CurrentEntry(Menu, path, query)?.Text);
    }

    [Fact]
    public void A_page_outside_the_menu_marks_none()
    {
        Assert.Null(AdminMenuViewComponent.CurrentEntry(Menu, "/admin/other", ""));
    }
}
