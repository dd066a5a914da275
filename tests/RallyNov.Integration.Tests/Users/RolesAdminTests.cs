using System.Net;
using System.Text.RegularExpressions;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Users;

/// <summary>The role × permission grid: what an administrator grants is enforced at once.</summary>
[Collection(UsersAppGroup.Name)]
public sealed partial class RolesAdminTests(UsersAppFactory app)
{
    [Fact]
    public async Task Granting_a_permission_to_a_role_opens_the_matching_screens_to_its_users()
    {
        var contributor = await app.CreateUserAsync("Default", "Contributor");
        using var browser = app.Browser();
        using (var login = await browser.LoginAsync("", contributor, UsersAppFactory.UserPassword))
        using (var before = await browser.GetAsync("/admin/users"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        }

        using var admin = app.Browser();
        using (var adminLogin = await admin.LoginAsync("", "admin", UsersAppFactory.AdminPassword))
        {
            var grid = await admin.GetPageAsync("/admin/roles");
            var grants = CheckedGrants().Matches(grid).Select(m => m.Groups[1].Value).ToList();
            Assert.Contains("Editor:PublishContent", grants);
            grants.Add("Contributor:ManageUsers");

            using var saved = await admin.SubmitAsync(HtmlForm.Find(grid, "/admin/roles", "/admin/roles"),
                grants.Select(g => new KeyValuePair<string, string>("grants", g)));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var after = await browser.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        // The rest of the grid was kept as it was.
        Assert.Matches("value=\"Editor:PublishContent\"[^>]*checked", await admin.GetPageAsync("/admin/roles"));
    }

    [GeneratedRegex("name=\"grants\" value=\"([^\"]+)\"[^>]*checked=\"checked\"")]
    private static partial Regex CheckedGrants();
}
