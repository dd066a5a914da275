using RallyNov.Core.Security;
using RallyNov.Users.Security;

namespace RallyNov.Modules.Tests.Users;

public sealed class BuiltInRolesTests
{
    [Fact]
    public void Administrator_gets_every_permission()
    {
        Assert.Equal(Permissions.All.Select(p => p.Name).Order(), Defaults(BuiltInRoles.Administrator).Order());
    }

    [Fact]
    public void Editor_manages_all_content_but_not_users_or_settings()
    {
        var editor = Defaults(BuiltInRoles.Editor);
        Assert.Contains(Permissions.EditContent, editor);
        Assert.Contains(Permissions.PublishContent, editor);
        Assert.Contains(Permissions.DeleteContent, editor);
        Assert.DoesNotContain(Permissions.ManageUsers, editor);
        Assert.DoesNotContain(Permissions.ManageSettings, editor);
    }

    [Fact]
    public void Author_publishes_only_own_content()
    {
        var author = Defaults(BuiltInRoles.Author);
        Assert.Contains(Permissions.EditOwnContent, author);
        Assert.Contains(Permissions.PublishOwnContent, author);
        Assert.DoesNotContain(Permissions.EditContent, author);
        Assert.DoesNotContain(Permissions.PublishContent, author);
    }

    [Fact]
    public void Contributor_edits_own_drafts_and_never_publishes()
    {
        var contributor = Defaults(BuiltInRoles.Contributor);
        Assert.Contains(Permissions.EditOwnContent, contributor);
        Assert.DoesNotContain(Permissions.PublishOwnContent, contributor);
        Assert.DoesNotContain(Permissions.PublishContent, contributor);
        Assert.DoesNotContain(Permissions.DeleteContent, contributor);
    }

    [Fact]
    public void Every_default_permission_is_a_known_one_and_roles_have_french_names()
    {
        foreach (var role in BuiltInRoles.All)
        {
            Assert.All(role.DefaultPermissions, p => Assert.True(Permissions.IsKnown(p), p));
            Assert.NotEqual(role.Name, role.DisplayName);
        }
    }

    private static IReadOnlyList<string> Defaults(string role) => BuiltInRoles.Find(role)!.DefaultPermissions;
}
