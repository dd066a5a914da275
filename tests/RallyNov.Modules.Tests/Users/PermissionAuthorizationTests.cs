using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RallyNov.Core.Security;
using RallyNov.Users.Authentication;
using RallyNov.Users.Security;

namespace RallyNov.Modules.Tests.Users;

public sealed class PermissionAuthorizationTests
{
    [Fact]
    public void Policy_names_round_trip()
    {
        Assert.Equal("Permission:ManageUsers", PermissionPolicy.For(Permissions.ManageUsers));
        Assert.Equal(Permissions.ManageUsers, PermissionPolicy.PermissionOf("Permission:ManageUsers"));
        Assert.Null(PermissionPolicy.PermissionOf("Permission:"));
        Assert.Null(PermissionPolicy.PermissionOf("SomethingElse"));
    }

    [Fact]
    public async Task Permission_policies_are_built_on_demand_and_need_a_signed_in_user()
    {
        var provider = new PermissionPolicyProvider(Options.Create(new AuthorizationOptions()));

        var policy = await provider.GetPolicyAsync(PermissionPolicy.For(Permissions.ManageMedia));

        Assert.NotNull(policy);
        Assert.Contains(policy.Requirements, r => r is DenyAnonymousAuthorizationRequirement);
        Assert.Equal(Permissions.ManageMedia, Assert.Single(policy.Requirements.OfType<PermissionRequirement>()).Permission);
        Assert.Null(await provider.GetPolicyAsync("Unknown"));
    }

    [Theory]
    [InlineData("Editor", Permissions.EditOwnContent, true)]
    [InlineData("Editor", Permissions.PublishOwnContent, true)]
    [InlineData("Editor", Permissions.ManageUsers, false)]
    [InlineData("Author", Permissions.PublishOwnContent, true)]
    [InlineData("Author", Permissions.PublishContent, false)]
    [InlineData("Contributor", Permissions.PublishOwnContent, false)]
    [InlineData("Administrator", Permissions.ManageSettings, true)]
    public async Task Roles_grant_their_permissions_and_broader_ones_imply_the_own_variant(string role, string permission, bool expected)
    {
        Assert.Equal(expected, await GrantedAsync(User(role, "Bourgogne"), permission));
    }

    [Fact]
    public async Task A_principal_of_another_tenant_gets_nothing()
    {
        Assert.False(await GrantedAsync(User("Administrator", "FrancheComte"), Permissions.ViewContent));
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_nothing()
    {
        Assert.False(await GrantedAsync(new ClaimsPrincipal(new ClaimsIdentity()), Permissions.ViewContent));
    }

    private static async Task<bool> GrantedAsync(ClaimsPrincipal user, string permission)
    {
        var handler = new PermissionHandler(new DefaultsOnly(), TestTenants.Accessor(TestTenants.Context("Bourgogne", "/bourgogne")), Options.Create(new IdentityOptions()));
        var requirement = new PermissionRequirement(permission);
        var context = new AuthorizationHandlerContext([requirement], user, null);
        await handler.HandleAsync(context);
        return context.HasSucceeded;
    }

    private static ClaimsPrincipal User(string role, string tenant) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role), new Claim(UserClaimTypes.Tenant, tenant)],
        authenticationType: "test"));

    /// <summary>The built-in roles with their default permissions, as a freshly set-up tenant has them.</summary>
    private sealed class DefaultsOnly : IRolePermissionService
    {
        public Task<IReadOnlySet<string>> GetPermissionsAsync(IEnumerable<string> roleNames, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<string>>(roleNames.SelectMany(r => BuiltInRoles.Find(r)?.DefaultPermissions ?? []).ToHashSet(StringComparer.Ordinal));

        public Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> GetAllAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SetPermissionsAsync(string roleName, IEnumerable<string> permissions, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task EnsureBuiltInRolesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public void InvalidateCache()
        {
        }
    }
}
